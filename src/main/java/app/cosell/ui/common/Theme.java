package app.cosell.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** The two looks of the app: AtlantaFX Primer light or dark, plus our own small stylesheet on every scene. */
public enum Theme {
    LIGHT, DARK;

    private static final String APP_CSS =
            Objects.requireNonNull(Theme.class.getResource("/app/cosell/ui/common/cosell.css")).toExternalForm();

    /**
     * Makes this the look of every window of the app (FX thread). The theme comes in its compiled (binary) form:
     * JavaFX then reads it without parsing some 160 KB of CSS on the way to the first frame.
     */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Adds the app's stylesheet to a new scene (every window calls this once). */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) scene.getStylesheets().add(APP_CSS);
    }
}
