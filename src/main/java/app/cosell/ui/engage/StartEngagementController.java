package app.cosell.ui.engage;

import app.cosell.model.EditableField;
import app.cosell.model.InvolvementType;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StartVerdict;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.progress.TrackedTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Wires the Start engagement form to its {@link StartEngagementFormModel}: radio groups, tag rows with their errors
 * under the fields, copy buttons, and the start itself (with the production confirmation). While the start call is
 * on its way the form stays open. Why Start is off, what a blocked start offers, whether the service took the start
 * and where a refusal goes are the model's decisions; this class shows them and does what they say.
 */
public final class StartEngagementController {

    /** What the form needs from around it: starting the task, showing its progress, forgetting a refused one. */
    public interface Host {
        TrackedTask start(StartEngagementRequest request, String customerName);

        void showProgress(TrackedTask task);

        void forget(TrackedTask task);

        /** Opens the opportunity editor on {@code field} (a blocked start's "Fix it"). */
        default void fixIt(String opportunityId, EditableField field) {}

        /** Brings forward the task already running for the opportunity. */
        default void showRunningTask(String opportunityId) {}
    }

    private final StartEngagementFormModel model;
    private final Host host;
    private final Map<StartEngagementFormModel.TagRow, Node> rowNodes = new IdentityHashMap<>();
    private boolean started;

    @FXML private BorderPane root;
    @FXML private ScrollPane scroll;
    @FXML private Label opportunityLabel;
    @FXML private Label projectLabel;
    @FXML private Label catalogLabel;
    @FXML private Label productionWarning;
    @FXML private Label readinessWarning;
    @FXML private Label startBlocked;
    @FXML private Label generalError;
    @FXML private ToggleGroup involvementGroup;
    @FXML private RadioButton coSell;
    @FXML private RadioButton visibilityOnly;
    @FXML private Label involvementError;
    @FXML private ToggleGroup visibilityGroup;
    @FXML private RadioButton visibilityFull;
    @FXML private RadioButton visibilityLimited;
    @FXML private Label visibilityError;
    @FXML private Label tagCount;
    @FXML private Label noTags;
    @FXML private VBox tagRows;
    @FXML private Label tagsError;
    @FXML private Button addTag;
    @FXML private Button copyCli;
    @FXML private Button copyJson;
    @FXML private Label copiedLabel;
    @FXML private Button cancel;
    @FXML private Button start;

    public StartEngagementController(StartEngagementFormModel model, Host host) {
        this.model = model;
        this.host = host;
    }

