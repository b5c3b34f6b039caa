/**
 * The main window: header (catalog badge, connection, sign-in), the opportunity list and detail, the status bar, and
 * the flow connect → first page → resume what was running. {@link app.cosell.ui.main.ShellServices} is everything it
 * needs from the rest of the app, handed over by {@code AppContext}.
 */
package app.cosell.ui.main;
