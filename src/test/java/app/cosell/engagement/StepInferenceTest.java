package app.cosell.engagement;

import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StepEvidence;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import app.cosell.model.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.cosell.model.StepState.DONE;
import static app.cosell.model.StepState.FAILED;
import static app.cosell.model.StepState.PENDING;
import static app.cosell.model.StepState.RUNNING;
import static app.cosell.model.StepState.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class StepInferenceTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final StartEngagementRequest REQUEST =
            new StartEngagementRequest(Catalog.Sandbox, "O1234567", InvolvementType.CO_SELL, Visibility.FULL, List.of());

    static TaskProgress requested() {
        return TaskProgress.requested("local-1", REQUEST, "token-1", 1, T0);
    }

    static TaskAnswer answer(TaskStatus status, String reason, String eng, String job, String inv) {
        return new TaskAnswer("task-abcdefghijklm", "arn:task", T0, status, status.name(), "O1234567", eng, job, inv,
                reason, reason == null ? null : "because");
    }

    static List<StepState> states(TaskProgress p) {
        return p.steps().stream().map(StepProgress::state).toList();
    }

    @Test
    void anImmediateCompleteMarksEveryStepDoneWithTheCreatedIds() {
        TaskProgress p = StepInference.apply(requested(),
                answer(TaskStatus.COMPLETE, null, "eng-abcdefghijklmn", "job-abcdefghijklm", "engi-abcdefghijklm"), null,
                T0.plusMillis(300));

        assertThat(states(p)).containsOnly(DONE);
        assertThat(p.isEnded()).isTrue();
        assertThat(p.step(TaskStep.CREATE_ENGAGEMENT).resultId()).isEqualTo("eng-abcdefghijklmn");
        assertThat(p.step(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB).resultId()).isEqualTo("job-abcdefghijklm");
        assertThat(p.step(TaskStep.CREATE_ENGAGEMENT_INVITATION).resultId()).isEqualTo("engi-abcdefghijklm");
        assertThat(p.endedAt()).isEqualTo(T0.plusMillis(300));
        assertThat(p.step(TaskStep.SUBMIT_OPPORTUNITY).endedAt()).isEqualTo(T0.plusMillis(300));
    }

    @Test
    void aCompleteWithoutInvitationSkipsTheInvitationStep() {
        TaskProgress p = StepInference.apply(requested(),
                answer(TaskStatus.COMPLETE, null, "eng-abcdefghijklmn", "job-abcdefghijklm", null), null, T0);

        assertThat(states(p)).containsExactly(DONE, DONE, DONE, DONE, SKIPPED, DONE);
    }

    @Test
    void anInProgressAnswerShowsTheFirstStepRunning() {
        TaskProgress p = StepInference.apply(requested(), answer(TaskStatus.IN_PROGRESS, null, null, null, null), null, T0);

        assertThat(states(p)).containsExactly(RUNNING, PENDING, PENDING, PENDING, PENDING, PENDING);
        assertThat(p.step(TaskStep.GET_OPPORTUNITY).startedAt()).isEqualTo(T0);
        assertThat(p.isEnded()).isFalse();
    }

    @Test
    void evidenceAdvancesTheStepsInOrderAndNeverBackwards() {
        TaskProgress p = StepInference.apply(requested(), answer(TaskStatus.IN_PROGRESS, null, null, null, null), null, T0);
        StepEvidence ev = StepEvidence.none().withEngagement("eng-abcdefghijklmn");
        p = StepInference.apply(p, null, ev, T0.plusSeconds(2));
        assertThat(states(p)).containsExactly(DONE, DONE, RUNNING, PENDING, PENDING, PENDING);
        assertThat(p.step(TaskStep.CREATE_ENGAGEMENT).endedAt()).isEqualTo(T0.plusSeconds(2));

        ev = ev.withSnapshotJob("job-abcdefghijklm");
        p = StepInference.apply(p, null, ev, T0.plusSeconds(4));
        assertThat(states(p)).containsExactly(DONE, DONE, DONE, DONE, RUNNING, PENDING);
        assertThat(p.resourceSnapshotJobId()).isEqualTo("job-abcdefghijklm");

        // A later task read with no ids (the service fills them only on COMPLETE) keeps what the evidence showed.
        p = StepInference.apply(p, answer(TaskStatus.IN_PROGRESS, null, null, null, null), null, T0.plusSeconds(5));
        assertThat(states(p)).containsExactly(DONE, DONE, DONE, DONE, RUNNING, PENDING);
        assertThat(p.step(TaskStep.CREATE_ENGAGEMENT).endedAt()).isEqualTo(T0.plusSeconds(2));

        p = StepInference.apply(p, null, ev.withInvitation("engi-abcdefghijklm").withReviewStatus(ReviewStatus.SUBMITTED),
                T0.plusSeconds(6));
        assertThat(states(p)).containsOnly(DONE);
        assertThat(p.isEnded()).as("only the service says a task ended").isFalse();
    }

    @Test
    void aFailedTaskFailsTheStepItsReasonCodeNames() {
        TaskProgress p = StepInference.apply(requested(),
                answer(TaskStatus.FAILED, "ResourceSnapshotJobValidationFailed", null, null, null), null, T0);

        assertThat(states(p)).containsExactly(DONE, DONE, DONE, FAILED, PENDING, PENDING);
        assertThat(p.failedStep()).isEqualTo(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB);
        assertThat(p.isEnded()).isTrue();
        assertThat(p.isFailed()).isTrue();
    }

    @Test
    void aReasonCodeWithoutAStepFailsTheFirstStepNotShownDone() {
        TaskProgress p = StepInference.apply(requested(), answer(TaskStatus.IN_PROGRESS, null, null, null, null), null, T0);
        p = StepInference.apply(p, null, StepEvidence.none().withEngagement("eng-abcdefghijklmn"), T0.plusSeconds(2));
        p = StepInference.apply(p, answer(TaskStatus.FAILED, "RequestThrottled", null, null, null), null, T0.plusSeconds(3));

        assertThat(states(p)).containsExactly(DONE, DONE, FAILED, PENDING, PENDING, PENDING);
    }

    @Test
    void anUnknownReasonCodeIsKeptRawAndFailsTheFirstStepNotDone() {
        TaskProgress p = StepInference.apply(requested(), answer(TaskStatus.FAILED, "QuantumFluxMisaligned", null, null, null),
                null, T0);

        assertThat(p.reasonCode()).isEqualTo("QuantumFluxMisaligned");
        assertThat(p.knownReasonCode()).isNull();
        assertThat(states(p)).containsExactly(FAILED, PENDING, PENDING, PENDING, PENDING, PENDING);
    }

    @Test
    void sameStateIgnoresOnlyTheSnapshotTime() {
        TaskProgress a = StepInference.apply(requested(), answer(TaskStatus.IN_PROGRESS, null, null, null, null), null, T0);
        TaskProgress b = StepInference.apply(a, answer(TaskStatus.IN_PROGRESS, null, null, null, null), null, T0.plusSeconds(1));
        TaskProgress c = StepInference.apply(b, null, StepEvidence.none().withEngagement("eng-abcdefghijklmn"), T0.plusSeconds(2));

        assertThat(StepInference.sameState(a, b)).isTrue();
        assertThat(StepInference.sameState(b, c)).isFalse();
    }
}
