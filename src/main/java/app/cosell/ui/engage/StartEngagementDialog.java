package app.cosell.ui.engage;

import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Views;
import app.cosell.ui.common.WindowPlacement;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the Start engagement form for one opportunity in its own window-modal window. */
public final class StartEngagementDialog {

    private StartEngagementDialog() {}

    public static Stage open(Window owner, StartEngagementFormModel model, StartEngagementController.Host host) {
        StartEngagementController controller = new StartEngagementController(model, host);
        Parent root = Views.load("/app/cosell/ui/engage/StartEngagementForm.fxml", controller);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(Messages.get("engage.title") + " \u00b7 " + model.opportunityId());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(StartEngagementDialog.class.getResource(
                "/app/cosell/ui/engage/engage.css").toExternalForm());
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(0, owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setUserData(controller);
        // A small screen (or half of one): the window fits on it and the form scrolls.
        stage.setOnShown(e -> WindowPlacement.fit(stage, WindowPlacement.screenOf(owner)));
        stage.show();
        // The form has the keyboard at once: the rep's choice of involvement is focused.
        stage.requestFocus();
        controller.focusFirstField();
        return stage;
    }
}
