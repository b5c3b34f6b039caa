package app.cosell.emulator;

import java.time.Instant;
import java.util.List;

/**
 * One StartEngagementFromOpportunityTask run: its identity, its status, what it created so far and, when it
 * failed, the reason code and message. {@code stepsDone} and the created ids are kept while the task runs so
 * that a later step knows what earlier ones did; the wire shows the ids only once the task is COMPLETE.
 */
record EngagementTask(
        String catalog,
        String taskId,
        Instant startTime,
        String status,
        String opportunityId,
        String involvementType,
        String visibility,
        List<Tag> tags,
        int stepsDone,
        String engagementId,
        boolean engagementExisted,
        String invitationId,
        String jobId,
        String reasonCode,
        String message) implements TaskRunner.Task<EngagementTask> {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETE = "COMPLETE";
    static final String FAILED = "FAILED";

    EngagementTask {
        tags = List.copyOf(tags);
    }

    String arn() {
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/engagement-from-opportunity-task/" + taskId;
    }

    public boolean finished() {
        return !IN_PROGRESS.equals(status);
    }

    EngagementTask afterStep(int steps, String newEngagementId, boolean existed, String newInvitationId,
                             String newJobId) {
        return new EngagementTask(catalog, taskId, startTime, status, opportunityId, involvementType, visibility,
                tags, steps, newEngagementId, existed, newInvitationId, newJobId, reasonCode, message);
    }

    public EngagementTask complete() {
        return new EngagementTask(catalog, taskId, startTime, COMPLETE, opportunityId, involvementType, visibility,
                tags, stepsDone, engagementId, engagementExisted, invitationId, jobId, null, null);
    }

    public EngagementTask failed(String code, String why) {
        return new EngagementTask(catalog, taskId, startTime, FAILED, opportunityId, involvementType, visibility,
                tags, stepsDone, engagementId, engagementExisted, invitationId, jobId, code, why);
    }
}
