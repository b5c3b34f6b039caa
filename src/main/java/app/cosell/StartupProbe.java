package app.cosell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Start-up instrumentation for packaging, inert unless asked for: notes when the first window has shown its first
 * frame, for the start-up benchmark ({@value #MARKER}=FILE gets {@code firstFrameEpochMillis=...}) and for the AOT
 * cache training run at build time ({@value #EXIT}=MILLIS closes the app that long after the first frame).
 */
final class StartupProbe {

    static final String MARKER = "cosell.startupMarker";
    static final String EXIT = "cosell.exitAfterFirstFrame";

    private StartupProbe() {}

    /** Called before the toolkit starts; touches no JavaFX class unless one of the properties is set. */
    static void installIfRequested() {
        String marker = System.getProperty(MARKER);
        String exit = System.getProperty(EXIT);
        if (marker == null && exit == null) {
            return;
        }
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    for (Window window : change.getAddedSubList()) {
                        if (window instanceof Stage) {
                            Window.getWindows().removeListener(this);
                            window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> afterFirstFrame(marker, exit));
                            return;
                        }
                    }
                }
            }
        });
    }

    /** A pulse starts only once the previous frame is rendered, so the second pulse after showing means "drawn". */
    private static void afterFirstFrame(String marker, String exit) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long at = System.currentTimeMillis();
                if (marker != null) {
                    write(Path.of(marker), "firstFrameEpochMillis=" + at + "\n");
                }
                if (exit != null) {
                    PauseTransition pause = new PauseTransition(Duration.millis(exit.matches("\\d+") ? Long.parseLong(exit) : 0));
                    pause.setOnFinished(e -> Platform.exit());
                    pause.play();
                }
            }
        }.start();
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
