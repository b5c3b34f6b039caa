package app.cosell.engagement;

import app.cosell.model.ReceivedInvitation;
import app.cosell.model.StepEvidence;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import app.cosell.partner.PartnerCentral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls that differ by {@link TaskKind}, for the runner and the tracker: how a task is started (or, for a
 * rejection, done), how it is read back, and what evidence shows an acceptance's progress. The start policy, the
 * polling and the inference stay the same for every kind.
 */
final class TaskCalls {

    private TaskCalls() {}

    /** Sends the start of {@code p} (its saved token) and returns the answered snapshot. */
    static TaskProgress start(PartnerCentral partnerCentral, TaskProgress p, Instant now) {
        return switch (TaskKind.of(p)) {
            case ENGAGEMENT_FROM_OPPORTUNITY ->
                    StepInference.apply(p, partnerCentral.startEngagementTask(p.request(), p.clientToken()), null, now);
            case ENGAGEMENT_BY_ACCEPTING_INVITATION -> StepInference.apply(p, partnerCentral.startAcceptingInvitationTask(
                    p.request().invitationId(), p.clientToken(), p.request().tags()), null, now);
            case REJECT_INVITATION -> reject(partnerCentral, p, now);
        };
    }

    /** The service's entries for the task id of {@code p}. */
    static List<TaskAnswer> read(PartnerCentral partnerCentral, TaskProgress p) {
        return TaskKind.of(p) == TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION
                ? partnerCentral.acceptanceTasksById(p.taskId()) : partnerCentral.tasksById(p.taskId());
    }

    /**
     * The service's tasks for what {@code p} acts on (the opportunity, or the invitation it accepts), newest first;
     * none for a rejection, which starts no task.
     */
    static List<TaskAnswer> forTarget(PartnerCentral partnerCentral, TaskProgress p) {
        return switch (TaskKind.of(p)) {
            case ENGAGEMENT_FROM_OPPORTUNITY -> partnerCentral.tasksForOpportunity(p.request().opportunityId());
            case ENGAGEMENT_BY_ACCEPTING_INVITATION ->
                    partnerCentral.acceptanceTasksForInvitation(p.request().invitationId());
            case REJECT_INVITATION -> List.of();
        };
    }

    /** What an acceptance's invitation shows: ACCEPTED, with its engagement, means the first two steps are done. */
    static StepEvidence acceptanceEvidence(PartnerCentral partnerCentral, TaskProgress p, StepEvidence ev) {
        if (ev.engagementId() != null) return null;
        ReceivedInvitation i = partnerCentral.receivedInvitation(p.request().invitationId());
        return ReceivedInvitation.ACCEPTED.equals(i.status()) && i.engagementId() != null
                ? ev.withEngagement(i.engagementId()) : null;
    }

    /**
     * RejectEngagementInvitation, unless the invitation is rejected already (an earlier send of this same request
     * landed before the app stopped): one write, never sent when the invitation is known to be past answering.
     */
    private static TaskProgress reject(PartnerCentral partnerCentral, TaskProgress p, Instant now) {
        String id = p.request().invitationId();
        ReceivedInvitation current = partnerCentral.receivedInvitation(id);
        if (ReceivedInvitation.PENDING.equals(current.status())) {
            partnerCentral.rejectInvitation(id, p.request().rejectionReason());
        } else if (!ReceivedInvitation.REJECTED.equals(current.status())) {
            throw app.cosell.model.PartnerCentralFailure.of(app.cosell.model.FailureKind.CONFLICT,
                    "Engagement invitation " + id + " is " + current.status() + "; only a PENDING invitation can be rejected.",
                    null);
        }
        List<StepProgress> steps = new ArrayList<>();
        for (TaskStep s : TaskStep.values()) {
            boolean used = !TaskKind.REJECT_INVITATION.stepOperation(s).isEmpty();
            steps.add(new StepProgress(s, used ? StepState.DONE : StepState.SKIPPED, used ? p.requestedAt() : null,
                    used ? now : null, used && s == TaskStep.GET_OPPORTUNITY ? id : null));
        }
        return new TaskProgress(p.localId(), p.request(), p.clientToken(), p.attempt(), null, null, TaskStatus.COMPLETE,
                p.requestedAt(), p.requestedAt(), now, steps, current.engagementId(), id, null, null, null, null, now);
    }
}
