package app.cosell.ui.opportunities;

import app.cosell.model.TaskProgress;

/** The engagement column of the list: what became of the latest engagement task of an opportunity. */
public enum EngagementState {
    NONE, STARTING, RUNNING, ENGAGED, FAILED;

    public static EngagementState of(TaskProgress latest) {
        if (latest == null) return NONE;
        if (latest.status() == null) return latest.endedAt() != null ? FAILED : STARTING;
        return switch (latest.status()) {
            case IN_PROGRESS -> RUNNING;
            case COMPLETE -> ENGAGED;
            case FAILED -> FAILED;
        };
    }
}
