package app.cosell;

import java.util.Arrays;

/**
 * Plain entry point (not a JavaFX Application, so it also works with JavaFX on the class path). Opens the console by
 * default; {@code emulator} runs the local Partner Central emulator alone.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("emulator")) {
            System.err.println("The emulator is not built yet.");
            System.exit(2);
            return;
        }
        javafx.application.Application.launch(CosellApp.class, args);
    }

    static String[] rest(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
