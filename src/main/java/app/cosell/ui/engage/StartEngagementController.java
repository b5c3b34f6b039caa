package app.cosell.ui.engage;

import app.cosell.model.InvolvementType;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import app.cosell.ui.progress.TrackedTask;
import java.text.MessageFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
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
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Wires the Start engagement form to its {@link StartEngagementFormModel}: radio groups, tag rows with their errors
 * under the fields, copy buttons, and the start itself (with the production confirmation). While the start call is
 * on its way the form stays open; a refusal with field errors comes back onto the fields.
 */
public final class StartEngagementController {

    /** What the form needs from around it: starting the task, showing its progress, forgetting a refused one. */
    public interface Host {
        TrackedTask start(StartEngagementRequest request, String customerName);

        void showProgress(TrackedTask task);

        void forget(TrackedTask task);

        /** Opens the opportunity editor on {@code field} (a blocked start's "Fix it"). */
        default void fixIt(String opportunityId, app.cosell.model.EditableField field) {}

        /** Brings forward the task already running for the opportunity. */
        default void showRunningTask(String opportunityId) {}
    }

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid-field");

    private final StartEngagementFormModel model;
    private final ResourceBundle messages;
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

    public StartEngagementController(StartEngagementFormModel model, ResourceBundle messages, Host host) {
        this.model = model;
        this.messages = messages;
        this.host = host;
    }

    @FXML
    private void initialize() {
        opportunityLabel.setText(format("engage.opportunity", model.opportunityId(),
                model.customerName() == null ? "" : model.customerName()));
        projectLabel.setText(model.projectTitle() == null ? "" : format("engage.opportunity.title", model.projectTitle()));
        showWhenText(projectLabel);
        catalogLabel.setText(messages.getString("engage.catalog." + model.catalog().wire()));
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
        coSell.setAccessibleHelp(messages.getString("engage.involvement.CO_SELL.help"));
        visibilityOnly.setAccessibleHelp(messages.getString("engage.involvement.FOR_VISIBILITY_ONLY.help"));
        visibilityFull.setAccessibleHelp(messages.getString("engage.visibility.FULL.help"));
        visibilityLimited.setAccessibleHelp(messages.getString("engage.visibility.LIMITED.help"));

        involvementError.textProperty().bind(model.involvementServerErrorProperty());
        visibilityError.textProperty().bind(model.visibilityServerErrorProperty());
        generalError.textProperty().bind(Bindings.createStringBinding(() -> {
            String e = model.generalServerErrorProperty().get();
            return e == null ? null : messages.getString("engage.server.error") + "\n" + e;
        }, model.generalServerErrorProperty()));
        tagsError.textProperty().bind(errorText(model.listProblemProperty(), model.tagsServerErrorProperty()));
        for (Label l : new Label[] {involvementError, visibilityError, generalError, tagsError, copiedLabel}) showWhenText(l);

        model.tags().addListener((javafx.collections.ListChangeListener<StartEngagementFormModel.TagRow>) c -> {
            boolean structural = false;
            while (c.next()) if (!c.wasUpdated()) structural = true;
            if (structural) layoutTagRows();
        });
        layoutTagRows();
        tagCount.textProperty().bind(Bindings.createStringBinding(
                () -> format("engage.tags.count", model.tags().size(), Tag.MAX_TAGS), model.tags()));
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
                .then(messages.getString("engage.starting")).otherwise(messages.getString("engage.start")));
        model.validProperty().addListener((o, a, b) -> copiedLabel.setText(null));

        copyCli.setGraphic(new FontIcon(Material2AL.CONTENT_COPY));
        copyJson.setGraphic(new FontIcon(Material2AL.CODE));
        addTag.setGraphic(new FontIcon(Material2AL.ADD));
        addTag.setAccessibleText(messages.getString("engage.tags.add").replace("_", ""));
        addTag.setTooltip(new Tooltip(messages.getString("engage.tags.add.tooltip")));
        start.setTooltip(new Tooltip(messages.getString("engage.start.tooltip")));
        start.setAccessibleText(messages.getString("engage.start").replace("_", ""));

