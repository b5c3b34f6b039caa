package app.cosell.ui.progress;

import app.cosell.engagement.FailureAdvice;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.LogTailSource;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Wires the live progress view of one tracked task to its {@link TaskProgressModel}: feeds it the task's
 * snapshots, ticks the clock once a second, and turns the advice's actions into buttons (retry with a new token,
 * open the opportunity, copy diagnostics). Copy buttons put ids on the clipboard.
 */
public final class TaskProgressController {

    private final TrackedTask task;
    private final TaskProgressModel model;
    private final RunningTasks tasks;
    private final Consumer<String> openOpportunity;
    private final String appVersion;
    private final Clock clock;
    private Timeline ticker;
    private LogTailSource logTail = LogTailSource.NONE;

    @FXML private BorderPane root;
    @FXML private Label heading;
    @FXML private Label statusBadge;
    @FXML private Label elapsed;
    @FXML private GridPane idGrid;
    @FXML private VBox stepper;
    @FXML private VBox completePanel;
    @FXML private GridPane resultGrid;
    @FXML private VBox failedPanel;
    @FXML private Label failedHeading;
    @FXML private Label failedStep;
    @FXML private VBox failureDetails;
    @FXML private VBox technicalDetails;
    @FXML private Label adviceTitle;
    @FXML private Label whatHappened;
    @FXML private Label whatToDo;
    @FXML private FlowPane adviceActions;
    @FXML private Button copyDiagnostics;
    @FXML private Label copiedLabel;
    @FXML private Button close;
    @FXML private Label completeHeading;
    @FXML private Label completeText;

    public TaskProgressController(TrackedTask task, TaskProgressModel model, RunningTasks tasks,
                                  Consumer<String> openOpportunity, String appVersion, Clock clock) {
        this.task = task;
        this.model = model;
        this.tasks = tasks;
        this.openOpportunity = openOpportunity;
        this.appVersion = appVersion;
        this.clock = clock;
    }

