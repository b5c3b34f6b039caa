package app.cosell.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view (resource beside its package under /app/cosell/ui) with the message bundle and its controller. */
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
}
