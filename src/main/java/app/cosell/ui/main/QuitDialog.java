package app.cosell.ui.main;

import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * Asks before the main window closes while engagement tasks run: names them, and says they are followed again on the
 * next launch (the task runs on at AWS either way). "Stay" is the default.
 */
final class QuitDialog {

    private QuitDialog() {}

    /** True to close. {@code running}: one line per task not ended yet (not empty). FX thread; waits for the rep. */
    static boolean confirm(Stage owner, List<String> running) {
        ButtonType quit = new ButtonType(Messages.get("quit.confirm.quit"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(Messages.get("quit.confirm.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, stay, quit);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("quit.confirm.title"));
        alert.setHeaderText(Messages.format("quit.confirm.header", running.size()));
        Label text = new Label(Messages.get("quit.confirm.text") + "\n\n\u2022 " + String.join("\n\u2022 ", running));
        text.setWrapText(true);
        text.setId("quitTasks");
        // Every line shown whole (a wrapped label in a dialog otherwise gets one line's height).
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setPrefWidth(440);
        alert.setGraphic(Icons.INFO.create());
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("quitConfirmation");
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        for (ButtonType t : List.of(stay, quit)) {
            ((Button) alert.getDialogPane().lookupButton(t)).setMinWidth(Region.USE_PREF_SIZE);
        }
        ((Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(quit)).setDefaultButton(false);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return alert.showAndWait().filter(b -> b == quit).isPresent();
    }
}
