package app.cosell.model;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one engagement task as the app knows it: what was asked, the service's answer so far,
 * the inferred state of each of the six steps, and the outcome. The tracker emits a new one on every change; the
 * history stores the latest.
 *
 * @param taskId     null until the service answered the start call
 * @param status     null until the service answered the start call
 * @param reasonCode the raw ReasonCode string (it may be one this app does not know)
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
        String message) {

    public TaskProgress {
        steps = List.copyOf(steps);
    }

    public boolean isEnded() { return status != null && status.isEnd(); }

    public ReasonCode knownReasonCode() { return ReasonCode.fromWire(reasonCode); }

    public StepProgress step(TaskStep step) { return steps.get(step.ordinal()); }
}
