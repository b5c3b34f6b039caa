package app.cosell.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Loads an FXML view (resource beside its package under /app/cosell/ui) with the message bundle and its controller,
 * and makes the windows that show one.
 */
public final class Views {

    private Views() {}

    public static <T extends Parent> T load(String resource, Object controller) {
        URL url = Objects.requireNonNull(Views.class.getResource(resource), resource);
        FXMLLoader loader = new FXMLLoader(url, Messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + resource, e); // a packaging defect, not a user error
        }
    }

    /**
     * A window of its own over {@code owner}: its title from the message bundle, the view of {@code resource} (with
     * {@code controller}) as its themed scene. Not shown yet.
     */
    public static Stage window(Window owner, String titleKey, String resource, Object controller) {
        Stage window = new Stage();
        window.initOwner(owner);
        window.setTitle(Messages.get(titleKey));
        Scene scene = new Scene(load(resource, controller));
        Theme.style(scene);
        window.setScene(scene);
        return window;
    }
}