    @FXML
    private void initialize() {
        opportunityLabel.setText(Messages.format("engage.opportunity", model.opportunityId(),
                model.customerName() == null ? "" : model.customerName()));
        projectLabel.setText(model.projectTitle() == null ? "" : Messages.format("engage.opportunity.title", model.projectTitle()));
        showWhenText(projectLabel);
        catalogLabel.setText(Messages.get("engage.catalog." + model.catalog().wire()));
        if (model.catalog().isProduction()) catalogLabel.getStyleClass().add("production");
        productionWarning.setVisible(model.catalog().isProduction());
        productionWarning.setManaged(model.catalog().isProduction());

        coSell.setUserData(InvolvementType.CO_SELL);
        visibilityOnly.setUserData(InvolvementType.FOR_VISIBILITY_ONLY);
        visibilityFull.setUserData(Visibility.FULL);
        visibilityLimited.setUserData(Visibility.LIMITED);
        bindToggle(involvementGroup, model.involvementTypeProperty().get());
        bindToggle(visibilityGroup, model.visibilityProperty().get());
        involvementGroup.selectedToggleProperty().addListener((o, a, b) ->
                model.involvementTypeProperty().set(b == null ? null : (InvolvementType) b.getUserData()));
        visibilityGroup.selectedToggleProperty().addListener((o, a, b) ->
                model.visibilityProperty().set(b == null ? null : (Visibility) b.getUserData()));
        coSell.setAccessibleHelp(Messages.get("engage.involvement.CO_SELL.help"));
        visibilityOnly.setAccessibleHelp(Messages.get("engage.involvement.FOR_VISIBILITY_ONLY.help"));
        visibilityFull.setAccessibleHelp(Messages.get("engage.visibility.FULL.help"));
        visibilityLimited.setAccessibleHelp(Messages.get("engage.visibility.LIMITED.help"));

        involvementError.textProperty().bind(model.involvementServerErrorProperty());
        visibilityError.textProperty().bind(model.visibilityServerErrorProperty());
        generalError.textProperty().bind(Bindings.createStringBinding(() -> {
            String e = model.generalServerErrorProperty().get();
            return e == null ? null : Messages.get("engage.server.error") + "\n" + e;
        }, model.generalServerErrorProperty()));
        tagsError.textProperty().bind(TagRowView.errorText(model.listProblemProperty(), model.tagsServerErrorProperty()));
        for (Label l : new Label[] {involvementError, visibilityError, generalError, tagsError, copiedLabel}) showWhenText(l);

        model.tags().addListener((ListChangeListener<StartEngagementFormModel.TagRow>) c -> {
            boolean structural = false;
            while (c.next()) if (!c.wasUpdated()) structural = true;
            if (structural) layoutTagRows();
        });
        layoutTagRows();
        tagCount.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("engage.tags.count", model.tags().size(), Tag.MAX_TAGS), model.tags()));
        noTags.visibleProperty().bind(Bindings.isEmpty(model.tags()));
        noTags.managedProperty().bind(noTags.visibleProperty());

        addTag.disableProperty().bind(model.canAddTagProperty().not());
        start.disableProperty().bind(model.canStartProperty().not());
        showVerdict();
        model.verdictProperty().addListener((o, a, b) -> showVerdict());
        copyCli.disableProperty().bind(model.validProperty().not());
        copyJson.disableProperty().bind(model.validProperty().not());
        coSell.disableProperty().bind(model.busyProperty());
        visibilityOnly.disableProperty().bind(model.busyProperty());
        visibilityFull.disableProperty().bind(model.busyProperty());
        visibilityLimited.disableProperty().bind(model.busyProperty());
        tagRows.disableProperty().bind(model.busyProperty());
        start.textProperty().bind(Bindings.when(model.busyProperty())
                .then(Messages.get("engage.starting")).otherwise(Messages.get("engage.start")));
        model.validProperty().addListener((o, a, b) -> copiedLabel.setText(null));

        copyCli.setGraphic(Icons.COPY.create());
        copyJson.setGraphic(Icons.CODE.create());
        addTag.setGraphic(Icons.ADD.create());
        addTag.setAccessibleText(Messages.get("engage.tags.add").replace("_", ""));
        addTag.setTooltip(new Tooltip(Messages.get("engage.tags.add.tooltip")));
        start.setTooltip(new Tooltip(Messages.get("engage.start.tooltip")));
        start.setAccessibleText(Messages.get("engage.start").replace("_", ""));

        // Enter starts from anywhere in the form when it is valid, a radio button included (it would swallow it).
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()
                    && root.getScene() != null && root.getScene().getFocusOwner() instanceof RadioButton) {
                e.consume();
                start();
            }
        });
        // What keeps Start off, in words, beside it.
        startBlocked.textProperty().bind(Bindings.createStringBinding(
                () -> startBlockedText(model.startBlockProperty().get()), model.startBlockProperty()));
        showWhenText(startBlocked);

        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) scene.windowProperty().addListener((o2, w0, w) -> {
                if (w != null) w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
                    if (!started) model.saveDraft();
                });
            });
        });
    }

    /** Why Start is off, in words (the model says which thing to fix first). */
    private static String startBlockedText(StartEngagementFormModel.StartBlock block) {
        if (block == null) return null;
        return switch (block.cause()) {
            case INVOLVEMENT -> Messages.get("engage.blocked.involvement");
            case TAG_LIST -> Messages.get("engage.problem." + block.problem().name());
            case TAG -> Messages.format("engage.blocked.tag", block.row(),
                    Messages.get("engage.problem." + block.problem().name()));
            case OTHER -> Messages.get("engage.blocked.other");
        };
    }

    /**
     * Warnings from the opportunity's readiness check, shown at the top of the form: what will probably make the
     * task fail (the rep may still start it). Empty: nothing shown.
     */
    public void showReadinessWarnings(List<String> warnings) {
        boolean any = warnings != null && !warnings.isEmpty();
        readinessWarning.setText(any ? Messages.get("engage.readiness.warning") + "\n\u2022 "
                + String.join("\n\u2022 ", warnings) : null);
        readinessWarning.setVisible(any);
        readinessWarning.setManaged(any);
    }

    /** Puts the keyboard on the selected involvement type. */
    void focusFirstField() {
        Toggle t = involvementGroup.getSelectedToggle();
        ((Node) (t != null ? t : coSell)).requestFocus();
    }

    /** The form's root node (for tests and the hosting window). */
    public BorderPane root() { return root; }

    public StartEngagementFormModel model() { return model; }

    @FXML
    private void addTag() {
        StartEngagementFormModel.TagRow row = model.addTag();
        Node node = rowNodes.get(row);
        if (node != null) {
            TextField key = TagRowView.keyField(node);
            key.requestFocus();
            // Again after the key event that triggered this (a mnemonic) has been handled: it may move focus back.
            Platform.runLater(key::requestFocus);
            scroll.layout();
            scroll.setVvalue(scroll.getVmax());
        }
    }

    @FXML
    private void copyCli() { copy(model.cliCommand()); }

    @FXML
    private void copyJson() { copy(model.cliInputJson()); }

    @FXML
    private void cancel() { window().hide(); }

    @FXML
    private void start() {
        if (!model.canStartProperty().get()) return;
        if (model.needsProductionConfirmation() && !confirmProduction()) return;
        model.clearServerErrors();
        model.busyProperty().set(true);
        TrackedTask task = host.start(model.request(), model.customerName());
        ChangeListener<Object> watch = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<?> o, Object a, Object b) {
                switch (StartEngagementFormModel.answerOf(task.latest(), task.isRunning())) {
                    case WAITING -> { }
                    case TAKEN -> {
                        stopWatching(task, this);
                        accepted(task);
                    }
                    case REFUSED -> {
                        stopWatching(task, this);
                        refused(task);
                    }
                }
            }
        };
        task.latestProperty().addListener(watch);
        task.runningProperty().addListener(watch);
        watch.changed(null, null, null);
    }

    private void stopWatching(TrackedTask task, ChangeListener<Object> watch) {
        task.latestProperty().removeListener(watch);
        task.runningProperty().removeListener(watch);
    }

    private void accepted(TrackedTask task) {
        started = true;
        model.taken();
        window().hide();
        host.showProgress(task);
    }

    /** Where a refusal goes is the model's decision ({@link StartEngagementFormModel#refused}); this follows it. */
    private void refused(TrackedTask task) {
        switch (model.refused(task.refusal())) {
            case RUNNING_TASK -> {
                // Not a failure of this opportunity: its task already runs. Show that one; this attempt is no task.
                started = true;
                host.forget(task);
                window().hide();
                host.showRunningTask(model.opportunityId());
            }
            // The rep can fix this here: the service's words are on the fields they name.
            case FIELDS -> host.forget(task);
            case PROGRESS -> {
                // Anything else (throttled, denied, unreachable) has advice and a retry: the progress view shows both.
                started = true;
                window().hide();
                host.showProgress(task);
            }
        }
    }

    /**
     * The guard's verdict: while it is checked, the fields show and Start waits; when it blocks, the form shows the
     * reasons instead of the fields, with "Fix it" on the first field the editor can fix and "Show the running task"
     * when that is the reason.
     */
    private void showVerdict() {
        StartVerdict v = model.verdictProperty().get();
        if (fieldsView == null) fieldsView = root.getCenter();
        if (v == null || !v.isBlocked()) {
            if (root.getCenter() != fieldsView) root.setCenter(fieldsView);
            return;
        }
        root.setCenter(BlockedReasonsView.create(v, () -> window().hide(), new BlockedReasonsView.Actions() {
            @Override
            public void showRunningTask() { host.showRunningTask(model.opportunityId()); }

            @Override
            public void fixIt(EditableField field) { host.fixIt(model.opportunityId(), field); }
        }));
    }

    private Node fieldsView;

    private boolean confirmProduction() {
        ButtonType ok = new ButtonType(Messages.get("engage.confirm.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("engage.confirm.content"), ok,
                ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle(Messages.get("engage.confirm.title"));
        alert.setHeaderText(Messages.format("engage.confirm.header", model.opportunityId(),
                model.customerName() == null ? "" : model.customerName()));
        alert.getDialogPane().setId("productionConfirmation");
        alert.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ok;
    }

    private void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        copiedLabel.setText(Messages.get("engage.copied"));
    }

    private void layoutTagRows() {
        Set<StartEngagementFormModel.TagRow> live = Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(model.tags());
        rowNodes.keySet().retainAll(live);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < model.tags().size(); i++) {
            StartEngagementFormModel.TagRow row = model.tags().get(i);
            Node node = rowNodes.computeIfAbsent(row, r -> TagRowView.create(r, this::removeTag));
            TagRowView.label(node, i + 1);
            nodes.add(node);
        }
        tagRows.getChildren().setAll(nodes);
    }

    private void removeTag(StartEngagementFormModel.TagRow row) {
        int at = model.tags().indexOf(row);
        model.removeTag(row);
        // Keep the keyboard user in the list: focus the row that took this one's place, else "Add tag".
        if (at >= 0 && at < model.tags().size()) TagRowView.keyField(rowNodes.get(model.tags().get(at))).requestFocus();
        else if (at > 0) TagRowView.keyField(rowNodes.get(model.tags().get(at - 1))).requestFocus();
        else addTag.requestFocus();
    }

    private static void showWhenText(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    private static void bindToggle(ToggleGroup group, Object selected) {
        group.getToggles().stream().filter(t -> t.getUserData() == selected).findFirst().ifPresent(group::selectToggle);
    }

    private Window window() { return root.getScene().getWindow(); }
}
