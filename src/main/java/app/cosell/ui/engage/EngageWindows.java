package app.cosell.ui.engage;

import app.cosell.model.EditScope;
import app.cosell.model.EditableField;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StartVerdict;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.edit.EditWindows;
import app.cosell.ui.edit.OpportunityEditor;
import app.cosell.ui.main.EngageLauncher;
import app.cosell.ui.progress.ProgressWindows;
import app.cosell.ui.progress.RunningTasks;
import app.cosell.ui.progress.RunningTasksIndicator;
import app.cosell.ui.progress.TrackedTask;
import app.cosell.engagement.ClientTokens;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.ui.progress.TaskRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * What the main window calls to start an engagement and to watch one: opens the Start engagement form of an
 * opportunity (one window per opportunity), starts the task, opens its live progress, and supplies the running-tasks
 * indicator for the status bar.
 */
public final class EngageWindows implements EngageLauncher, StartEngagementController.Host {

    private final Supplier<Window> owner;
    private final RunningTasks tasks;
    private final ProgressWindows progress;
    private final FormDrafts drafts;
    private final Supplier<AwsCliText.Target> target;
    private final Supplier<String> tokens;
    private final Map<String, Stage> forms = new HashMap<>();
    // The guard and the fix (set after construction by the app; tests of the form alone go without).
    private StartCheck startCheck = StartCheck.NONE;
    private Background background;
    private EditWindows editor;
    private Consumer<String> showOpportunity = id -> {};

    /**
     * @param target where the copied CLI command points (the current connection's region, endpoint, profile)
     * @param tokens client tokens for the copied CLI command and JSON (the start policy's rule)
     */
    public EngageWindows(Supplier<Window> owner, RunningTasks tasks, ProgressWindows progress,
                         FormDrafts drafts, Supplier<AwsCliText.Target> target, Supplier<String> tokens) {
        this.owner = owner;
        this.tasks = tasks;
        this.progress = progress;
        this.drafts = drafts;
        this.target = target;
        this.tokens = tokens;
    }

    @Override
    public void openStartEngagement(OpportunitySummary s, List<String> readinessWarnings) {
        openStartEngagement(s);
        Stage open = forms.get(FormDrafts.key(s.catalog().wire(), s.id()));
        if (open != null && open.getUserData() instanceof StartEngagementController c) c.showReadinessWarnings(readinessWarnings);
    }

