package app.cosell.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StepEvidence;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step inference for an acceptance: its own steps on the six slots, its own ReasonCode → step mapping. */
class AcceptanceStepInferenceTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final String INVITATION = "engi-0123456789abc";

    static TaskProgress requested() {
        return TaskProgress.requested("local-1", StartEngagementRequest.acceptInvitation(Catalog.Sandbox, INVITATION,
                List.of()), "token", 1, T0);
    }

    static TaskAnswer answer(TaskStatus status, String opportunityId, String jobId, String reasonCode) {
        return new TaskAnswer("task-0123456789abc", "arn:task", T0, status, status.name(), opportunityId, null, jobId,
                INVITATION, reasonCode, reasonCode == null ? null : "why");
    }

    static List<StepState> states(TaskProgress p) { return p.steps().stream().map(StepProgress::state).toList(); }

    @Test
    void theAcceptedInvitationShowsTheFirstTwoStepsDone() {
        TaskProgress started = StepInference.apply(requested(), answer(TaskStatus.IN_PROGRESS, null, null, null), null, T0);
        assertThat(states(started).getFirst()).isEqualTo(StepState.RUNNING);

        TaskProgress accepted = StepInference.apply(started, null, StepEvidence.none().withEngagement("eng-01234567890abc"),
                T0.plusSeconds(1));

        assertThat(states(accepted)).containsExactly(StepState.DONE, StepState.DONE, StepState.RUNNING,
                StepState.PENDING, StepState.PENDING, StepState.PENDING);
        assertThat(accepted.step(TaskStep.CREATE_ENGAGEMENT).resultId()).isEqualTo("eng-01234567890abc");
    }

    @Test
    void completeGivesTheNewOpportunity() {
        TaskProgress done = StepInference.apply(requested(), answer(TaskStatus.COMPLETE, "O20000251", "job-0123456789abc",
                null), null, T0);
        assertThat(states(done)).containsOnly(StepState.DONE);
        assertThat(TaskKind.createdOpportunityId(done)).isEqualTo("O20000251");
        assertThat(done.step(TaskStep.CREATE_ENGAGEMENT_INVITATION).resultId()).isEqualTo("job-0123456789abc");
    }

    @Test
    void aReasonCodeFailsTheAcceptanceStepItNames() {
        TaskProgress failed = StepInference.apply(requested(), answer(TaskStatus.FAILED, null, null,
                "OpportunityValidationFailed"), null, T0);
        assertThat(failed.failedStep()).isEqualTo(TaskKind.CREATE_OPPORTUNITY_SLOT);
        assertThat(TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION.stepOperation(failed.failedStep())).isEqualTo("CreateOpportunity");

        TaskProgress conflict = StepInference.apply(requested(), answer(TaskStatus.FAILED, null, null,
                "EngagementInvitationConflict"), null, T0);
        assertThat(TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION.stepOperation(conflict.failedStep()))
                .isEqualTo("AcceptEngagementInvitation");

        TaskProgress throttled = StepInference.apply(requested(), answer(TaskStatus.FAILED, null, null,
                "RequestThrottled"), null, T0);
        assertThat(throttled.failedStep()).isEqualTo(TaskStep.GET_OPPORTUNITY);
    }

    @Test
    void anEngagementTaskKeepsItsOwnMapping() {
        assertThat(TaskKind.ENGAGEMENT_FROM_OPPORTUNITY.stepOf(app.cosell.model.ReasonCode.OpportunityConflict))
                .isEqualTo(TaskStep.SUBMIT_OPPORTUNITY);
        assertThat(TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION.stepOf(app.cosell.model.ReasonCode.OpportunityConflict))
                .isEqualTo(TaskKind.CREATE_OPPORTUNITY_SLOT);
        assertThat(TaskKind.REJECT_INVITATION.stepCount()).isEqualTo(2);
    }
}
