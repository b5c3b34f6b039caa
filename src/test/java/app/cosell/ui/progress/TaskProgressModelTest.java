package app.cosell.ui.progress;

import app.cosell.engagement.FailureAdvice;
import app.cosell.engagement.AdviceAction;
import static app.cosell.ui.progress.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.TrackingPause;
import app.cosell.model.CallFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskProgressModelTest {

    private static final FailureAdvice ADVICE = new FailureAdvice("OpportunityValidationFailed", true, "The opportunity is incomplete",
            "Partner Central found missing fields.", "Complete the opportunity, then retry.", false,
            AdviceAction.OPEN_OPPORTUNITY, null, null, List.of());

    private final TaskProgressModel model = new TaskProgressModel(p -> ADVICE, f -> ADVICE);

    @Test
    void aRunningTaskShowsEachStepsStateAndTheRunningStepsTimeTicks() {
        model.show(Snapshots.runningAt(TaskStep.CREATE_RESOURCE_SNAPSHOT), T0.plusSeconds(3));

        assertThat(model.rows()).extracting(r -> r.stateProperty().get()).containsExactly(StepState.DONE, StepState.DONE,
                StepState.RUNNING, StepState.PENDING, StepState.PENDING, StepState.PENDING);
        assertThat(model.row(TaskStep.GET_OPPORTUNITY).timeProperty().get()).isEqualTo(Duration.ofSeconds(1));
        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT).resultIdProperty().get()).isEqualTo("eng-1");
        assertThat(model.row(TaskStep.SUBMIT_OPPORTUNITY).timeProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(3));

        model.tick(T0.plusSeconds(10));

        assertThat(model.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(10));
        assertThat(model.row(TaskStep.CREATE_RESOURCE_SNAPSHOT).timeProperty().get()).isEqualTo(Duration.ofSeconds(8));
        assertThat(model.row(TaskStep.GET_OPPORTUNITY).timeProperty().get()).as("done steps keep their time")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(model.taskIdProperty().get()).isEqualTo("task-abc");
        assertThat(model.taskArnProperty().get()).startsWith("arn:aws:partnercentral");
    }

    @Test
    void aStepNeverSeenRunningShowsTheTimeSinceThePreviousStepEnded() {
        var steps = new ArrayList<>(Snapshots.runningAt(TaskStep.CREATE_RESOURCE_SNAPSHOT).steps());
        // GetOpportunity seen running from T0; CreateEngagement's evidence arrived in the same poll as its end.
        steps.set(1, new StepProgress(TaskStep.CREATE_ENGAGEMENT, StepState.DONE, T0.plusSeconds(2),
                T0.plusSeconds(2), "eng-1"));
        model.show(Snapshots.progress(Snapshots.REQUEST, TaskStatus.IN_PROGRESS, steps, null, null, null,
                null, null, null), T0.plusSeconds(3));

        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT).stateProperty().get()).isEqualTo(StepState.DONE);
        // It ran between GetOpportunity's end (T0+1) and its own (T0+2): every step that ran has a time.
        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT).timeProperty().get()).isEqualTo(Duration.ofSeconds(1));
        assertThat(model.row(TaskStep.GET_OPPORTUNITY).timeProperty().get()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aCompleteTaskShowsTheCreatedIdsAndTheClockStops() {
        model.show(Snapshots.complete(), T0.plusSeconds(7));
        model.tick(T0.plusSeconds(60));

        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.engagementIdProperty().get()).isEqualTo("eng-1");
        assertThat(model.invitationIdProperty().get()).isEqualTo("engi-1");
        assertThat(model.snapshotJobIdProperty().get()).isEqualTo("rsj-1");
        assertThat(model.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(6));
        assertThat(model.adviceProperty().get()).isNull();
    }

    @Test
    void aFailedTaskMarksTheFailingStepAndCarriesTheAdvice() {
        model.show(Snapshots.failedAt(TaskStep.CREATE_ENGAGEMENT, "EngagementValidationFailed", "Title too long"),
                T0.plusSeconds(5));

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.failedStepProperty().get()).isEqualTo(TaskStep.CREATE_ENGAGEMENT);
        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT).stateProperty().get()).isEqualTo(StepState.FAILED);
        assertThat(model.reasonCodeProperty().get()).isEqualTo("EngagementValidationFailed");
        assertThat(model.messageProperty().get()).isEqualTo("Title too long");
        assertThat(model.adviceProperty().get()).isSameAs(ADVICE);
    }

    @Test
    void diagnosticsNameTheTaskAndEveryStepButNoClientToken() {
        model.show(Snapshots.failedAt(TaskStep.CREATE_ENGAGEMENT, "EngagementValidationFailed", "Title too long"),
                T0.plusSeconds(5));

        String text = model.diagnostics("Acme Corp", "0.1.0");

        assertThat(text).contains("TaskId: task-abc", "TaskArn: arn:aws:partnercentral", "Opportunity: O1234567",
                "Customer: Acme Corp", "Catalog: Sandbox", "Status: FAILED", "ReasonCode: EngagementValidationFailed",
                "Message: Title too long", "App version: 0.1.0", "CreateEngagement: FAILED", "GetOpportunity: DONE",
                "SubmitOpportunity: PENDING");
        assertThat(text).doesNotContain("tok-1");
    }

    @Test
    void aPausedTaskStaysRunningWithoutAdviceOrRetryAndResumesWhenALookWorks() {
        var paused = Snapshots.runningAt(TaskStep.CREATE_ENGAGEMENT)
                .withFailure(TrackingPause.TRACKING_PAUSED.failure("RejectedExecutionException"),
                        T0.plusSeconds(2));

        model.show(paused, T0.plusSeconds(2));

        assertThat(model.pauseProperty().get()).isEqualTo(TrackingPause.TRACKING_PAUSED);
        assertThat(model.statusKeyProperty().get()).isEqualTo("TRACKING_PAUSED");
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.adviceProperty().get()).as("no Retry for a pause").isNull();

        model.show(Snapshots.runningAt(TaskStep.CREATE_RESOURCE_SNAPSHOT), T0.plusSeconds(3));

        assertThat(model.pauseProperty().get()).isNull();
        assertThat(model.statusKeyProperty().get()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anUnansweredStartIsNotConfirmedYetNeverRefused() {
        var requested = TaskProgress.requested("local-1", Snapshots.REQUEST, "token", 1, T0);
        model.show(requested.withFailure(TrackingPause.START_NOT_CONFIRMED.failure("x"), T0),
                T0.plusSeconds(1));

        assertThat(model.statusKeyProperty().get()).isEqualTo("START_NOT_CONFIRMED");
        assertThat(model.refusedProperty().get()).isFalse();
        assertThat(model.failedProperty().get()).isFalse();

        // Stopped by a missing sign-in: the start may have reached the service, so it is unconfirmed, not refused.
        model.show(requested.withFailure(new CallFailure(FailureKind.SIGN_IN_NEEDED,
                null, "sign in", null, null, List.of(), "sso"), T0), T0.plusSeconds(2));

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.refusedProperty().get()).isFalse();
        assertThat(model.unconfirmedProperty().get()).isTrue();
        assertThat(model.retryKeepsTheAttempt()).as("Retry re-sends the same token").isTrue();

        model.show(requested.withFailure(new CallFailure(FailureKind.VALIDATION,
                "ValidationException", "bad", null, null, List.of(), null), T0), T0.plusSeconds(3));

        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.unconfirmedProperty().get()).isFalse();
        assertThat(model.retryKeepsTheAttempt()).isFalse();
    }

    @Test
    void stepsAfterAFailureSayNotRunAndHaveNoTime() {
        model.show(Snapshots.failedAt(TaskStep.CREATE_ENGAGEMENT, "EngagementValidationFailed", "Title too long"),
                T0.plusSeconds(9));

        assertThat(model.row(TaskStep.CREATE_RESOURCE_SNAPSHOT).notRunProperty().get()).isTrue();
        assertThat(model.row(TaskStep.SUBMIT_OPPORTUNITY).notRunProperty().get()).isTrue();
        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT).notRunProperty().get()).isFalse();
        assertThat(model.row(TaskStep.SUBMIT_OPPORTUNITY).timeProperty().get()).isNull();
        assertThat(model.elapsedProperty().get()).as("the clock shows how long it ran, not 0:00")
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRunningTasksWaitingStepsAreNotNotRun() {
        model.show(Snapshots.runningAt(TaskStep.CREATE_ENGAGEMENT), T0.plusSeconds(2));
        assertThat(model.row(TaskStep.SUBMIT_OPPORTUNITY).notRunProperty().get()).isFalse();
    }

    @Test
    void aSkippedStepNeverShowsATimeEvenAfterItWasThoughtToRun() {
        model.show(Snapshots.runningAt(TaskStep.CREATE_ENGAGEMENT_INVITATION), T0.plusSeconds(8));
        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT_INVITATION).timeProperty().get()).isNotNull();

        var steps = new ArrayList<>(Snapshots.complete().steps());
        steps.set(TaskStep.CREATE_ENGAGEMENT_INVITATION.ordinal(), new StepProgress(
                TaskStep.CREATE_ENGAGEMENT_INVITATION, StepState.SKIPPED, T0.plusSeconds(4), T0.plusSeconds(5), null));
        model.show(Snapshots.progress(Snapshots.REQUEST, TaskStatus.COMPLETE, steps, T0.plusSeconds(6),
                "eng-1", null, "rsj-1", null, null), T0.plusSeconds(9));

        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT_INVITATION).stateProperty().get()).isEqualTo(StepState.SKIPPED);
        assertThat(model.row(TaskStep.CREATE_ENGAGEMENT_INVITATION).timeProperty().get()).isNull();
        assertThat(model.row(TaskStep.SUBMIT_OPPORTUNITY).timeProperty().get()).isNotNull();
    }

    @Test
    void anEndedTaskWithoutItsRequestTimeStillShowsHowLongItRan() {
        TaskProgressModel m = new TaskProgressModel(p -> ADVICE, f -> ADVICE);
        var done = Snapshots.complete();
        var noTimes = new TaskProgress(done.localId(), done.request(), done.clientToken(), done.attempt(),
                done.taskId(), done.taskArn(), done.status(), null, null, null, done.steps(), done.engagementId(),
                done.engagementInvitationId(), done.resourceSnapshotJobId(), null, null, null, done.updatedAt());
        m.show(noTimes, T0.plusSeconds(600));
        assertThat(m.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void stepTimesReadWellFromTheFirstTenthOfASecond() {
        assertThat(StepperRow.stepTime(Duration.ofMillis(40))).isEqualTo("< 0.1 s");
        assertThat(StepperRow.stepTime(Duration.ofMillis(9400))).isEqualTo("9.4 s");
    }

    private static FailureAdvice offering(AdviceAction... actions) {
        return new FailureAdvice("X", true, "t", "w", "d", true, actions[0], null, null, List.of(), List.of(actions),
                null, null);
    }

    @Test
    void theFailedPanelOffersTheAdvicesButtonsWithItsFirstAsPrimaryButNeverCopyDiagnostics() {
        model.show(Snapshots.failedAt(TaskStep.CREATE_ENGAGEMENT, "EngagementValidationFailed", "Title too long"),
                T0.plusSeconds(3));

        assertThat(model.offeredActions(offering(AdviceAction.FIX_IT, AdviceAction.RETRY_WITH_NEW_TOKEN,
                AdviceAction.CONTACT_AWS_TEAM, AdviceAction.COPY_DIAGNOSTICS), TaskKind.ENGAGEMENT_FROM_OPPORTUNITY))
                .as("an action without a button here is left out").containsExactly(
                        new TaskProgressModel.OfferedAction(AdviceAction.FIX_IT, "FIX_IT", true),
                        new TaskProgressModel.OfferedAction(AdviceAction.RETRY_WITH_NEW_TOKEN, "RETRY_WITH_NEW_TOKEN", false),
                        new TaskProgressModel.OfferedAction(AdviceAction.COPY_DIAGNOSTICS, "COPY_DIAGNOSTICS", false));
        assertThat(model.offeredActions(offering(AdviceAction.COPY_DIAGNOSTICS), TaskKind.ENGAGEMENT_FROM_OPPORTUNITY))
                .extracting(TaskProgressModel.OfferedAction::primary).containsExactly(false);
        assertThat(model.offeredActions(null, TaskKind.ENGAGEMENT_FROM_OPPORTUNITY)).isEmpty();
    }

    @Test
    void aTaskAboutAnAwsReferralOffersNoOpenTheOpportunity() {
        assertThat(model.offeredActions(offering(AdviceAction.OPEN_OPPORTUNITY, AdviceAction.COPY_DIAGNOSTICS),
                TaskKind.REJECT_INVITATION)).extracting(TaskProgressModel.OfferedAction::action)
                .containsExactly(AdviceAction.COPY_DIAGNOSTICS);
        assertThat(model.offeredActions(offering(AdviceAction.OPEN_OPPORTUNITY), TaskKind.ENGAGEMENT_FROM_OPPORTUNITY))
                .extracting(TaskProgressModel.OfferedAction::action).containsExactly(AdviceAction.OPEN_OPPORTUNITY);
    }

    @Test
    void aRetryThatGoesOnWithTheSameAttemptSaysWaitAndRetry() {
        model.show(Snapshots.runningAt(TaskStep.CREATE_ENGAGEMENT), T0.plusSeconds(3));
        assertThat(model.offeredActions(offering(AdviceAction.RETRY_WITH_NEW_TOKEN), TaskKind.ENGAGEMENT_FROM_OPPORTUNITY))
                .extracting(TaskProgressModel.OfferedAction::labelKey).containsExactly("WAIT_AND_RETRY");

        model.show(Snapshots.failedAt(TaskStep.CREATE_ENGAGEMENT, "EngagementValidationFailed", "bad"), T0.plusSeconds(4));
        assertThat(model.offeredActions(offering(AdviceAction.RETRY_WITH_NEW_TOKEN), TaskKind.ENGAGEMENT_FROM_OPPORTUNITY))
                .extracting(TaskProgressModel.OfferedAction::labelKey).containsExactly("RETRY_WITH_NEW_TOKEN");
    }
}
