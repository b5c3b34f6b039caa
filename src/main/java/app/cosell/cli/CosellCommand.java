package app.cosell.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code cosell-console <command> …}, the same engagement core as the window without JavaFX.
 * Each sub-command is a class of this package registered in {@link #SUBCOMMANDS}; the {@code Launcher} hands it
 * every invocation whose first argument names one.
 */
@Command(name = "cosell-console", mixinStandardHelpOptions = true, versionProvider = CosellCommand.Version.class,
        description = "Co-Sell Console on the command line: the same guard, start policy and tracking as the app.",
        subcommands = {CommandLine.HelpCommand.class})
public final class CosellCommand {

    /** The sub-commands: one line each, added by the feature that brings it. */
    private static final Class<?>[] SUBCOMMANDS = {
            BatchCommand.class,
            StatusCommand.class,
            EngageCommand.class,
            SyncCommand.class,
            InvitationsCommand.class,
            AcceptCommand.class,
            RejectCommand.class,
    };

    /** The names the launcher dispatches here (besides {@code --help} and {@code --version}). */
    public static boolean handles(String firstArgument) {
        if (firstArgument == null) return false;
        if (Set.of("help", "--help", "-h", "--version", "-V").contains(firstArgument)) return true;
        return commandLine().getSubcommands().containsKey(firstArgument);
    }

    /** Runs the command line and returns its exit code (see {@link ExitCode}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CosellCommand());
        for (Class<?> subcommand : SUBCOMMANDS) commandLine.addSubcommand(subcommand);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** The app version from the jar's manifest ("dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cosell-console " + appVersion()};
        }
    }

    /** The version the user agent carries. */
    public static String appVersion() {
        String version = CosellCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