    /** Opens the Start engagement form for {@code s}, or brings its open form to the front. */
    @Override
    public void openStartEngagement(OpportunitySummary s) {
        // A task of ours still running for it: bring that forward; a second start would be refused.
        Optional<TrackedTask> running = runningTask(s.id());
        if (running.isPresent()) {
            progress.show(running.get());
            return;
        }
        String key = FormDrafts.key(s.catalog().wire(), s.id());
        Stage open = forms.get(key);
        if (open != null && open.isShowing()) {
            open.toFront();
            open.requestFocus();
            return;
        }
        StartEngagementFormModel model = new StartEngagementFormModel(s.catalog(), s.id(), s.customerCompanyName(),
                s.projectTitle(), target.get(), drafts, tokens);
        Stage stage = StartEngagementDialog.open(owner.get(), model, this);
        forms.put(key, stage);
        checkStart(model);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> forms.remove(key, stage));
    }

    /** Asks the start guard in the background; the form waits for the answer before Start is enabled. */
    private void checkStart(StartEngagementFormModel model) {
        if (background == null) {
            model.setVerdicts(startCheck.check(model.opportunityId()));
            return;
        }
        background.run(() -> startCheck.check(model.opportunityId()), model::setVerdicts, e -> {
            // The record could not be read: the service stays the authority, so the start is allowed, with a note.
            StartVerdict unknown = new StartVerdict(
                    StartVerdict.Outcome.UNKNOWN, List.of(new StartVerdict.Reason(
                    StartVerdict.Cause.UNCHECKED, null, null, "guard.unreadable", List.of())));
            model.setVerdicts(Map.of(InvolvementType.CO_SELL, unknown,
                    InvolvementType.FOR_VISIBILITY_ONLY, unknown));
        });
    }

    /** The task of ours for this opportunity that has not ended (running, or waiting to be confirmed), if any. */
    public Optional<TrackedTask> runningTask(String opportunityId) {
        return tasks.tasks().stream().filter(t -> t.request().opportunityId().equals(opportunityId)
                && (t.isRunning() || (t.latest() != null && !t.latest().isEnded()))).findFirst();
    }

    /**
     * Wires the guard and the fix: the start check the form waits for (run with {@code background}), the editor
     * ("Fix it" from the form and from a failure's advice) and the browser ("Open in Partner Central").
     */
    public void guardAndFix(StartCheck check, Background background,
                            EditWindows editor, Consumer<String> browser) {
        this.startCheck = check;
        this.background = background;
        this.editor = editor;
        editor.setOnStartEngagement(o -> openStartEngagement(OpportunitySummary.of(o, null)));
        progress.setAdviceHandlers(new ProgressWindows.AdviceHandlers() {
            @Override public void fixIt(String opportunityId, EditableField field) {
                EngageWindows.this.fixIt(opportunityId, field);
            }
            @Override public void showRunningTask(String opportunityId) { EngageWindows.this.showRunningTask(opportunityId); }
            @Override public void openInBrowser(String url) { browser.accept(url); }
        });
    }

    @Override
    public OpportunityEditor editor() {
        return editor == null ? OpportunityEditor.NONE : editor;
    }

    @Override
    public void setOnOpportunitySaved(Consumer<Opportunity> saved) {
        if (editor != null) editor.addSavedListener(saved);
    }

    @Override
    public void fixIt(String opportunityId, EditableField field) {
        editor().open(opportunityId, EditScope.focus(field));
    }

    @Override
    public void showRunningTask(String opportunityId) {
        Optional<TrackedTask> running = runningTask(opportunityId);
        if (running.isPresent()) progress.show(running.get());
        else showOpportunity.accept(opportunityId); // another client's task: the opportunity's tasks are listed there
    }

    /** Opens the live progress of a task: this session's, a resumed unfinished one, or an ended one from history. */
    @Override
    public void openProgress(TaskProgress p) {
        TrackedTask t = tasks.find(p).orElseGet(() -> p.isEnded() || p.failure() != null
                ? tasks.view(p, null) : tasks.resume(p, null));
        progress.show(t);
    }

    /** Follows again the tasks that were running when the app last closed (they join the running-tasks indicator). */
    @Override
    public void resumeUnfinished(List<TaskProgress> unfinished) {
        for (TaskProgress p : unfinished) if (tasks.find(p).isEmpty()) tasks.resume(p, null);
    }

    /**
     * The engagement screens of the app.
     *
     * @param runner   the current connection's runner (asked for on the background thread, at each start)
     * @param target   where a copied CLI command points: the current connection's region, endpoint, profile
     * @param dataDir  where the form drafts are kept
     * @param openOpportunity shows an opportunity (by id) to the rep: the advice's "Open the opportunity"
     */
    public static EngageWindows create(Stage owner, Executor executor, Supplier<EngagementRunner> runner,
                                       FailureAdviceCatalogue advice, Path dataDir, ObjectMapper json,
                                       Supplier<AwsCliText.Target> target, String appVersion,
                                       Consumer<String> openOpportunity) {
        RunningTasks tasks = new RunningTasks(executor, TaskRunner.of(runner));
        ProgressWindows progress = new ProgressWindows(tasks, p -> advice.forTask(p).orElse(null),
                advice::forFailure, openOpportunity, appVersion == null ? "dev" : appVersion, () -> owner, Clock.systemUTC());
        return new EngageWindows(() -> owner, tasks, progress, FormDrafts.stored(dataDir, json, executor),
                target, ClientTokens::fresh);
    }

    @Override
    public void startTask(StartEngagementRequest request, String title, boolean showProgress,
                          Consumer<TaskProgress> onEnded) {
        TrackedTask t = tasks.start(request, title);
        if (showProgress) progress.show(t);
        whenEnded(t, onEnded);
    }

    @Override
    public void resumeTask(TaskProgress unfinished, String title, Consumer<TaskProgress> onEnded) {
        TrackedTask t = tasks.find(unfinished).orElseGet(() -> tasks.resume(unfinished, title));
        progress.show(t);
        whenEnded(t, onEnded);
    }

    /** Calls {@code onEnded} with the task's last snapshot once its run stops (FX thread). */
    private static void whenEnded(TrackedTask t, Consumer<TaskProgress> onEnded) {
        t.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean running) {
                if (running) return;
                o.removeListener(this);
                onEnded.accept(t.latest());
            }
        });
    }

    /** The running-tasks indicator for the main window's status bar. */
    @Override
    public Node runningTasksIndicator() {
        return new RunningTasksIndicator(tasks, progress::show);
    }

    @Override
    public void setOnOpenOpportunity(Consumer<String> open) {
        progress.setOnOpenOpportunity(open);
        this.showOpportunity = open;
    }

    public RunningTasks runningTasks() { return tasks; }

    @Override
    public List<String> runningTaskLines() {
        return tasks.tasks().stream().filter(TrackedTask::isRunning).map(t -> {
            String customer = t.customerName() == null || t.customerName().isBlank() ? "" : " \u00b7 " + t.customerName();
            return t.request().opportunityId() + customer;
        }).toList();
    }

    public ProgressWindows progressWindows() { return progress; }

    @Override
    public TrackedTask start(StartEngagementRequest request, String customerName) { return tasks.start(request, customerName); }

    @Override
    public void showProgress(TrackedTask task) { progress.showStarted(task); }

    @Override
    public void forget(TrackedTask task) { tasks.tasks().remove(task); }
}
