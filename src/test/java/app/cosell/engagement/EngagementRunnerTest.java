package app.cosell.engagement;

import app.cosell.emulator.SeededScenario;
import app.cosell.files.AppJson;
import app.cosell.model.Catalog;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.InvolvementType;
import app.cosell.model.ReasonCode;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import app.cosell.model.Visibility;
import app.cosell.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The start policy and the tracker against the emulator over HTTP, through the real SDK client. */
class EngagementRunnerTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().resetBeforeEach();
    @TempDir Path dataDir;
    TaskHistory history;
    EngagementRunner runner;
    final List<TaskProgress> seen = new CopyOnWriteArrayList<>();
    final FailureAdviceCatalogue advice = FailureAdviceCatalogue.forLocale(Locale.ENGLISH);

    @BeforeEach
    void fresh() {
        history = TaskHistory.open(dataDir, AppJson.newMapper());
        runner = new EngagementRunner(pc.partnerCentral(), history, Clock.systemUTC(), FastPolls.SCHEDULE);
    }

    static StartEngagementRequest request(String opportunityId) {
        return new StartEngagementRequest(Catalog.Sandbox, opportunityId, InvolvementType.CO_SELL, Visibility.FULL, List.of());
    }

    static List<StepState> states(TaskProgress p) {
        return p.steps().stream().map(StepProgress::state).toList();
    }

    @Test
    void anInstantTaskCompletesFromTheStartAnswerWithOneCall() throws Exception {
        pc.emulator().setInstant(true);

        TaskProgress done = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(states(done)).containsOnly(StepState.DONE);
        assertThat(done.engagementId()).startsWith("eng-");
        assertThat(done.engagementInvitationId()).startsWith("engi-");
        assertThat(done.resourceSnapshotJobId()).startsWith("job-");
        assertThat(pc.totalCalls()).isEqualTo(1);
        assertThat(seen.getFirst().taskId()).as("the first snapshot is saved before the call").isNull();
        assertThat(history.all()).containsExactly(done);
        assertThat(advice.forTask(done)).isEmpty();
    }

    @Test
    void aSlowTaskIsFollowedStepByStepToComplete() throws Exception {
        // Two steps are held until the runner has reported the state the task is in before them, so the test sees
        // those stages however slow the machine is (no race between the runner's polls and the step timing).
        CountDownLatch engagementShown = new CountDownLatch(1);
        CountDownLatch invitationShown = new CountDownLatch(1);
        pc.emulator().setStepHook((taskId, step) -> {
            if (step.equals("CreateResourceSnapshot")) engagementShown.await(20, TimeUnit.SECONDS);
            if (step.equals("CreateEngagementInvitation")) invitationShown.await(20, TimeUnit.SECONDS);
        });

        TaskProgress done = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), p -> {
            seen.add(p);
            if (!p.isEnded() && p.step(TaskStep.CREATE_ENGAGEMENT).state() == StepState.DONE) engagementShown.countDown();
            if (p.step(TaskStep.CREATE_ENGAGEMENT_INVITATION).state() == StepState.RUNNING) invitationShown.countDown();
        });

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(states(done)).containsOnly(StepState.DONE);
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.isEnded()).isFalse();
            assertThat(p.step(TaskStep.CREATE_ENGAGEMENT).state()).isEqualTo(StepState.DONE);
            assertThat(p.step(TaskStep.SUBMIT_OPPORTUNITY).state()).isEqualTo(StepState.PENDING);
        });
        assertThat(seen).anySatisfy(p -> assertThat(p.step(TaskStep.CREATE_ENGAGEMENT_INVITATION).state())
                .isEqualTo(StepState.RUNNING));
        // Steps only move forward.
        for (int i = 1; i < seen.size(); i++) {
            for (TaskStep s : TaskStep.values()) {
                assertThat(rank(seen.get(i).step(s).state())).isGreaterThanOrEqualTo(rank(seen.get(i - 1).step(s).state()));
            }
        }
        assertThat(done.step(TaskStep.CREATE_ENGAGEMENT).resultId()).isEqualTo(done.engagementId());
        assertThat(pc.calls("StartEngagementFromOpportunityTask")).isEqualTo(1);
    }

    private static int rank(StepState s) {
        return switch (s) { case PENDING -> 0; case RUNNING -> 1; default -> 2; };
    }

    @Test
    void anOpportunityWithAnEngagementSkipsTheInvitation() throws Exception {
        pc.emulator().setInstant(true);

        TaskProgress done = runner.start(request(SeededScenario.EXISTING_ENGAGEMENT.id("Sandbox")), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.step(TaskStep.CREATE_ENGAGEMENT_INVITATION).state()).isEqualTo(StepState.SKIPPED);
        assertThat(done.engagementInvitationId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyReasonCodeFailsTheStepItBelongsToWithAdvice(ReasonCode code) throws Exception {
        pc.emulator().faults().failTask(SeededScenario.SUBMITTABLE.id("Sandbox"), code.name(), null, 1);
        pc.emulator().setStepDelay(Duration.ofMillis(20));

        TaskProgress failed = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.reasonCode()).isEqualTo(code.name());
        TaskStep expected = code.step() == null ? TaskStep.GET_OPPORTUNITY : code.step();
        assertThat(failed.failedStep()).isEqualTo(expected);
        for (TaskStep s : TaskStep.values()) {
            StepState want = s.ordinal() < expected.ordinal() ? StepState.DONE
                    : s == expected ? StepState.FAILED : StepState.PENDING;
            assertThat(failed.step(s).state()).as(s.name()).isEqualTo(want);
        }
        FailureAdvice a = advice.forTask(failed).orElseThrow();
        assertThat(a.known()).isTrue();
        assertThat(a.code()).isEqualTo(code.name());
        assertThat(a.serviceMessage()).isNotBlank();
        assertThat(history.find(failed.localId())).contains(failed);
    }

    @Test
    void aReasonCodeTheModelDoesNotListFailsTheStepTheEvidenceReachedWithGenericAdviceShowingTheRawCode()
            throws Exception {
        // A newer service may answer a code this version does not know: the emulator sends it as given.
        pc.emulator().faults().failTaskWithUnlistedCode(SeededScenario.SUBMITTABLE.id("Sandbox"), "SnapshotQuotaTemporarilyExhausted",
                "CreateResourceSnapshotJob", 1);
        pc.emulator().setStepDelay(Duration.ofMillis(20));

        TaskProgress failed = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.reasonCode()).isEqualTo("SnapshotQuotaTemporarilyExhausted");
        assertThat(failed.knownReasonCode()).isNull();
        // No code-to-step mapping: the failing step is the first one without evidence (engagement and snapshot exist).
        assertThat(failed.failedStep()).isEqualTo(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB);
        assertThat(states(failed)).containsExactly(StepState.DONE, StepState.DONE, StepState.DONE, StepState.FAILED,
                StepState.PENDING, StepState.PENDING);
        FailureAdvice a = advice.forTask(failed).orElseThrow();
        assertThat(a.known()).isFalse();
        assertThat(a.code()).isEqualTo("SnapshotQuotaTemporarilyExhausted");
        assertThat(a.title()).contains("SnapshotQuotaTemporarilyExhausted");
        assertThat(a.serviceMessage()).contains("SnapshotQuotaTemporarilyExhausted");
        assertThat(history.find(failed.localId())).contains(failed);
    }

    @Test
    void aTransientStartFailureIsRetriedWithTheSameTokenAndCreatesOneTask() throws Exception {
        pc.emulator().setInstant(true);
        // More failures than the SDK's four attempts: the runner's own retry must also keep the token.
        pc.emulator().faults().failNext("StartEngagementFromOpportunityTask", "InternalServerException", 5);

        TaskProgress done = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(pc.calls("StartEngagementFromOpportunityTask")).isEqualTo(6);
        assertThat(seen).extracting(TaskProgress::clientToken).containsOnly(done.clientToken());
        assertThat(pc.partnerCentral().tasksForOpportunity(SeededScenario.SUBMITTABLE.id("Sandbox"))).hasSize(1);
    }

    @Test
    void aRetryIsANewAttemptWithAFreshToken() throws Exception {
        pc.emulator().setInstant(true);
        pc.emulator().faults().failTask(SeededScenario.SUBMITTABLE.id("Sandbox"), "InternalError", "CreateEngagement", 1);
        TaskProgress failed = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(advice.forTask(failed).orElseThrow().action()).isEqualTo(AdviceAction.RETRY_WITH_NEW_TOKEN);

        TaskProgress second = runner.retry(failed, seen::add);

        assertThat(second.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.clientToken()).isNotEqualTo(failed.clientToken());
        assertThat(second.taskId()).isNotEqualTo(failed.taskId());
        assertThat(second.localId()).isNotEqualTo(failed.localId());
        assertThat(pc.partnerCentral().tasksForOpportunity(SeededScenario.SUBMITTABLE.id("Sandbox"))).hasSize(2);
        assertThat(history.forOpportunity(SeededScenario.SUBMITTABLE.id("Sandbox"))).hasSize(2);
    }

    @Test
    void aCrashBetweenSendAndAnswerResumesWithTheSameTokenAndNoDuplicate() throws Exception {
        pc.emulator().setInstant(true);
        // What a crash leaves: the token saved, the request sent, the answer lost.
        TaskProgress saved = TaskProgress.requested("crashed-1", request(SeededScenario.SUBMITTABLE.id("Sandbox")),
                ClientTokens.fresh(), 1, Clock.systemUTC().instant());
        history.save(saved);
        TaskAnswer lost = pc.partnerCentral().startEngagementTask(saved.request(), saved.clientToken());

        TaskHistory afterRestart = TaskHistory.open(dataDir, AppJson.newMapper());
        assertThat(afterRestart.unfinished()).containsExactly(saved);
        EngagementRunner restarted = new EngagementRunner(pc.partnerCentral(), afterRestart, Clock.systemUTC(),
                FastPolls.SCHEDULE);
        TaskProgress resumed = restarted.resume(afterRestart.unfinished().getFirst(), seen::add);

        assertThat(resumed.taskId()).isEqualTo(lost.taskId());
        assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(pc.partnerCentral().tasksForOpportunity(SeededScenario.SUBMITTABLE.id("Sandbox"))).hasSize(1);
        assertThat(afterRestart.unfinished()).isEmpty();
    }

    @Test
    void aTrackerStoppedMidTaskIsResumedByANewRunnerOnTheSameHistory() throws Exception {
        // The task is held before its snapshot step until the first tracker is gone: it is surely still running.
        CountDownLatch release = new CountDownLatch(1);
        pc.emulator().setStepHook((taskId, step) -> {
            if (step.equals("CreateResourceSnapshot")) release.await(30, TimeUnit.SECONDS);
        });
        CountDownLatch running = new CountDownLatch(1);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<TaskProgress> first = executor.submit(() -> runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), p -> {
                if (p.isStarted()) running.countDown();
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            first.cancel(true);
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        TaskHistory afterRestart = TaskHistory.open(dataDir, AppJson.newMapper());
        assertThat(afterRestart.unfinished()).hasSize(1);
        TaskProgress unfinished = afterRestart.unfinished().getFirst();
        assertThat(unfinished.taskId()).startsWith("task-");
        release.countDown();

        TaskProgress resumed = new EngagementRunner(pc.partnerCentral(), afterRestart, Clock.systemUTC(), FastPolls.SCHEDULE)
                .resume(unfinished, seen::add);

        assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(resumed.taskId()).isEqualTo(unfinished.taskId());
        assertThat(pc.calls("StartEngagementFromOpportunityTask")).isEqualTo(1);
    }

    @Test
    void aThrottlingStormSlowsTrackingButTheTaskStillCompletesOnce() throws Exception {
        pc.emulator().setStepDelay(Duration.ofMillis(100));
        pc.emulator().faults().failNext("StartEngagementFromOpportunityTask", "ThrottlingException", 2);
        pc.emulator().faults().failRandomly("ListEngagementFromOpportunityTasks", "ThrottlingException", 0.5);
        pc.emulator().faults().failRandomly("ListEngagementResourceAssociations", "ThrottlingException", 0.5);
        pc.emulator().faults().failRandomly("ListResourceSnapshotJobs", "ThrottlingException", 0.5);

        TaskProgress done = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        pc.emulator().faults().clear();
        assertThat(pc.partnerCentral().tasksForOpportunity(SeededScenario.SUBMITTABLE.id("Sandbox"))).hasSize(1);
        assertThat(seen).extracting(TaskProgress::failure).containsOnlyNulls();
    }

    @Test
    void aRejectedRequestEndsAtOnceWithTheServiceFieldErrors() throws Exception {
        TaskProgress refused = runner.start(request("not-an-opportunity"), seen::add);

        assertThat(refused.isEnded()).isTrue();
        assertThat(refused.taskId()).isNull();
        assertThat(refused.failure().kind()).isEqualTo(FailureKind.VALIDATION);
        assertThat(refused.failure().fieldErrors()).extracting(FieldError::fieldName).contains("Identifier");
        FailureAdvice a = advice.forTask(refused).orElseThrow();
        assertThat(a.action()).isEqualTo(AdviceAction.FIX_FIELDS);
        assertThat(a.fieldErrors()).isNotEmpty();
        assertThat(history.unfinished()).isEmpty();
    }

    @Test
    void anAlreadyInReviewOpportunityFailsAtSubmitAndTheReadinessCheckWarnedAboutIt() throws Exception {
        pc.emulator().setInstant(true);
        var opportunity = pc.partnerCentral().getOpportunity(SeededScenario.IN_REVIEW.id("Sandbox"));
        assertThat(new ReadinessCheck().check(opportunity, java.time.LocalDate.now()))
                .extracting(ReadinessIssue::reasonCode).contains(ReasonCode.OpportunityConflict);

        TaskProgress failed = runner.start(request(SeededScenario.IN_REVIEW.id("Sandbox")), seen::add);

        assertThat(failed.reasonCode()).isEqualTo("OpportunityConflict");
        assertThat(failed.failedStep()).isEqualTo(TaskStep.SUBMIT_OPPORTUNITY);
    }

    @Test
    void trackingStoppedByARefusedPollIsKeptUnfinishedAndResumes() throws Exception {
        pc.emulator().setStepDelay(Duration.ofMillis(100));
        pc.emulator().faults().failNext("ListEngagementFromOpportunityTasks", "AccessDeniedException", 1);

        TaskProgress stopped = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(stopped.isEnded()).isFalse();
        assertThat(stopped.failure().kind()).isEqualTo(FailureKind.ACCESS_DENIED);
        assertThat(advice.forTask(stopped).orElseThrow().code()).isEqualTo("AccessDeniedException");
        assertThat(history.unfinished()).containsExactly(stopped);

        TaskProgress resumed = runner.resume(stopped, seen::add);

        assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(resumed.failure()).isNull();
        assertThat(resumed.taskId()).isEqualTo(stopped.taskId());
        assertThat(history.unfinished()).isEmpty();
    }

    @Test
    void refusedEvidenceReadsFallBackToReadingTheTask() throws Exception {
        pc.emulator().setStepDelay(Duration.ofMillis(50));
        pc.emulator().faults().failRandomly("ListEngagementResourceAssociations", "AccessDeniedException", 1.0);

        TaskProgress done = runner.start(request(SeededScenario.SUBMITTABLE.id("Sandbox")), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(states(done)).containsOnly(StepState.DONE);
        assertThat(pc.calls("ListEngagementResourceAssociations")).isEqualTo(1);
    }

    @Test
    void aTaskThisConnectionDoesNotKnowStopsTrackingInsteadOfPollingForever() throws Exception {
        TaskProgress foreign = StepInference.apply(TaskProgress.requested("foreign-1", request(SeededScenario.SUBMITTABLE.id("Sandbox")),
                ClientTokens.fresh(), 1, Clock.systemUTC().instant()), new TaskAnswer("task-zzzzzzzzzzzzz", null, null,
                TaskStatus.IN_PROGRESS, "IN_PROGRESS", SeededScenario.SUBMITTABLE.id("Sandbox"), null, null, null, null, null), null,
                Clock.systemUTC().instant());

        TaskProgress stopped = runner.resume(foreign, seen::add);

        assertThat(stopped.failure().kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(stopped.failure().errorCode()).isEqualTo("TaskNotFound");
        assertThat(pc.calls("ListEngagementFromOpportunityTasks")).isEqualTo(TaskTracker.UNKNOWN_TASK_READS);
        assertThat(pc.calls("StartEngagementFromOpportunityTask")).isZero();
    }

    @Test
    void aTaskOfAnotherCatalogIsLeftForAConnectionToThatCatalog() throws Exception {
        TaskProgress other = TaskProgress.requested("aws-1", new StartEngagementRequest(Catalog.AWS, SeededScenario.SUBMITTABLE.id("AWS"),
                InvolvementType.CO_SELL, null, List.of()), ClientTokens.fresh(), 1, Clock.systemUTC().instant());

        assertThat(runner.resume(other, seen::add)).isSameAs(other);
        assertThat(pc.totalCalls()).isZero();
        assertThat(seen).isEmpty();
    }
}
