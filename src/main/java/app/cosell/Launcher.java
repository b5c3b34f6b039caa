package app.cosell;

import app.cosell.cli.CosellCommand;
import app.cosell.emulator.EmulatorCommand;
import java.util.Arrays;

/**
 * Plain entry point (not a JavaFX Application, so it also works with JavaFX on the class path). Opens the console by
 * default; {@code emulator} runs the local Partner Central emulator alone, and the command line's sub-commands
 * ({@link CosellCommand}) run without touching JavaFX.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("emulator")) {
            System.exit(EmulatorCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && CosellCommand.handles(args[0])) {
            // Before the first logger exists: the terminal shows the command's own output, warnings and errors only.
            System.setProperty("cosell.log.console", "WARN");
            System.exit(CosellCommand.run(args));
        }
        // The log file first, before anything logs (the data folder is known only now); on this thread, not the FX one.
        AppLog.install(app.cosell.files.AppDataFolder.resolve());
        StartupProbe.installIfRequested();
        // The context (settings file, task history folder, the executor) is built while JavaFX starts its toolkit,
        // on a second core where there is one; CosellApp.init() waits for it.
        CosellApp.prepareContext();
        javafx.application.Application.launch(CosellApp.class, args);
    }
}
