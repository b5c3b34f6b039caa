package app.cosell.ui.progress;

import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * One engagement task the rep started (or resumed) in this session, run by a {@link Service} on the application
 * executor: the latest snapshot, whether it is still running, and the failure if the runner threw. A retry runs
 * in the same tracked task, so its window follows the new attempt.
 */
public final class TrackedTask {

    /** Work that reports snapshots while it runs and returns the last one. */
    @FunctionalInterface
    interface Run {
        TaskProgress run(Consumer<TaskProgress> onChange) throws Exception;
    }

    private final StartEngagementRequest request;
    private final String customerName;
    private final ReadOnlyObjectWrapper<TaskProgress> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final RunService service = new RunService();

    TrackedTask(StartEngagementRequest request, String customerName, Executor executor, Consumer<TrackedTask> onEnded) {
        this.request = request;
        this.customerName = customerName;
        service.setExecutor(executor);
        service.valueProperty().addListener((o, a, b) -> { if (b != null) latest.set(b); });
        service.stateProperty().addListener((o, a, b) -> {
            if (b == Worker.State.FAILED) {
                error.set(service.getException());
                onEnded.accept(this);
            } else if (b == Worker.State.SUCCEEDED) {
                onEnded.accept(this);
            }
        });
    }

    public StartEngagementRequest request() { return request; }
    public String customerName() { return customerName; }
    public ReadOnlyObjectProperty<TaskProgress> latestProperty() { return latest.getReadOnlyProperty(); }
    public TaskProgress latest() { return latest.get(); }
    /** What the runner threw (a refused start, a lost connection), or null. */
    public ReadOnlyObjectProperty<Throwable> errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return service.runningProperty(); }
    public boolean isRunning() { return service.isRunning(); }

    void run(Run work) {
        error.set(null);
        service.work = work;
        service.restart();
    }

    void show(TaskProgress p) { latest.set(p); }

    /**
     * Why the service refused to start the task (no task id was given), or null: what the form shows on its fields
     * when it is a validation failure.
     */
    public PartnerCentralFailure refusal() {
        TaskProgress p = latest.get();
        if (p != null && p.taskId() != null) return null;
        if (p != null && p.failure() != null) return p.failure().toFailure();
        return error.get() instanceof PartnerCentralFailure f ? f : null;
    }

    /** Stops following the task (the task itself goes on at the service). */
    public void cancel() { service.cancel(); }

    private final class RunService extends Service<TaskProgress> {
        private Run work;

        @Override
        protected Task<TaskProgress> createTask() {
            Run current = work;
            return new Task<>() {
                @Override
                protected TaskProgress call() throws Exception {
                    return current.run(this::updateValue);
                }
            };
        }
    }
}
