/**
 * The command line (picocli) over the same core as the window: {@code engage}, {@code status}, {@code sync},
 * {@code batch}, {@code invitations}, {@code accept}, {@code reject}. Depends on {@code model}, {@code engagement},
 * {@code partner} and {@code store}; never on {@code ui} or JavaFX. Exit codes: {@link app.cosell.cli.ExitCode}.
 */
package app.cosell.cli;
