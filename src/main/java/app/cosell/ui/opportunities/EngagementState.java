package app.cosell.ui.opportunities;

import app.cosell.model.TaskProgress;

/** The engagement column of the list: what became of the latest engagement task of an opportunity. */
public enum EngagementState {
    NONE, STARTING, RUNNING, ENGAGED, FAILED;

    public static EngagementState of(TaskProgress latest) {
        if (latest == null) return NONE;
        if (latest.isComplete()) return ENGAGED;
        if (latest.isFailed()) return FAILED;
        return latest.isStarted() ? RUNNING : STARTING;
    }
}
