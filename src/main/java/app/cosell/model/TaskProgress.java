package app.cosell.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one engagement task as the app knows it: what was asked, the service's answer so far,
 * the inferred state of each of the six steps, and the outcome. The tracker emits a new one on every change; the
 * history stores the latest.
 *
 * @param localId     the app's own id for this attempt (stable across restarts; the history key)
 * @param clientToken the ClientToken of this attempt; written to the history before the start call is sent
 * @param attempt     1 for the first deliberate attempt on this request, 2 for the first retry, ...
 * @param taskId      null until the service answered the start call
 * @param status      null until the service answered the start call
 * @param steps       always the six steps in {@link TaskStep} order
 * @param reasonCode  the raw ReasonCode string (it may be one this app does not know)
 * @param failure     the call failure that stopped the app's part (a refused start, or tracking that lost its
 *                    connection or sign-in); null otherwise. A FAILED task carries its reason in {@code reasonCode}.
 * @param updatedAt   when this snapshot was made
 */
public record TaskProgress(
        String localId,
        StartEngagementRequest request,
        String clientToken,
        int attempt,
        String taskId,
        String taskArn,
        TaskStatus status,
        Instant requestedAt,
        Instant startTime,
        Instant endedAt,
        List<StepProgress> steps,
        String engagementId,
        String engagementInvitationId,
        String resourceSnapshotJobId,
        String reasonCode,
        String message,
        CallFailure failure,
        Instant updatedAt) {

    public TaskProgress {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(request, "request");
        steps = List.copyOf(steps == null || steps.isEmpty() ? allPending() : steps);
        if (steps.size() != TaskStep.values().length) throw new IllegalArgumentException("six steps expected");
    }

    /** A task about to be started: token chosen, nothing sent yet, every step pending. */
    public static TaskProgress requested(String localId, StartEngagementRequest request, String clientToken,
                                         int attempt, Instant now) {
        return new TaskProgress(localId, request, clientToken, attempt, null, null, null, now, null, null,
                allPending(), null, null, null, null, null, null, now);
    }

    private static List<StepProgress> allPending() {
        List<StepProgress> s = new ArrayList<>();
        for (TaskStep step : TaskStep.values()) s.add(StepProgress.pending(step));
        return s;
    }

    /**
     * Whether nothing more will happen: the service reported COMPLETE or FAILED, or refused to start the task
     * (a non-transient failure before any task id).
     */
    public boolean isEnded() {
        if (status != null && status.isEnd()) return true;
        return taskId == null && failure != null && !failure.kind().isTransient()
                && failure.kind() != FailureKind.SIGN_IN_NEEDED;
    }

    /** Whether the service has answered the start call (a task id exists). */
    public boolean isStarted() { return taskId != null; }

    public boolean isComplete() { return status == TaskStatus.COMPLETE; }

    public boolean isFailed() { return status == TaskStatus.FAILED || (isEnded() && status == null); }

    public ReasonCode knownReasonCode() { return ReasonCode.fromWire(reasonCode); }

    public StepProgress step(TaskStep step) { return steps.get(step.ordinal()); }

    /** The step shown failed, or null. */
    public TaskStep failedStep() {
        for (StepProgress s : steps) if (s.state() == StepState.FAILED) return s.step();
        return null;
    }

    public TaskProgress withFailure(CallFailure f, Instant now) {
        return new TaskProgress(localId, request, clientToken, attempt, taskId, taskArn, status, requestedAt,
                startTime, endedAt, steps, engagementId, engagementInvitationId, resourceSnapshotJobId, reasonCode,
                message, f, now);
    }
}
