package app.cosell.ui.main;

import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.UiSettings;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's place and size across launches: restored from the settings when it still fits a screen, and
 * saved as it moves (a maximized window keeps the bounds it had before).
 */
final class MainWindowBounds {

    private MainWindowBounds() {}

    /** Restores the saved bounds onto {@code stage} and saves them again whenever they change. FX thread. */
    static void restoreAndKeep(Stage stage, SettingsKeeper settings) {
        UiSettings.WindowBounds b = settings.get().window();
        if (b != null && !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        }
        InvalidationListener moved = o -> {
            if (stage.isIconified()) return;
            UiSettings.WindowBounds prev = settings.get().window();
            UiSettings.WindowBounds now = stage.isMaximized() && prev != null
                    ? new UiSettings.WindowBounds(prev.x(), prev.y(), prev.width(), prev.height(), true)
                    : new UiSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
            settings.update(s -> s.withWindow(now));
        };
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(moved);
    }
}
