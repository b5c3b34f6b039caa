package app.cosell.engagement;

import app.cosell.model.ReasonCode;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StepEvidence;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Infers the six steps' states from what the service exposes: a pure function of (previous snapshot, latest task
 * answer, latest evidence, now). The service reports only IN_PROGRESS / COMPLETE / FAILED, so while a task runs the
 * steps are read from its side effects: an engagement associated with the opportunity means GetOpportunity and
 * CreateEngagement are done; the opportunity's snapshot, the snapshot job and the sent invitation mark the next three;
 * ReviewStatus Submitted marks SubmitOpportunity. COMPLETE makes every step done (the invitation step skipped when the
 * task reports no invitation: the opportunity already had an engagement). FAILED fails the step its ReasonCode names;
 * a code naming no step (throttling, quota, internal error, or a code this app does not know) fails the first step
 * not yet shown done. Steps never go backwards while the task runs. Other kinds of task ({@link TaskKind}) use the
 * same six slots with their own steps: an acceptance shows its first two done once the invitation reads ACCEPTED, and
 * its ReasonCodes fail the steps {@link TaskKind#stepOf} names.
 */
public final class StepInference {

    private StepInference() {}

    /**
     * @param answer   the latest task answer, or null when this update only brings evidence
     * @param evidence the latest evidence, or null
     */
    public static TaskProgress apply(TaskProgress prev, TaskAnswer answer, StepEvidence evidence, Instant now) {
        Objects.requireNonNull(prev, "prev");
        StepEvidence ev = evidence == null ? StepEvidence.none() : evidence;
        TaskStatus status = prev.status();
        String taskId = prev.taskId(), taskArn = prev.taskArn(), reasonCode = prev.reasonCode(), message = prev.message();
        Instant startTime = prev.startTime();
        if (answer != null) {
            taskId = first(answer.taskId(), taskId);
            taskArn = first(answer.taskArn(), taskArn);
            startTime = first(answer.startTime(), startTime);
            // An unknown status from a newer service is treated as still running.
            status = answer.status() != null ? answer.status() : TaskStatus.IN_PROGRESS;
            reasonCode = answer.reasonCode();
            message = answer.message();
        }
        String engagementId = first(answer == null ? null : answer.engagementId(), ev.engagementId(), prev.engagementId());
        String jobId = first(answer == null ? null : answer.resourceSnapshotJobId(), ev.resourceSnapshotJobId(), prev.resourceSnapshotJobId());
        String invitationId = first(answer == null ? null : answer.engagementInvitationId(), ev.engagementInvitationId(), prev.engagementInvitationId());
        String snapshot = first(ev.resourceSnapshotArn(), prev.step(TaskStep.CREATE_RESOURCE_SNAPSHOT).resultId());

        TaskKind kind = TaskKind.of(prev);
        String[] results = new String[TaskStep.values().length];
        results[TaskStep.GET_OPPORTUNITY.ordinal()] = prev.request().opportunityId();
        results[TaskStep.CREATE_ENGAGEMENT.ordinal()] = engagementId;
        results[TaskStep.CREATE_RESOURCE_SNAPSHOT.ordinal()] = snapshot;
        results[TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB.ordinal()] = jobId;
        results[TaskStep.CREATE_ENGAGEMENT_INVITATION.ordinal()] = invitationId;
        if (kind == TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION) {
            // Accepting: the invitation, the engagement joined, the new opportunity, the job created and started.
            results[TaskKind.CREATE_OPPORTUNITY_SLOT.ordinal()] = first(answer == null ? null : answer.opportunityId(),
                    prev.step(TaskKind.CREATE_OPPORTUNITY_SLOT).resultId());
            results[TaskStep.CREATE_ENGAGEMENT_INVITATION.ordinal()] = jobId;
        }

        StepState[] states = new StepState[TaskStep.values().length];
        if (status == null) {
            for (int i = 0; i < states.length; i++) states[i] = prev.steps().get(i).state();
        } else if (status == TaskStatus.COMPLETE) {
            java.util.Arrays.fill(states, StepState.DONE);
            if (kind == TaskKind.ENGAGEMENT_FROM_OPPORTUNITY && invitationId == null)
                states[TaskStep.CREATE_ENGAGEMENT_INVITATION.ordinal()] = StepState.SKIPPED;
            for (int i = kind.stepCount(); i < states.length; i++) states[i] = StepState.SKIPPED;
        } else {
            int done = Math.max(doneCount(prev), kind == TaskKind.ENGAGEMENT_FROM_OPPORTUNITY
                    ? evidenceLevel(engagementId, snapshot, jobId, invitationId, ev.reviewStatus())
                    // Accepting: the invitation read ACCEPTED, with its engagement, shows the first two steps done.
                    : ev.engagementId() != null ? TaskStep.CREATE_ENGAGEMENT.ordinal() + 1 : 0);
            if (status == TaskStatus.FAILED) {
                TaskStep named = kind.stepOf(ReasonCode.fromWire(reasonCode));
                int failing = named != null ? named.ordinal() : Math.min(done, kind.stepCount() - 1);
                for (int i = 0; i < states.length; i++)
                    states[i] = i < failing ? StepState.DONE : i == failing ? StepState.FAILED : StepState.PENDING;
            } else {
                for (int i = 0; i < states.length; i++)
                    states[i] = i < done ? StepState.DONE : i == done ? StepState.RUNNING : StepState.PENDING;
            }
        }

        List<StepProgress> steps = new ArrayList<>();
        for (TaskStep step : TaskStep.values()) {
            StepProgress old = prev.step(step);
            StepState s = states[step.ordinal()];
            Instant started = old.startedAt();
            Instant ended = old.endedAt();
            if (s != StepState.PENDING && s != StepState.SKIPPED && started == null) started = now;
            if (s.isEnd() && s != StepState.SKIPPED && ended == null) ended = now;
            if (!s.isEnd()) ended = null;
            if (s == StepState.PENDING || s == StepState.SKIPPED) started = null;
            String result = s == StepState.DONE || s == StepState.RUNNING ? first(results[step.ordinal()], old.resultId())
                    : old.resultId();
            steps.add(new StepProgress(step, s, started, ended, result));
        }

        Instant endedAt = prev.endedAt();
        if (status != null && status.isEnd() && endedAt == null) endedAt = now;
        return new TaskProgress(prev.localId(), prev.request(), prev.clientToken(), prev.attempt(), taskId, taskArn,
                status, prev.requestedAt(), startTime, endedAt, steps, engagementId, invitationId, jobId, reasonCode,
                message, answer != null ? null : prev.failure(), now);
    }

    /** How many leading steps the evidence shows done. */
    static int evidenceLevel(String engagementId, String snapshot, String jobId, String invitationId, ReviewStatus review) {
        if (review == ReviewStatus.SUBMITTED || review == ReviewStatus.IN_REVIEW || review == ReviewStatus.APPROVED)
            return TaskStep.values().length;
        if (invitationId != null) return TaskStep.CREATE_ENGAGEMENT_INVITATION.ordinal() + 1;
        if (jobId != null) return TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB.ordinal() + 1;
        if (snapshot != null) return TaskStep.CREATE_RESOURCE_SNAPSHOT.ordinal() + 1;
        if (engagementId != null) return TaskStep.CREATE_ENGAGEMENT.ordinal() + 1;
        return 0;
    }

    private static int doneCount(TaskProgress p) {
        int n = 0;
        for (StepProgress s : p.steps()) {
            if (s.state() == StepState.DONE || s.state() == StepState.SKIPPED) n++;
            else break;
        }
        return n;
    }

    /** Whether two snapshots show the same thing (ignoring when they were made). */
    public static boolean sameState(TaskProgress a, TaskProgress b) {
        if (a == null || b == null) return a == b;
        return a.equals(new TaskProgress(b.localId(), b.request(), b.clientToken(), b.attempt(), b.taskId(), b.taskArn(),
                b.status(), b.requestedAt(), b.startTime(), b.endedAt(), b.steps(), b.engagementId(),
                b.engagementInvitationId(), b.resourceSnapshotJobId(), b.reasonCode(), b.message(), b.failure(),
                a.updatedAt()));
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
