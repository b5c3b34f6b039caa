package app.cosell;

import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the context and shows the main window. */
public final class CosellApp extends Application {

    @Override
    public void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle("app.cosell.i18n.messages");
        BorderPane root = new BorderPane(new Label(messages.getString("app.title")));
        root.setId("mainWindow");
        stage.setTitle(messages.getString("app.title"));
        stage.setScene(new Scene(root, 1200, 760));
        stage.show();
    }
}
