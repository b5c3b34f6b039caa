package app.cosell.ui.common;

import app.cosell.model.TaskProgress;
import java.util.List;

/**
 * The persisted engagement tasks as the screens read them: every task (latest snapshot each) and a signal when
 * that changes. {@code AppContext} backs it with the engagement task history.
 */
public interface TaskHistoryFeed {

    /** Every task, newest first. May read a file: call off the FX thread. */
    List<TaskProgress> all();

    /** Calls {@code listener} (on any thread) after the history changed. */
    void addListener(Runnable listener);
}
