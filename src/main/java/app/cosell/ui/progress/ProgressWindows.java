package app.cosell.ui.progress;

import app.cosell.model.EditableField;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskStatus;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.LogTailSource;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Toasts;
import app.cosell.ui.common.Views;
import app.cosell.engagement.FailureAdvice;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.WindowPlacement;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The progress windows of this session, one per tracked task (opening a task's progress again brings its window to
 * the front), and the notification when a task ends while its window is not the one the rep is looking at.
 */
public final class ProgressWindows {

    private final RunningTasks tasks;
    private final Function<TaskProgress, FailureAdvice> advisor;
    private final Function<PartnerCentralFailure, FailureAdvice> failureAdvisor;
    private final Consumer<String> openOpportunity;
    private final String appVersion;
    private final Supplier<Window> owner;
    private final Clock clock;
    private final Map<TrackedTask, Stage> windows = new IdentityHashMap<>();
    /** The size the rep last gave a progress window (new ones open at it). */
    private Dimension2D lastSize;
    private Consumer<String> notified = text -> {};
    private Consumer<String> showOpportunity = id -> {};
    private Function<String, Node> afterComplete;
    private AdviceHandlers adviceHandlers = AdviceHandlers.NONE;

    /** Where the advice's buttons beyond retry and copy lead (the editor, the running task, the browser). */
    public interface AdviceHandlers {
        void fixIt(String opportunityId, EditableField field);

        void showRunningTask(String opportunityId);

        void openInBrowser(String url);

        AdviceHandlers NONE = new AdviceHandlers() {
            @Override public void fixIt(String opportunityId, EditableField field) {}
            @Override public void showRunningTask(String opportunityId) {}
            @Override public void openInBrowser(String url) {}
        };
    }

    public void setAdviceHandlers(AdviceHandlers handlers) { this.adviceHandlers = handlers; }
    private LogTailSource logTail = LogTailSource.NONE;

    public ProgressWindows(RunningTasks tasks, Function<TaskProgress, FailureAdvice> advisor,
                           Function<PartnerCentralFailure, FailureAdvice> failureAdvisor,
                           Consumer<String> openOpportunity, String appVersion, Supplier<Window> owner, Clock clock) {
        this.tasks = tasks;
        this.advisor = advisor;
        this.failureAdvisor = failureAdvisor;
        this.openOpportunity = openOpportunity;
        this.appVersion = appVersion;
        this.owner = owner;
        this.clock = clock;
        tasks.setOnEnded(this::ended);
    }

    /** Opens the progress window of {@code task}, or brings it to the front. */
    public Stage show(TrackedTask task) { return show(task, false); }

    /**
     * Opens the progress window of a task that just started (the start was accepted a moment after the rep asked):
     * like {@link #show(TrackedTask)}, but a window the rep is typing in meanwhile keeps the keyboard.
     */
    public Stage showStarted(TrackedTask task) { return show(task, true); }

    private Stage show(TrackedTask task, boolean keepTyping) {
        Stage stage = windows.get(task);
        boolean created = stage == null;
        if (created) {
            stage = create(task);
            windows.put(task, stage);
        }
        // A window the rep is typing in (a form, a search box) keeps the keyboard: the new progress window opens
        // behind it rather than taking over what is being typed.
        Window typing = keepTyping ? typingWindow(stage) : null;
        if (created) place(stage);
        stage.show();
        if (typing != null) {
            typing.requestFocus();
            if (typing instanceof Stage s) s.toFront();
            return stage;
        }
        stage.toFront();
        stage.requestFocus();
        return stage;
    }

    /** The focused window, when it is not {@code except} and its focus is in a text field or it is a modal form. */
    static Window typingWindow(Window except) {
        for (Window w : Window.getWindows()) {
            if (w == except || !w.isShowing() || !w.isFocused() || w.getScene() == null) continue;
            boolean modal = w instanceof Stage s && s.getModality() != Modality.NONE;
            if (modal || w.getScene().getFocusOwner() instanceof TextInputControl) return w;
        }
        return null;
    }

    /**
     * A new progress window: the size the rep last gave one (kept across launches), fitted to the screen, and cascaded from
     * the progress windows already open so none hides another.
     */
    private void place(Stage stage) {
        Window o = owner.get();
        Rectangle2D screen = WindowPlacement.screenOf(o);
        double w = lastSize != null ? lastSize.getWidth() : stage.getScene().getRoot().prefWidth(-1);
        double h = lastSize != null ? lastSize.getHeight() : stage.getScene().getRoot().prefHeight(-1);
        w = Math.min(w, screen.getWidth() - 24);
        h = Math.min(h, screen.getHeight() - 24);
        stage.setWidth(w);
        stage.setHeight(h);
        int open = (int) windows.values().stream().filter(x -> x != stage && x.isShowing()).count();
        double[] at = WindowPlacement.cascade(o, screen, open, w, h);
        stage.setX(at[0]);
        stage.setY(at[1]);
        InvalidationListener resized = x -> {
            if (stage.isShowing() && !stage.isMaximized()) {
                lastSize = new Dimension2D(stage.getWidth(), stage.getHeight());
                sizeKept.accept(lastSize);
            }
        };
        stage.widthProperty().addListener(resized);
        stage.heightProperty().addListener(resized);
    }

