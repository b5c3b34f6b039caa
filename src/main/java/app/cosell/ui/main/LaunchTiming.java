package app.cosell.ui.main;

import app.cosell.ui.common.Background;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of a launch: runs work once the first frame is drawn, and logs how long after the process start the
 * first frame and the first rows were shown (the start time is read in the background).
 */
final class LaunchTiming {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchTiming.class);

    private final Background background;
    private boolean firstRowsLogged;

    LaunchTiming(Background background) { this.background = background; }

    /** Runs {@code action} on the FX thread in the second pulse after now: the first frame has been drawn by then. */
    void afterFirstFrame(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        int[] pulses = new int[1];
        listener[0] = () -> {
            if (++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** Rows were loaded: logs, once, the frame that shows the first of them (measured once they are laid out). */
    void rowsLoaded(Scene scene) {
        if (firstRowsLogged) return;
        firstRowsLogged = true;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            logSinceStart("first rows shown");
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Logs how long after the process start {@code what} happened. */
    void logSinceStart(String what) {
        long at = System.currentTimeMillis();
        background.run(() -> ProcessHandle.current().info().startInstant().map(i -> at - i.toEpochMilli()),
                ms -> ms.ifPresent(v -> LOG.info("{} after {} ms (from process start)", what, v)), e -> { });
    }
}
