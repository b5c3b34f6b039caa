package app.cosell;

import app.cosell.emulator.EmulatorCommand;
import java.util.Arrays;

/** Plain main(): the {@code emulator} sub-command runs the local Partner Central; the GUI comes later. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("emulator")) {
            System.exit(EmulatorCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.out.println("Co-Sell Console (java " + Runtime.version() + "); sub-command: emulator --help");
    }
}
