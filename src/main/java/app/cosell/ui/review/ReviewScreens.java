package app.cosell.ui.review;

import app.cosell.model.Opportunity;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Views;
import java.time.Duration;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Makes review panels: one in the detail pane that follows the opportunity shown there, and one in a task's progress
 * window once the task is COMPLETE (it follows AWS's review to the decision). The app context builds one.
 */
public final class ReviewScreens {

    /** A new panel's model: each panel reads and follows on its own. */
    private final Supplier<ReviewPanelModel> newModel;

    /**
     * @param followEvery how often a panel reads a review AWS has not decided yet
     * @param fixRequest  "Fix in the app" on an Action Required review
     */
    public ReviewScreens(ReviewSource source, Background background, Duration followEvery, ResourceBundle messages,
                         FixRequest fixRequest) {
        this.newModel = () -> new ReviewPanelModel(source, background, followEvery, messages, fixRequest);
    }

    /** A new panel (view and model). */
    public ReviewPanelController panel() {
        ReviewPanelController controller = new ReviewPanelController(newModel.get());
        Views.load("/app/cosell/ui/review/ReviewPanel.fxml", controller);
        return controller;
    }

    /** Puts a panel in {@code slot} that shows the review of whichever record {@code shown} holds. */
    public ReviewPanelController attach(Pane slot, ObservableValue<Opportunity> shown) {
        ReviewPanelController panel = panel();
        slot.getChildren().add(panel.root());
        shown.addListener((o, was, now) -> {
            if (now == null) panel.model().clear();
            else panel.model().show(now);
        });
        if (shown.getValue() != null) panel.model().show(shown.getValue());
        return panel;
    }

    /** A panel that reads and follows the review of {@code opportunityId} (a progress window after COMPLETE). */
    public Node following(String opportunityId) {
        ReviewPanelController panel = panel();
        panel.model().show(opportunityId);
        return panel.root();
    }
}