    /** Runs {@code action} with the COMPLETE outcome panel once the task is COMPLETE (at once if it is). FX thread. */
    public void whenComplete(Consumer<VBox> action) {
        if (model.completeProperty().get()) {
            action.accept(completePanel);
            return;
        }
        model.completeProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) return;
                o.removeListener(this);
                action.accept(completePanel);
            }
        });
    }

    @FXML
    private void initialize() {
        String customer = task.customerName() == null ? "" : task.customerName();
        TaskKind kind = TaskKind.of(task.request());
        String kindKey = kind.isAboutInvitation() ? "." + kind.name() : "";
        heading.setText(customer.isEmpty() ? Messages.format("progress.heading.opportunity" + kindKey, task.request().opportunityId())
                : Messages.format("progress.heading" + kindKey, task.request().opportunityId(), customer));

        List<TaskProgressModel.StepRow> rows = model.rows();
        for (int i = 0; i < rows.size(); i++) {
            // A kind with fewer steps (a rejection) shows only its own.
            if (kind.stepOperation(rows.get(i).step()).isEmpty()) continue;
            stepper.getChildren().add(new StepperRow(rows.get(i), i == kind.stepCount() - 1, this::copyId, kind));
        }
        if (kind.isAboutInvitation()) showInvitationOutcome(kind);

        idRow(idGrid, 0, "progress.taskId", "taskId", model.taskIdProperty());
        idRow(idGrid, 1, "progress.taskArn", "taskArn", model.taskArnProperty());
        idRow(resultGrid, 0, "progress.engagementId", "engagementId", model.engagementIdProperty());
        idRow(resultGrid, 1, "progress.invitationId", "invitationId", model.invitationIdProperty());
        idRow(resultGrid, 2, "progress.snapshotJobId", "snapshotJobId", model.snapshotJobIdProperty());
        textRow(failureDetails, "progress.message", "failureMessage", model.messageProperty());
        textRow(technicalDetails, "progress.reasonCode", "reasonCode", model.reasonCodeProperty());

        elapsed.textProperty().bind(Bindings.createStringBinding(
                () -> StepperRow.clock(model.elapsedProperty().get()), model.elapsedProperty()));
        elapsed.setAccessibleText(Messages.get("progress.elapsed").replace("{0}", ""));
        statusBadge.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("progress.status."
                + model.statusKeyProperty().get()), model.statusKeyProperty()));
        model.failedProperty().addListener((o, a, b) -> badgeStyle());
        model.completeProperty().addListener((o, a, b) -> badgeStyle());

        show(completePanel, model.completeProperty().get());
        model.completeProperty().addListener((o, a, b) -> show(completePanel, b));
        show(failedPanel, model.failedProperty().get());
        model.failedProperty().addListener((o, a, b) -> show(failedPanel, b));
        failedHeading.textProperty().bind(Bindings.when(model.refusedProperty())
                .then(Messages.get("progress.refused.heading")).otherwise(Bindings.when(model.unconfirmedProperty())
                        .then(Messages.get("progress.notConfirmed.heading"))
                        .otherwise(Messages.get("progress.failed.heading"))));
        failedStep.textProperty().bind(Bindings.createStringBinding(() -> {
            TaskStep s = model.failedStepProperty().get();
            return s == null ? "" : Messages.format("progress.failed.step", Messages.get(StepperRow.stepKey(kind, s)));
        }, model.failedStepProperty()));
        failedStep.visibleProperty().bind(failedStep.textProperty().isNotEmpty());
        failedStep.managedProperty().bind(failedStep.visibleProperty());
        model.adviceProperty().addListener((o, a, b) -> showAdvice(b));
        showAdvice(model.adviceProperty().get());

        copyDiagnostics.setGraphic(Icons.COPY.create());
        copiedLabel.visibleProperty().bind(copiedLabel.textProperty().isNotEmpty());

        task.latestProperty().addListener((o, a, p) -> { if (p != null) model.show(p, clock.instant()); });
        task.errorProperty().addListener((o, a, e) -> { if (e != null) model.showFailure(asFailure(e), clock.instant()); });
        if (task.latest() != null) model.show(task.latest(), clock.instant());
        if (task.errorProperty().get() != null) model.showFailure(asFailure(task.errorProperty().get()), clock.instant());
        badgeStyle();

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(clock.instant())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) return;
            scene.windowProperty().addListener((o2, w0, w) -> {
                if (w == null) return;
                w.showingProperty().addListener((o3, was, showing) -> {
                    if (showing) ticker.play();
                    else ticker.stop();
                });
                if (w.isShowing()) ticker.play();
            });
        });
    }

    /**
     * The outcome panel of an AWS referral's acceptance or rejection: its own heading and text, the new opportunity's
     * id, and the action that shows it in the main window.
     */
    private void showInvitationOutcome(TaskKind kind) {
        completeHeading.setText(Messages.get("progress.complete.heading." + kind.name()));
        completeText.setText(Messages.get("progress.complete.text." + kind.name()));
        if (kind != TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION) return;
        idRow(resultGrid, 3, "progress.opportunityId", "createdOpportunityId", model.createdOpportunityIdProperty());
        Button open = new Button(Messages.get("progress.action.OPEN_NEW_OPPORTUNITY"), Icons.OPEN.create());
        open.setId("openCreatedOpportunity");
        open.setMnemonicParsing(true);
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.createdOpportunityIdProperty().isNull());
        open.setOnAction(e -> openOpportunity.accept(model.createdOpportunityIdProperty().get()));
        completePanel.getChildren().add(open);
    }

    public TaskProgressModel model() { return model; }

    /** Where "Copy diagnostics" gets the log's last lines from. */
    public void setLogTail(LogTailSource logTail) { this.logTail = logTail; }

    public BorderPane root() { return root; }

    @FXML
    private void copyDiagnostics() {
        String text = model.diagnostics(task.customerName(), appVersion);
        logTail.read(tail -> {
            put(tail.isBlank() ? text : text + "\nRecent log:\n" + tail + "\n");
            copiedLabel.setText(Messages.get("progress.copied.diagnostics"));
        });
    }

    @FXML
    private void close() { root.getScene().getWindow().hide(); }

    private void retry() {
        copiedLabel.setText(null);
        tasks.retry(task);
    }

    private void showAdvice(FailureAdvice advice) {
        adviceActions.getChildren().clear();
        if (advice == null) {
            adviceTitle.setText(null);
            whatHappened.setText(null);
            whatToDo.setText(null);
            return;
        }
        adviceTitle.setText(advice.title());
        whatHappened.setText(advice.whatHappened());
        whatToDo.setText(advice.whatToDo());
        if (advice.alreadyCreated() != null) whatHappened.setText(advice.whatHappened() + "\n" + advice.alreadyCreated());
        // Which buttons, and which is primary, is the model's decision; this only draws them.
        String opportunityId = task.request().opportunityId();
        for (TaskProgressModel.OfferedAction offered : model.offeredActions(advice, TaskKind.of(task.request()))) {
            String key = "progress.action." + offered.labelKey();
            Button b = switch (offered.action()) {
                case RETRY_WITH_NEW_TOKEN, WAIT_AND_RETRY -> {
                    Button r = action("retry", key, Icons.RETRY, this::retry);
                    r.setTooltip(new Tooltip(Messages.get("progress.retry.tooltip")));
                    r.disableProperty().bind(task.runningProperty());
                    yield r;
                }
                case FIX_IT -> action("fixIt", key, Icons.EDIT, () -> adviceHandlers.fixIt(opportunityId, advice.field()));
                case OPEN_OPPORTUNITY -> action("openOpportunity", key, Icons.OPEN,
                        () -> openOpportunity.accept(opportunityId));
                case OPEN_IN_PARTNER_CENTRAL -> action("openInPartnerCentral", key, Icons.OPEN_IN_BROWSER,
                        () -> adviceHandlers.openInBrowser(FailureAdvice.PARTNER_CENTRAL_URL));
                case SHOW_RUNNING_TASK -> action("showRunningTask", key, Icons.START,
                        () -> adviceHandlers.showRunningTask(opportunityId));
                case COPY_DIAGNOSTICS -> action("adviceCopyDiagnostics", key, Icons.COPY, this::copyDiagnostics);
                default -> throw new IllegalStateException("No button for " + offered.action());
            };
            if (offered.primary()) b.getStyleClass().add(Styles.ACCENT);
        }
        if (!adviceActions.getChildren().isEmpty()) {
            // Keyboard users land on the first thing they can do about it.
            Platform.runLater(() -> adviceActions.getChildren().getFirst().requestFocus());
        }
    }

    private ProgressWindows.AdviceHandlers adviceHandlers = ProgressWindows.AdviceHandlers.NONE;

    /** Where Fix it, Show the running task and Open in Partner Central lead. */
    void setAdviceHandlers(ProgressWindows.AdviceHandlers handlers) { this.adviceHandlers = handlers; }

    private Button action(String id, String key, Icons icon, Runnable run) {
        Button b = new Button(Messages.get(key), icon.create());
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setAccessibleText(Messages.get(key).replace("_", ""));
        b.setOnAction(e -> run.run());
        adviceActions.getChildren().add(b);
        return b;
    }

    private void idRow(GridPane grid, int r, String nameKey, String id, ObservableStringValue value) {
        String name = Messages.get(nameKey);
        Label n = new Label(name);
        n.getStyleClass().add("id-name");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("id-value");
        Tooltip full = new Tooltip();
        full.textProperty().bind(v.textProperty());
        v.setTooltip(full);
        v.textProperty().bind(Bindings.createStringBinding(() -> value.get() == null ? "\u2014" : value.get(), value));
        v.setAccessibleText(name);
        Button copy = new Button(null, Icons.COPY.create());
        copy.setId("copy-" + id);
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setAccessibleText(Messages.format("progress.copy", name));
        copy.setTooltip(new Tooltip(Messages.format("progress.copy", name)));
        copy.disableProperty().bind(Bindings.createBooleanBinding(() -> value.get() == null, value));
        copy.setOnAction(e -> copyId(name, value.get()));
        grid.addRow(r, n, v, copy);
    }

    private void textRow(VBox box, String nameKey, String id, ObservableStringValue value) {
        Label n = new Label(Messages.get(nameKey));
        n.getStyleClass().addAll("id-name", "advice-label");
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(value);
        v.setAccessibleText(Messages.get(nameKey));
        box.getChildren().addAll(n, v);
    }

    private void copyId(String name, String value) {
        if (value == null) return;
        put(value);
        copiedLabel.setText(Messages.format("progress.copied", name));
        copiedLabel.setTooltip(new Tooltip(copiedLabel.getText()));
    }

    private static void put(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void badgeStyle() {
        statusBadge.getStyleClass().removeAll("complete", "failed");
        if (model.failedProperty().get()) statusBadge.getStyleClass().add("failed");
        else if (model.completeProperty().get()) statusBadge.getStyleClass().add("complete");
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private static PartnerCentralFailure asFailure(Throwable e) {
        return e instanceof PartnerCentralFailure f ? f : PartnerCentralFailure.of(FailureKind.UNKNOWN,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

}
