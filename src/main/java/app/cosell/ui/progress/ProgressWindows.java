package app.cosell.ui.progress;

import app.cosell.ui.common.Views;
import app.cosell.engagement.FailureAdvice;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.TaskProgress;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The progress windows of this session, one per tracked task (opening a task's progress again brings its window to
 * the front), and the notification when a task ends while its window is not the one the rep is looking at.
 */
public final class ProgressWindows {

    private final RunningTasks tasks;
    private final ResourceBundle messages;
    private final Function<TaskProgress, FailureAdvice> advisor;
    private final Function<PartnerCentralFailure, FailureAdvice> failureAdvisor;
    private final Consumer<String> openOpportunity;
    private final String appVersion;
    private final Supplier<Window> owner;
    private final Clock clock;
    private final Map<TrackedTask, Stage> windows = new IdentityHashMap<>();
    private Consumer<String> notified = text -> {};
    private Consumer<String> showOpportunity = id -> {};

    public ProgressWindows(RunningTasks tasks, ResourceBundle messages, Function<TaskProgress, FailureAdvice> advisor,
                           Function<PartnerCentralFailure, FailureAdvice> failureAdvisor,
                           Consumer<String> openOpportunity, String appVersion, Supplier<Window> owner, Clock clock) {
        this.tasks = tasks;
        this.messages = messages;
        this.advisor = advisor;
        this.failureAdvisor = failureAdvisor;
        this.openOpportunity = openOpportunity;
        this.appVersion = appVersion;
        this.owner = owner;
        this.clock = clock;
        tasks.setOnEnded(this::ended);
    }

    /** Opens the progress window of {@code task}, or brings it to the front. */
    public Stage show(TrackedTask task) {
        Stage stage = windows.get(task);
        if (stage == null) {
            stage = create(task);
            windows.put(task, stage);
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
        return stage;
    }

    /** Where "Open the opportunity" also goes, after the handler given at construction: the main window shows it. */
    public void setOnOpenOpportunity(Consumer<String> show) { this.showOpportunity = show; }

    /** Also tells {@code listener} the text of each notification shown (tests, an activity log). */
    public void setOnNotified(Consumer<String> listener) { this.notified = listener; }

    private Stage create(TrackedTask task) {
        TaskProgressController controller = new TaskProgressController(task, new TaskProgressModel(advisor, failureAdvisor),
                tasks, messages, id -> {
                    openOpportunity.accept(id);
                    showOpportunity.accept(id);
                }, appVersion, clock);
        Parent root = Views.load("/app/cosell/ui/progress/TaskProgressView.fxml", controller);
        Stage stage = new Stage();
        Window o = owner.get();
        if (o != null) stage.initOwner(o);
        app.cosell.model.TaskKind kind = app.cosell.model.TaskKind.of(task.request());
        stage.setTitle(MessageFormat.format(messages.getString("progress.title"
                + (kind.isAboutInvitation() ? "." + kind.name() : "")), task.request().opportunityId()));
        Scene scene = new Scene(root);
        if (o != null && o.getScene() != null) scene.getStylesheets().addAll(o.getScene().getStylesheets());
        scene.getStylesheets().add(getClass().getResource("/app/cosell/ui/progress/progress.css").toExternalForm());
        stage.setScene(scene);
        stage.setUserData(controller);
        return stage;
    }

    private void ended(TrackedTask task) {
        // Let whoever watches the start (the form) settle first: a refusal it shows on its fields is forgotten.
        javafx.application.Platform.runLater(() -> {
            if (tasks.tasks().contains(task) || windows.containsKey(task)) notifyEnded(task);
        });
    }

    private void notifyEnded(TrackedTask task) {
        Stage stage = windows.get(task);
        if (stage != null && stage.isShowing() && stage.isFocused()) return;
        TaskProgress p = task.latest();
        String customer = task.customerName() == null ? "" : task.customerName();
        boolean complete = p != null && p.status() == app.cosell.model.TaskStatus.COMPLETE;
        app.cosell.model.TaskKind kind = app.cosell.model.TaskKind.of(task.request());
        String kindKey = kind.isAboutInvitation() ? "." + kind.name() : "";
        String text = complete
                ? MessageFormat.format(messages.getString("progress.notify.COMPLETE" + kindKey), task.request().opportunityId(),
                        customer, p == null ? "" : app.cosell.model.TaskKind.createdOpportunityId(p))
                : MessageFormat.format(messages.getString("progress.notify.FAILED" + kindKey), task.request().opportunityId(), customer,
                        reason(task));
        notified.accept(text);
        Window o = owner.get();
        if (o == null || !o.isShowing()) return;
        Notifications n = Notifications.create()
                .title(messages.getString("progress.notify.title"))
                .text(text)
                .owner(o)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(complete ? 8 : 20))
                .onAction(e -> show(task));
        if (complete) n.showInformation();
        else n.showWarning();
    }

    private static String reason(TrackedTask task) {
        TaskProgress p = task.latest();
        if (p != null && p.reasonCode() != null) return p.reasonCode();
        if (p != null && p.failure() != null) {
            return p.failure().errorCode() != null ? p.failure().errorCode() : p.failure().kind().name();
        }
        if (task.errorProperty().get() instanceof PartnerCentralFailure f) return f.errorCode() != null ? f.errorCode() : f.kind().name();
        return p != null && p.message() != null ? p.message() : "";
    }
}
