package app.cosell.ui.progress;

import app.cosell.engagement.EngagementRunner;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the progress views need of the engagement runner: start, retry with a fresh token, resume tracking. Each
 * call blocks until the task ends and reports every snapshot to {@code onChange}; it runs on a background thread.
 */
public interface TaskRunner {

    TaskProgress start(StartEngagementRequest request, Consumer<TaskProgress> onChange) throws Exception;

    TaskProgress retry(TaskProgress failed, Consumer<TaskProgress> onChange) throws Exception;

    TaskProgress resume(TaskProgress unfinished, Consumer<TaskProgress> onChange) throws Exception;

    /** The app's runner: starts, retries and resumes through the current connection's {@link EngagementRunner}. */
    static TaskRunner of(Supplier<EngagementRunner> current) {
        return new TaskRunner() {
            @Override
            public TaskProgress start(StartEngagementRequest request, Consumer<TaskProgress> onChange) throws Exception {
                return current.get().start(request, onChange);
            }

            @Override
            public TaskProgress retry(TaskProgress failed, Consumer<TaskProgress> onChange) throws Exception {
                return current.get().retry(failed, onChange);
            }

            @Override
            public TaskProgress resume(TaskProgress unfinished, Consumer<TaskProgress> onChange) throws Exception {
                return current.get().resume(unfinished, onChange);
            }
        };
    }
}