        // Enter starts from anywhere in the form when it is valid, a radio button included (it would swallow it).
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()
                    && root.getScene() != null && root.getScene().getFocusOwner() instanceof RadioButton) {
                e.consume();
                start();
            }
        });
        // What keeps Start off, in words, beside it.
        rebindStartBlocked();
        showWhenText(startBlocked);

        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) scene.windowProperty().addListener((o2, w0, w) -> {
                if (w != null) w.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
                    if (!started) model.saveDraft();
                });
            });
        });
    }

    /** The "why Start is off" text follows every row's problems (rows come and go). */
    private void rebindStartBlocked() {
        if (startBlocked == null) return;
        java.util.List<javafx.beans.Observable> deps = new java.util.ArrayList<>(java.util.List.of(model.canStartProperty(),
                model.tags(), model.listProblemProperty(), model.involvementTypeProperty(), model.busyProperty()));
        for (StartEngagementFormModel.TagRow r : model.tags()) {
            deps.add(r.keyProblemProperty());
            deps.add(r.valueProblemProperty());
        }
        startBlocked.textProperty().bind(Bindings.createStringBinding(this::startBlockedText,
                deps.toArray(javafx.beans.Observable[]::new)));
    }

    /** Why Start is off (the first thing to fix), or null when it is on or the start is under way. */
    private String startBlockedText() {
        if (model.canStartProperty().get() || model.busyProperty().get()) return null;
        if (model.involvementTypeProperty().get() == null) return messages.getString("engage.blocked.involvement");
        if (model.listProblemProperty().get() != null) return messages.getString("engage.problem." + model.listProblemProperty().get().name());
        for (int i = 0; i < model.tags().size(); i++) {
            StartEngagementFormModel.TagRow r = model.tags().get(i);
            Tag.Problem p = r.keyProblemProperty().get() != null ? r.keyProblemProperty().get() : r.valueProblemProperty().get();
            if (p != null) return format("engage.blocked.tag", i + 1, messages.getString("engage.problem." + p.name()));
        }
        return messages.getString("engage.blocked.other");
    }

    /**
     * Warnings from the opportunity's readiness check, shown at the top of the form: what will probably make the
     * task fail (the rep may still start it). Empty: nothing shown.
     */
    public void showReadinessWarnings(java.util.List<String> warnings) {
        boolean any = warnings != null && !warnings.isEmpty();
        readinessWarning.setText(any ? messages.getString("engage.readiness.warning") + "\n\u2022 "
                + String.join("\n\u2022 ", warnings) : null);
        readinessWarning.setVisible(any);
        readinessWarning.setManaged(any);
    }

    /** Puts the keyboard on the selected involvement type. */
    void focusFirstField() {
        javafx.scene.control.Toggle t = involvementGroup.getSelectedToggle();
        ((javafx.scene.Node) (t != null ? t : coSell)).requestFocus();
    }

    /** The form's root node (for tests and the hosting window). */
    public BorderPane root() { return root; }

    public StartEngagementFormModel model() { return model; }

    @FXML
    private void addTag() {
        StartEngagementFormModel.TagRow row = model.addTag();
        Node node = rowNodes.get(row);
        if (node != null) {
            TextField key = (TextField) node.lookup(".tag-key");
            key.requestFocus();
            // Again after the key event that triggered this (a mnemonic) has been handled: it may move focus back.
            javafx.application.Platform.runLater(key::requestFocus);
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
            public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object b) {
                // Accepted, or sent but not confirmed yet (the runner re-sends it by itself): the progress view
                // follows it from here.
                if (task.latest() != null && (task.latest().taskId() != null
                        || app.cosell.engagement.TrackingPause.of(task.latest()).isPresent())) {
                    stopWatching(task, this);
                    accepted(task);
                } else if (!task.isRunning()) {
                    stopWatching(task, this);
                    refused(task);
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
        model.discardDraft();
        window().hide();
        host.showProgress(task);
    }

    private void refused(TrackedTask task) {
        model.busyProperty().set(false);
        PartnerCentralFailure failure = task.refusal();
        if (model.routeOf(failure) == StartEngagementFormModel.RefusalRoute.RUNNING_TASK) {
            // Not a failure of this opportunity: its task already runs. Show that one; this attempt is no task.
            started = true;
            host.forget(task);
            window().hide();
            host.showRunningTask(model.opportunityId());
            return;
        }
        if (failure != null && failure.kind() == app.cosell.model.FailureKind.VALIDATION) {
            // The rep can fix this here: the service's words go onto the fields they name.
            model.applyFailure(failure);
            host.forget(task);
            return;
        }
        // Anything else (throttled, denied, unreachable) has advice and a retry: the progress view shows both.
        started = true;
        model.saveDraft();
        window().hide();
        host.showProgress(task);
    }

    /**
     * The guard's verdict: while it is checked, the fields show and Start waits; when it blocks, the form shows the
     * reasons instead of the fields, with "Fix it" on the first field the editor can fix and "Show the running task"
     * when that is the reason.
     */
    private void showVerdict() {
        app.cosell.model.StartVerdict v = model.verdictProperty().get();
        if (fieldsView == null) fieldsView = root.getCenter();
        if (v == null || !v.isBlocked()) {
            if (root.getCenter() != fieldsView) root.setCenter(fieldsView);
            return;
        }
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10);
        box.setId("blockedReasons");
        box.getStyleClass().add("engage-body");
        Label heading = new Label(messages.getString("guard.blocked.heading"));
        heading.getStyleClass().add("section-title");
        box.getChildren().add(heading);
        app.cosell.model.EditableField fixable = null;
        for (app.cosell.model.StartVerdict.Reason r : v.reasons()) {
            Label what = new Label(app.cosell.engagement.StartGuard.what(r, messages));
            what.setWrapText(true);
            what.getStyleClass().add("server-error");
            Label fix = new Label(app.cosell.engagement.StartGuard.fix(r, messages));
            fix.setWrapText(true);
            fix.getStyleClass().add("field-help");
            box.getChildren().addAll(what, fix);
            if (fixable == null) fixable = r.editable();
        }
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(8);
        if (v.isTaskRunning()) {
            Button show = new Button(messages.getString("guard.blocked.showTask"));
            show.setId("blockedShowTask");
            show.setDefaultButton(true);
            show.setOnAction(e -> {
                window().hide();
                host.showRunningTask(model.opportunityId());
            });
            actions.getChildren().add(show);
        } else if (fixable != null) {
            app.cosell.model.EditableField field = fixable;
            Button fixIt = new Button(messages.getString("guard.blocked.fixIt"));
            fixIt.setId("blockedFixIt");
            fixIt.setDefaultButton(true);
            fixIt.setOnAction(e -> {
                window().hide();
                host.fixIt(model.opportunityId(), field);
            });
            actions.getChildren().add(fixIt);
        }
        box.getChildren().add(actions);
        root.setCenter(box);
        if (!actions.getChildren().isEmpty()) javafx.application.Platform.runLater(() -> actions.getChildren().getFirst().requestFocus());
    }

    private Node fieldsView;

    private boolean confirmProduction() {
        ButtonType ok = new ButtonType(messages.getString("engage.confirm.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.getString("engage.confirm.content"), ok,
                ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle(messages.getString("engage.confirm.title"));
        alert.setHeaderText(format("engage.confirm.header", model.opportunityId(),
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
        copiedLabel.setText(messages.getString("engage.copied"));
    }

    private void layoutTagRows() {
        java.util.Set<StartEngagementFormModel.TagRow> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(model.tags());
        rowNodes.keySet().retainAll(live);
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < model.tags().size(); i++) {
            StartEngagementFormModel.TagRow row = model.tags().get(i);
            Node node = rowNodes.computeIfAbsent(row, this::tagRowNode);
            label(node, i + 1);
            nodes.add(node);
        }
        tagRows.getChildren().setAll(nodes);
        rebindStartBlocked();
    }

    private Node tagRowNode(StartEngagementFormModel.TagRow row) {
        TextField key = new TextField();
        key.getStyleClass().add("tag-key");
        key.setPromptText(messages.getString("engage.tags.key"));
        key.textProperty().bindBidirectional(row.keyProperty());
        Label keyError = new Label();
        keyError.getStyleClass().addAll("field-error", "tag-key-error");
        keyError.setWrapText(true);
        // "Enter a key." waits until the rep has been in the key field and left it, or typed in the row: a row just
        // added is not an error yet (Start stays off meanwhile, and says why).
        javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty(
                !row.keyProperty().get().isEmpty() || !row.valueProperty().get().isEmpty());
        key.focusedProperty().addListener((o, was, now) -> { if (was && !now) touched.set(true); });
        row.keyProperty().addListener((o, a, b) -> touched.set(true));
        row.valueProperty().addListener((o, a, b) -> touched.set(true));
        keyError.textProperty().bind(Bindings.createStringBinding(() -> touched.get()
                        || row.keyProblemProperty().get() != Tag.Problem.KEY_MISSING
                        ? errorText(row.keyProblemProperty(), row.keyServerErrorProperty()).get()
                        : row.keyServerErrorProperty().get(),
                touched, row.keyProblemProperty(), row.keyServerErrorProperty()));
        keyError.textProperty().addListener((o, a, b) -> key.pseudoClassStateChanged(INVALID, b != null && !b.isEmpty()));
        key.pseudoClassStateChanged(INVALID, keyError.getText() != null && !keyError.getText().isEmpty());

        TextField value = new TextField();
        value.getStyleClass().add("tag-value");
        value.setPromptText(messages.getString("engage.tags.value"));
        value.textProperty().bindBidirectional(row.valueProperty());
        Label valueError = new Label();
        valueError.getStyleClass().addAll("field-error", "tag-value-error");
        valueError.setWrapText(true);
        valueError.textProperty().bind(errorText(row.valueProblemProperty(), row.valueServerErrorProperty()));
        valueError.textProperty().addListener((o, a, b) -> value.pseudoClassStateChanged(INVALID, b != null && !b.isEmpty()));
        value.pseudoClassStateChanged(INVALID, valueError.getText() != null && !valueError.getText().isEmpty());

        Button remove = new Button(null, new FontIcon(Material2AL.DELETE_OUTLINE));
        remove.getStyleClass().addAll("button-icon", "flat", "tag-remove");
        remove.setOnAction(e -> {
            int at = model.tags().indexOf(row);
            model.removeTag(row);
            // Keep the keyboard user in the list: focus the row that took this one's place, else "Add tag".
            if (at >= 0 && at < model.tags().size()) rowNodes.get(model.tags().get(at)).lookup(".tag-key").requestFocus();
            else if (at > 0) rowNodes.get(model.tags().get(at - 1)).lookup(".tag-key").requestFocus();
            else addTag.requestFocus();
        });

        VBox keyBox = new VBox(key, keyError);
        keyBox.getStyleClass().add("tag-field-box");
        VBox valueBox = new VBox(value, valueError);
        valueBox.getStyleClass().add("tag-field-box");
        HBox.setHgrow(keyBox, Priority.ALWAYS);
        HBox.setHgrow(valueBox, Priority.ALWAYS);
        // Equal columns whatever the error text under either field says (the messages wrap instead).
        keyBox.setPrefWidth(100);
        valueBox.setPrefWidth(100);
        keyBox.setMaxWidth(Double.MAX_VALUE);
        valueBox.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(8, keyBox, valueBox, remove);
        box.getStyleClass().add("tag-row");
        return box;
    }

    /** Names the controls of row {@code n} (1-based) for screen readers and tooltips. */
    private void label(Node rowNode, int n) {
        TextField key = (TextField) rowNode.lookup(".tag-key");
        TextField value = (TextField) rowNode.lookup(".tag-value");
        Button remove = (Button) rowNode.lookup(".tag-remove");
        key.setAccessibleText(format("engage.tags.key.accessible", n));
        value.setAccessibleText(format("engage.tags.value.accessible", n));
        remove.setAccessibleText(format("engage.tags.remove", n));
        remove.setTooltip(new Tooltip(format("engage.tags.remove", n)));
        key.setId("tagKey" + n);
        value.setId("tagValue" + n);
        remove.setId("tagRemove" + n);
    }

    /** The text under a field: the rule it breaks as the rep types, else what the service said about it. */
    private StringBinding errorText(ReadOnlyObjectProperty<Tag.Problem> problem, StringProperty serverError) {
        return Bindings.createStringBinding(() -> problem.get() != null
                ? messages.getString("engage.problem." + problem.get().name())
                : serverError.get(), problem, serverError);
    }

    private static void showWhenText(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    private static void bindToggle(ToggleGroup group, Object selected) {
        group.getToggles().stream().filter(t -> t.getUserData() == selected).findFirst().ifPresent(group::selectToggle);
    }

    private Window window() { return root.getScene().getWindow(); }

    private String format(String key, Object... args) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(args);
    }
}
