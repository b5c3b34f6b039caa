package app.cosell.ui.engage;

import app.cosell.engagement.StartGuard;
import app.cosell.model.EditableField;
import app.cosell.model.StartVerdict;
import app.cosell.ui.common.Messages;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the Start-engagement form shows instead of its fields when the guard blocks the start: the reasons (what is
 * wrong, how to fix it) and the one action the model's {@link StartEngagementFormModel.BlockedOffer} names.
 */
final class BlockedReasonsView {

    /** What the offered actions do; each runs after the form was closed. */
    interface Actions {
        void showRunningTask();

        void fixIt(EditableField field);
    }

    private BlockedReasonsView() {}

    /** The view of a blocked {@code verdict}; {@code close} hides the form before an action runs. FX thread. */
    static VBox create(StartVerdict verdict, Runnable close, Actions actions) {
        VBox box = new VBox(10);
        box.setId("blockedReasons");
        box.getStyleClass().add("engage-body");
        Label heading = new Label(Messages.get("guard.blocked.heading"));
        heading.getStyleClass().add("section-title");
        box.getChildren().add(heading);
        for (StartVerdict.Reason r : verdict.reasons()) {
            Label what = new Label(StartGuard.what(r, Messages.bundle()));
            what.setWrapText(true);
            what.getStyleClass().add("server-error");
            Label fix = new Label(StartGuard.fix(r, Messages.bundle()));
            fix.setWrapText(true);
            fix.getStyleClass().add("field-help");
            box.getChildren().addAll(what, fix);
        }
        HBox buttons = new HBox(8);
        StartEngagementFormModel.BlockedOffer offer = StartEngagementFormModel.BlockedOffer.of(verdict);
        if (offer.showRunningTask()) {
            buttons.getChildren().add(button("blockedShowTask", "guard.blocked.showTask", close, actions::showRunningTask));
        } else if (offer.fixIt() != null) {
            buttons.getChildren().add(button("blockedFixIt", "guard.blocked.fixIt", close,
                    () -> actions.fixIt(offer.fixIt())));
        }
        box.getChildren().add(buttons);
        if (!buttons.getChildren().isEmpty()) Platform.runLater(() -> buttons.getChildren().getFirst().requestFocus());
        return box;
    }

    /** A default button that closes the form, then does {@code then}. */
    private static Button button(String id, String key, Runnable close, Runnable then) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setDefaultButton(true);
        b.setOnAction(e -> {
            close.run();
            then.run();
        });
        return b;
    }
}
