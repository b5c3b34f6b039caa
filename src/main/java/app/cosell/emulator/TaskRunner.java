package app.cosell.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step loop the emulator's asynchronous tasks share (StartEngagementFromOpportunityTask in {@link TaskEngine},
 * StartEngagementByAcceptingInvitationTask in {@link InvitationAcceptance}): a started task runs inline to the end in
 * instant mode, else one step at a time on the engine's scheduler, spaced by its step delay and reported to its test
 * hook. Each step runs under the state's write lock; a step's {@link StepFailure} ends the task FAILED with its
 * reason, and a crash in the emulator itself ends it FAILED with InternalError.
 *
 * @param <T> the task's record
 */
final class TaskRunner<T extends TaskRunner.Task<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** What the runner needs of a task's record. */
    interface Task<T> {
        String catalog();

        String taskId();

        String status();

        int stepsDone();

        boolean finished();

        T complete();

        T failed(String code, String why);
    }

    /** What each step of a kind of task does. */
    interface Steps<T extends Task<T>> {
        /** Runs the step after {@code task.stepsDone()} (under the write lock) and returns the task after it. */
        T next(CatalogState catalog, T task);

        /** The task after a step failed; by default FAILED with the failure's reason. */
        default T failed(CatalogState catalog, T task, StepFailure failure) {
            return task.failed(failure.reasonCode, failure.getMessage());
        }
    }

    private final String kind;
    private final PartnerCentralState state;
    private final TaskEngine engine;
    private final Function<CatalogState, Map<String, T>> records;
    private final List<String> stepNames;
    private final Steps<T> steps;

    /**
     * @param kind      how the log names such a task ("task", "acceptance task")
     * @param records   the catalog's map of these tasks by id
     * @param stepNames the task's steps, in order (the task completes after the last)
     */
    TaskRunner(String kind, PartnerCentralState state, TaskEngine engine,
               Function<CatalogState, Map<String, T>> records, List<String> stepNames, Steps<T> steps) {
        this.kind = kind;
        this.state = state;
        this.engine = engine;
        this.records = records;
        this.stepNames = List.copyOf(stepNames);
        this.steps = steps;
    }

    /** Runs a started task: inline to the end in instant mode, else step by step on the scheduler. */
    T run(T task) {
        if (engine.instant()) {
            T current = task;
            while (current != null && !current.finished()) {
                current = state.write(() -> step(task.catalog(), task.taskId()));
            }
            return current == null ? task : current;
        }
        schedule(task.catalog(), task.taskId());
        return task;
    }

    /** Goes on with the unfinished tasks of this kind the state holds (it was just loaded). */
    void resume() {
        for (CatalogState catalog : state.catalogs()) {
            for (T task : records.apply(catalog).values()) {
                if (!task.finished()) {
                    schedule(task.catalog(), task.taskId());
                }
            }
        }
    }

    private void schedule(String catalog, String taskId) {
        try {
            engine.scheduler().schedule(() -> runScheduledStep(catalog, taskId), engine.stepDelay().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("emulator stopping; {} {} left as it is", kind, taskId);
        }
    }

    private void runScheduledStep(String catalog, String taskId) {
        try {
            T before = records.apply(state.catalog(catalog)).get(taskId);
            if (before == null) {
                return; // the data was reset while the task ran
            }
            TaskEngine.StepObserver hook = engine.observer();
            if (hook != null && !before.finished()) {
                // The hook knows the engagement task's steps; another task's step is reported by its position.
                hook.beforeStep(taskId, TaskStep.values()[before.stepsDone()]);
            }
            T after = state.write(() -> step(catalog, taskId));
            if (after != null && !after.finished()) {
                schedule(catalog, taskId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("{} {} crashed in the emulator; marking it FAILED", kind, taskId, e);
            state.write(() -> {
                Map<String, T> tasks = records.apply(state.catalog(catalog));
                T task = tasks.get(taskId);
                if (task != null) {
                    tasks.put(taskId, task.failed("InternalError",
                            "An internal error occurred; start a new task later."));
                }
            });
        }
    }

    /** Runs the task's next step (under the state's write lock) and stores and returns the updated task. */
    private T step(String catalogName, String taskId) {
        CatalogState catalog = state.catalog(catalogName);
        Map<String, T> tasks = records.apply(catalog);
        T task = tasks.get(taskId);
        if (task == null || task.finished()) {
            return task;
        }
        String step = stepNames.get(task.stepsDone());
        T next;
        try {
            next = steps.next(catalog, task);
            if (next.stepsDone() == stepNames.size()) {
                next = next.complete();
            }
        } catch (StepFailure failure) {
            next = steps.failed(catalog, task, failure);
        }
        tasks.put(taskId, next);
        LOG.debug("{} {} {} -> {}", kind, taskId, step, next.status());
        return next;
    }
}
