package app.cosell.ui.common;

import app.cosell.model.TaskProgress;

/** What became of the latest engagement task of an opportunity: the list's Engagement column, history's status. */
public enum EngagementState {
    NONE, STARTING, RUNNING, ENGAGED, FAILED;

    public static EngagementState of(TaskProgress latest) {
        if (latest == null) return NONE;
        if (latest.isComplete()) return ENGAGED;
        if (latest.isFailed()) return FAILED;
        return latest.isStarted() ? RUNNING : STARTING;
    }
}
