package app.cosell.ui.progress;

import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The engagement tasks of this session, newest first, for the running-tasks indicator: starts, retries and resumes
 * them through the runner on the application executor, counts the live ones, and tells a listener when one ends
 * (so the rep hears of it while looking elsewhere). FX thread only.
 */
public final class RunningTasks {

    private final Executor executor;
    private final TaskRunner runner;
    private final ObservableList<TrackedTask> tasks =
            FXCollections.observableArrayList(t -> new Observable[] {t.runningProperty(), t.latestProperty()});
    private final IntegerBinding runningCount;
    private Consumer<TrackedTask> onEnded = t -> {};

    public RunningTasks(Executor executor, TaskRunner runner) {
        this.executor = Objects.requireNonNull(executor);
        this.runner = Objects.requireNonNull(runner);
        runningCount = Bindings.createIntegerBinding(
                () -> (int) tasks.stream().filter(TrackedTask::isRunning).count(), tasks);
    }

    public ObservableList<TrackedTask> tasks() { return tasks; }

    public IntegerBinding runningCountProperty() { return runningCount; }

    /** Called on the FX thread each time a task ends (completes, fails, or its runner gives up). */
    public void setOnEnded(Consumer<TrackedTask> onEnded) { this.onEnded = Objects.requireNonNull(onEnded); }

    public TrackedTask start(StartEngagementRequest request, String customerName) {
        TrackedTask t = track(request, customerName);
        t.run(onChange -> runner.start(request, onChange));
        return t;
    }

    /**
     * The rep's Retry, in the same tracked task: the runner follows what the service already has (same token, or the
     * task it finds) and starts a new attempt with a fresh token only after a FAILED one with nothing live.
     */
    public void retry(TrackedTask t) {
        if (!tasks.contains(t)) tasks.addFirst(t);
        TaskProgress failed = t.latest();
        if (failed == null) t.run(onChange -> runner.start(t.request(), onChange));
        else t.run(onChange -> runner.retry(failed, onChange));
    }

    /** Follows a task that was still running when the app last closed. */
    public TrackedTask resume(TaskProgress unfinished, String customerName) {
        TrackedTask t = track(unfinished.request(), customerName);
        t.show(unfinished);
        t.run(onChange -> runner.resume(unfinished, onChange));
        return t;
    }

    /** The tracked task of a snapshot, if it is one of this session's tasks (same local id). */
    public Optional<TrackedTask> find(TaskProgress p) {
        return tasks.stream().filter(t -> t.latest() != null && t.latest().localId().equals(p.localId())).findFirst();
    }

    /** An ended task from the history, shown without running anything (it joins the list if the rep retries it). */
    public TrackedTask view(TaskProgress ended, String customerName) {
        TrackedTask t = new TrackedTask(ended.request(), customerName, executor, e -> onEnded.accept(e));
        t.show(ended);
        return t;
    }

    private TrackedTask track(StartEngagementRequest request, String customerName) {
        TrackedTask t = new TrackedTask(request, customerName, executor, ended -> onEnded.accept(ended));
        tasks.addFirst(t);
        return t;
    }
}
