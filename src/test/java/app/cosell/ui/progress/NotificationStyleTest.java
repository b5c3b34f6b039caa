package app.cosell.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ui.FxWait;
import app.cosell.ui.common.Theme;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "task ended" notification: styled by the app's theme without CSS errors (ControlsFX's popup looked up Modena
 * colours AtlantaFX does not define: a ClassCastException per notification), and no "()" for an unknown customer.
 */
class NotificationStyleTest {

    @Test
    void aNotificationInTheAppsThemeRaisesNoCssErrorInEitherTheme() throws Exception {
        List<String> cssProblems = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) {
                String text = r.getMessage() + (r.getThrown() == null ? "" : r.getThrown().toString());
                if (text.contains("ClassCastException") || text.contains("Could not resolve")) cssProblems.add(text);
            }
            @Override public void flush() {}
            @Override public void close() {}
        };
        Logger css = Logger.getLogger("javafx.css");
        css.addHandler(handler);
        Stage stage = FxToolkit.registerPrimaryStage();
        try {
            for (Theme theme : Theme.values()) {
                WaitForAsyncUtils.asyncFx(() -> {
                    theme.apply();
                    Scene s = new Scene(new Label("main"), 500, 400);
                    Theme.style(s);
                    stage.setScene(s);
                    stage.show();
                    Notifications.create().title("Engagement task ended").text("Engagement started for O20000004.")
                            .graphic(new FontIcon(Material2AL.CHECK_CIRCLE))
                            .owner(stage).position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(30)).show();
                }).get(10, TimeUnit.SECONDS);
                FxWait.until(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                        .anyMatch(w -> w != stage && w.isShowing() && w.getScene().getRoot().lookup(".notification-bar") != null));
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                        .forEach(Window::hide)).get();
            }
        } finally {
            css.removeHandler(handler);
            WaitForAsyncUtils.asyncFx(() -> { Theme.LIGHT.apply(); stage.hide(); }).get();
        }
        assertThat(cssProblems).isEmpty();
    }

    @Test
    void aTaskWhoseCustomerIsNotKnownReadsWithoutEmptyParentheses() {
        ResourceBundle m = ResourceBundle.getBundle("app.cosell.i18n.messages");
        assertThat(MessageFormat.format(m.getString("progress.notify.COMPLETE.noCustomer"), "O20000004", "", ""))
                .isEqualTo("Engagement started for O20000004.");
        assertThat(MessageFormat.format(m.getString("progress.notify.FAILED.noCustomer"), "O20000004", "", "Missing website"))
                .doesNotContain("()").contains("Missing website");
    }
}
