package app.cosell.ui.opportunities;

import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before a full reload (Shift+F5) that would use more than a tenth of the day's read budget. */
final class ReloadConfirmation {

    private ReloadConfirmation() {}

    /** True when the rep confirms the full reload. */
    static boolean ask(Window owner, OpportunityListModel list) {
        ButtonType ok = new ButtonType(Messages.get("opportunities.reload.confirm"), ButtonBar.ButtonData.OK_DONE);
        var usage = list.usageProperty().get();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.format("opportunities.reload.text",
                Formats.count(list.fullReloadReads()), usage == null ? "?" : Formats.count(usage.readsLeft())), ok,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("opportunities.reload.title"));
        alert.setHeaderText(Messages.get("opportunities.reload.header"));
        alert.getDialogPane().setId("fullReloadConfirmation");
        return alert.showAndWait().filter(b -> b == ok).isPresent();
    }
}
