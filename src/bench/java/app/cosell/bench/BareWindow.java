package app.cosell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The start-up baseline: a bare JavaFX window of the main window's size, run on the packaged runtime. Marks its first
 * drawn frame exactly as the app's StartupProbe does ({@code cosell.startupMarker=FILE}) and, with
 * {@code cosell.exitAfterFirstFrame}, closes right after it.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long at = System.currentTimeMillis();
                String marker = System.getProperty("cosell.startupMarker");
                if (marker != null) {
                    try {
                        Path file = Path.of(marker);
                        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                        Files.writeString(tmp, "firstFrameEpochMillis=" + at + "\n");
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }
                if (System.getProperty("cosell.exitAfterFirstFrame") != null) {
                    Platform.exit();
                }
            }
        }.start());
        stage.setTitle("Bare JavaFX window");
        stage.setScene(new Scene(new BorderPane(new Label("Bare JavaFX window")), 1200, 760));
        stage.show();
    }

    public static void main(String[] args) {
        launch(BareWindow.class, args);
    }
}
