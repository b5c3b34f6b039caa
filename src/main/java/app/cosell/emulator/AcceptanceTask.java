package app.cosell.emulator;

import java.time.Instant;
import java.util.List;

/**
 * One StartEngagementByAcceptingInvitationTask run: the invitation it accepts, its status, how many of its six steps
 * are done, what it created so far (the engagement joined, the new opportunity, the snapshot job) and, when it
 * failed, the reason code and message. The wire shows the created ids once the task is COMPLETE.
 */
record AcceptanceTask(
        String catalog,
        String taskId,
        Instant startTime,
        String status,
        String invitationId,
        List<Tag> tags,
        int stepsDone,
        String engagementId,
        String opportunityId,
        String jobId,
        String reasonCode,
        String message) implements TaskRunner.Task<AcceptanceTask> {

    /**
     * The task's inner steps, in order (inferred: the operations the task's IAM action requires, in the order the
     * developer guide describes: accept the invitation, create the opportunity from AWS's, copy details for tracking).
     */
    static final List<String> STEPS = List.of("GetEngagementInvitation", "AcceptEngagementInvitation",
            "CreateOpportunity", "CreateResourceSnapshotJob", "StartResourceSnapshotJob", "SubmitOpportunity");

    AcceptanceTask {
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    String arn() {
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/engagement-by-accepting-invitation-task/"
                + taskId;
    }

    public boolean finished() {
        return !EngagementTask.IN_PROGRESS.equals(status);
    }

    AcceptanceTask afterStep(String newEngagementId, String newOpportunityId, String newJobId) {
        return new AcceptanceTask(catalog, taskId, startTime, status, invitationId, tags, stepsDone + 1,
                newEngagementId, newOpportunityId, newJobId, reasonCode, message);
    }

    public AcceptanceTask complete() {
        return new AcceptanceTask(catalog, taskId, startTime, EngagementTask.COMPLETE, invitationId, tags, stepsDone,
                engagementId, opportunityId, jobId, null, null);
    }

    public AcceptanceTask failed(String code, String why) {
        return new AcceptanceTask(catalog, taskId, startTime, EngagementTask.FAILED, invitationId, tags, stepsDone,
                engagementId, opportunityId, jobId, code, why);
    }
}
