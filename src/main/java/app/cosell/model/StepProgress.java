package app.cosell.model;

import java.time.Instant;

/**
 * One step of a tracked task at one moment: its state, when it was first seen running and when it ended, and the
 * id of what it produced (engagement, snapshot, job, invitation), if any.
 */
public record StepProgress(TaskStep step, StepState state, Instant startedAt, Instant endedAt, String resultId) {

    public static StepProgress pending(TaskStep step) {
        return new StepProgress(step, StepState.PENDING, null, null, null);
    }
}