    private Consumer<Dimension2D> sizeKept = size -> {};

    /**
     * The size new progress windows open at ({@code remembered}, null for their own), and where a size the rep gives
     * one goes (the settings, so the next launch opens them at it). FX thread.
     */
    public void rememberSize(Dimension2D remembered, Consumer<Dimension2D> kept) {
        if (remembered != null) lastSize = remembered;
        this.sizeKept = kept;
    }

    /** Where "Open the opportunity" also goes, after the handler given at construction: the main window shows it. */
    public void setOnOpenOpportunity(Consumer<String> show) { this.showOpportunity = show; }

    /**
     * What a progress window shows under its outcome once the task is COMPLETE, made for the opportunity id (AWS's
     * review, which follows the submission).
     */
    public void setAfterComplete(Function<String, Node> panel) { this.afterComplete = panel; }
    /** Where "Copy diagnostics" gets the log's last lines from. */
    public void setLogTail(LogTailSource logTail) { this.logTail = logTail; }

    /** Also tells {@code listener} the text of each notification shown (tests, an activity log). */
    public void setOnNotified(Consumer<String> listener) { this.notified = listener; }

    private Stage create(TrackedTask task) {
        TaskProgressController controller = new TaskProgressController(task, new TaskProgressModel(advisor, failureAdvisor),
                tasks, id -> {
                    openOpportunity.accept(id);
                    showOpportunity.accept(id);
                }, appVersion, clock);
        controller.setAdviceHandlers(adviceHandlers);
        controller.setLogTail(logTail);
        Parent root = Views.load("/app/cosell/ui/progress/TaskProgressView.fxml", controller);
        Stage stage = new Stage();
        Window o = owner.get();
        if (o != null) stage.initOwner(o);
        TaskKind kind = TaskKind.of(task.request());
        stage.setTitle(Messages.format("progress.title"
                + (kind.isAboutInvitation() ? "." + kind.name() : ""), task.request().opportunityId()));
        Scene scene = new Scene(root);
        if (o != null && o.getScene() != null) scene.getStylesheets().addAll(o.getScene().getStylesheets());
        scene.getStylesheets().add(getClass().getResource("/app/cosell/ui/progress/progress.css").toExternalForm());
        stage.setScene(scene);
        stage.setUserData(controller);
        if (afterComplete != null) controller.whenComplete(panel -> panel.getChildren().add(afterComplete.apply(task.request().opportunityId())));
        return stage;
    }

    private void ended(TrackedTask task) {
        // Let whoever watches the start (the form) settle first: a refusal it shows on its fields is forgotten.
        Platform.runLater(() -> {
            if (tasks.tasks().contains(task) || windows.containsKey(task)) notifyEnded(task);
        });
    }

    private void notifyEnded(TrackedTask task) {
        Stage stage = windows.get(task);
        if (stage != null && stage.isShowing() && stage.isFocused()) return;
        TaskProgress p = task.latest();
        boolean complete = p != null && p.status() == TaskStatus.COMPLETE;
        String text = notificationText(task, complete);
        notified.accept(text);
        Window o = owner.get();
        if (o == null || !o.isShowing()) return;
        // Our own icon (the theme's colours), not ControlsFX's glossy stock images of showInformation()/showWarning().
        FontIcon icon = (complete ? Icons.OK : Icons.PROBLEM).create();
        icon.getStyleClass().add(complete ? "notification-complete" : "notification-failed");
        icon.setIconSize(28);
        Toasts.whenNoDialogOver(o, () -> Notifications.create()
                .title(Messages.get("progress.notify.title"))
                .text(text)
                .graphic(icon)
                .owner(o)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(complete ? 8 : 20))
                .onAction(e -> show(task))
                .show());
    }

    /** "Engagement started for O2… (Customer)."; without the parentheses when the customer is not known (a resumed task). */
    String notificationText(TrackedTask task, boolean complete) {
        String customer = task.customerName() == null ? "" : task.customerName().strip();
        TaskKind kind = task.request() == null ? null : TaskKind.of(task.request());
        if (kind != null && kind.isAboutInvitation()) {
            // An AWS referral accepted (the opportunity it created) or rejected, or what stopped that.
            TaskProgress p = task.latest();
            return Messages.format("progress.notify." + (complete ? "COMPLETE." : "FAILED.")
                    + kind.name(), task.request().opportunityId(), customer,
                    complete ? (p == null ? "" : TaskKind.createdOpportunityId(p)) : plainReason(task));
        }
        String key = "progress.notify." + (complete ? "COMPLETE" : "FAILED") + (customer.isEmpty() ? ".noCustomer" : "");
        return Messages.format(key, task.request().opportunityId(), customer,
                complete ? "" : plainReason(task));
    }

    /** Why it failed in the advice's words (the reason code only when there is no advice for it). */
    private String plainReason(TrackedTask task) {
        TaskProgress p = task.latest();
        FailureAdvice a = null;
        try {
            if (p != null && p.status() == TaskStatus.FAILED) a = advisor.apply(p);
            else if (task.errorProperty().get() instanceof PartnerCentralFailure f) a = failureAdvisor.apply(f);
        } catch (RuntimeException e) {
            a = null;
        }
        return a != null && a.title() != null && !a.title().isBlank() ? a.title() : reason(task);
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
