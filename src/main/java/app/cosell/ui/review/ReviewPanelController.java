package app.cosell.ui.review;

import app.cosell.ui.common.FieldGrid;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The review panel's view: shows the {@link ReviewPanelModel}; "Fix in the app" and "Copy e-mail" go to it. */
public final class ReviewPanelController {

    private final ReviewPanelModel model;

    @FXML private VBox root;
    @FXML private ProgressIndicator busy;
    @FXML private Label statusLabel;
    @FXML private Label sinceLabel;
    @FXML private VBox reviewFields;
    @FXML private Button fixButton;
    @FXML private VBox awsBox;
    @FXML private Label sellerLabel;
    @FXML private Button copyEmailButton;
    @FXML private GridPane awsGrid;
    @FXML private Label failureLabel;
    private VBox awsLists;
    private final PauseTransition copiedShown = new PauseTransition(Duration.seconds(2));

    public ReviewPanelController(ReviewPanelModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        for (Node n : new Node[] {busy, fixButton, awsBox, failureLabel, copyEmailButton, root}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        busy.visibleProperty().bind(model.loadingProperty());
        fixButton.visibleProperty().bind(model.fixableProperty());
        fixButton.getStyleClass().add(Styles.ACCENT);
        copyEmailButton.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        failureLabel.textProperty().bind(model.failureProperty());
        failureLabel.visibleProperty().bind(model.failureProperty().isNotNull());
        model.reportProperty().addListener(o -> refresh());
        refresh();
    }

    public VBox root() { return root; }

    public ReviewPanelModel model() { return model; }

    @FXML
    private void fix() { model.fix(); }

    @FXML
    private void copyEmail() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.sellerEmail());
        Clipboard.getSystemClipboard().setContent(content);
        copyEmailButton.setText(Messages.get("review.emailCopied"));
        // The confirmation is shown for a moment, then the button says again what it does.
        copiedShown.setOnFinished(e -> copyEmailButton.setText(Messages.get("review.copyEmail")));
        copiedShown.playFromStart();
    }

    private void refresh() {
        root.setVisible(model.reportProperty().get() != null);
        statusLabel.setText(model.statusText());
        statusLabel.getStyleClass().removeIf(s -> s.startsWith("review-"));
        statusLabel.getStyleClass().add(model.statusStyle());
        sinceLabel.setText(model.sinceText());
        stack(reviewFields, "review.comments", model.comments(), "review.reason", model.reason(),
                "review.fieldsToFix", model.fieldsToFix(), "review.whatNext", model.whatHappensNext());
        awsBox.setVisible(model.hasAwsView());
        sellerLabel.setText(model.sellerText());
        copyEmailButton.setVisible(!model.sellerEmail().isEmpty());
        copyEmailButton.setText(Messages.get("review.copyEmail"));
        copyEmailButton.setAccessibleText(Messages.get("review.copyEmail") + " " + model.sellerEmail());
        fill(awsGrid, "review.awsStage", model.awsStage(), "review.score", model.engagementScore(),
                "review.involvement", model.involvement(), "review.team", String.join("\n", model.otherTeam()));
        // Sentences (next best actions, next steps) take the pane's full width under their names: in a grid
        // column beside a long name they wrap into a narrow strip, word by word, in a 960 px window.
        if (awsLists == null) {
            awsLists = new VBox(6);
            awsBox.getChildren().add(awsLists);
        }
        stack(awsLists, "review.nextBestActions", model.nextBestActions(), "review.nextSteps", model.nextSteps());
    }

    /** Long texts (AWS's comments): the name above, the text the pane's full width under it. */
    private static void stack(VBox box, String... keysAndValues) {
        box.getChildren().clear();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String value = keysAndValues[i + 1];
            if (value == null || value.isBlank()) continue;
            Label name = new Label(Messages.get(keysAndValues[i]));
            // Above its text, a name takes its own width (not the label column of the panes beside): never cut.
            name.getStyleClass().add("field-name-above");
            Label v = new Label(value);
            v.setWrapText(true);
            v.setId("review-" + keysAndValues[i].substring("review.".length()));
            box.getChildren().add(new VBox(1, name, v));
        }
    }

    private static void fill(GridPane grid, String... keysAndValues) {
        FieldGrid.fill(grid, (key, value) -> {
            Label v = new Label(value);
            v.setWrapText(true);
            v.setId("review-" + key.substring("review.".length()));
            return v;
        }, keysAndValues);
    }
}
