package app.cosell.engagement;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.emulator.SeededScenario;
import app.cosell.files.AppJson;
import app.cosell.model.Catalog;
import app.cosell.model.FailureKind;
import app.cosell.model.InvolvementType;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.Visibility;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own reliability suite for the engagement core (issue #17): the real runner and tracker, the real SDK
 * client and the emulator over HTTP, under injected faults — including answers lost after the service acted — and
 * kill -9 of a runner process. Each test ends with the same verdict ({@link ServiceTruth}): nothing lost, nothing
 * twice, the history equal to the service's truth. Short form in {@code verify}; the long form on demand:
 * {@code ./mvnw -B test -Dtest='*Reliability*' -Dreliability.long=true}.
 */
@Tag("reliability")
class EngagementReliabilityTest {

    /** The long form: more starts, every kill point repeated. */
    static final boolean LONG = Boolean.getBoolean("reliability.long");
    static final int STORM_STARTS = LONG ? 1000 : 200;

    @RegisterExtension
    static final EmulatorExtension service = EmulatorExtension.sandbox().opportunities(STORM_STARTS + 60)
            .resetBeforeEach();
    static PartnerCentralEmulator emulator;
    static PartnerCentral pc;
    /** Opportunities a task would complete on: picked once, by the app's own readiness check. */
    static List<String> clean;
    static List<String> all;

    @TempDir Path dataDir;
    TaskHistory history;
    EngagementRunner runner;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = service.emulator();
        pc = service.partnerCentral();
        all = new ArrayList<>();
        pc.pages(OpportunityQuery.all(), 100).forEach(page -> {
            for (OpportunitySummary s : page.opportunities()) all.add(s.id());
        });
        all.sort(null);
        clean = ServiceTruth.cleanOpportunities(pc, LONG ? 40 : 30);
        System.out.println("Reliability suite, " + (LONG ? "long" : "short") + " form: " + STORM_STARTS + " starts");
    }

    static PartnerCentral gateway() {
        return new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                Path.of("no-cache")), "test").forEmulator(emulator.endpoint(), emulator.accessKeyId(),
                emulator.secretAccessKey(), Catalog.Sandbox);
    }

    @BeforeEach
    void fresh() {
        history = TaskHistory.open(dataDir, AppJson.newMapper());
        runner = new EngagementRunner(pc, history, Clock.systemUTC(), FastPolls.SCHEDULE);
    }

    @AfterEach
    void noHook() {
        emulator.setStepHook(null);
        emulator.faults().clear();
    }

    static StartEngagementRequest request(String opportunityId) {
        return new StartEngagementRequest(Catalog.Sandbox, opportunityId, InvolvementType.CO_SELL, Visibility.FULL, List.of());
    }

    @Test
    void aFaultStormLosesAndDuplicatesNothing() throws Exception {
        emulator.setStepDelay(Duration.ofMillis(5));
        // Throttling, 5xx and resets before the service acts; resets, 5xx and slow answers after it acted.
        emulator.faults().replace("""
                {"operations": [
                  {"operation": "StartEngagementFromOpportunityTask", "fault": "ConnectionReset", "when": "after", "probability": 0.06},
                  {"operation": "StartEngagementFromOpportunityTask", "fault": "InternalServerException", "when": "after", "probability": 0.04},
                  {"operation": "StartEngagementFromOpportunityTask", "fault": "Slow", "when": "after", "probability": 0.03, "delayMillis": 150},
                  {"operation": "*", "fault": "ThrottlingException", "probability": 0.2},
                  {"operation": "*", "fault": "InternalServerException", "probability": 0.05},
                  {"operation": "*", "fault": "ConnectionReset", "probability": 0.03},
                  {"operation": "*", "fault": "Slow", "probability": 0.03, "delayMillis": 150}
                ]}""");
        // Waves of 200, each with a history of its own: the history file is rewritten whole at every snapshot
        // today, so one history of 1,000 tasks would measure that, not the start policy.
        int wave = 200;
        List<TaskProgress> results = new CopyOnWriteArrayList<>();
        for (int from = 0; from < STORM_STARTS; from += wave) {
            List<String> intents = all.subList(from, Math.min(STORM_STARTS, from + wave));
            history = TaskHistory.open(dataDir.resolve("wave-" + from), AppJson.newMapper());
            runner = new EngagementRunner(pc, history, Clock.systemUTC(), FastPolls.SCHEDULE);
            emulator.setInstant(false);
            results.addAll(stormWave(intents));
            checkWave(intents);
        }
        emulator.faults().clear();

        assertThat(results).hasSize(STORM_STARTS);
        assertThat(results).allSatisfy(r -> assertThat(r.isEnded()).as(r.localId()).isTrue());
        assertThat(results).filteredOn(TaskProgress::isComplete).isNotEmpty();
    }

    /** The verdict for one wave, read with the faults off (the storm resumes for the next wave). */
    private void checkWave(List<String> intents) {
        String rules = emulator.faults().toJson();
        emulator.faults().clear();
        ServiceTruth.assertHistoryMatchesService(history, intents, pc);
        emulator.faults().replace(rules);
    }

    /** Starts every intent at once (most of a task's time is backoff) and returns each final snapshot. */
    private List<TaskProgress> stormWave(List<String> intents) throws Exception {
        List<TaskProgress> results = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger startedCount = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (String id : intents) {
                running.add(starts.submit(() -> {
                    results.add(runner.start(request(id), p -> {
                        // The short form follows the first 50 tasks step by step, then lets the service answer
                        // COMPLETE at once: the starts are what it storms (tracking under faults is the long
                        // form's and the other tests'), and every tracked step is a history write.
                        if (!LONG && p.isStarted() && startedCount.incrementAndGet() == 50) emulator.setInstant(true);
                    }));
                    return null;
                }));
            }
            for (Future<?> f : running) f.get(5, TimeUnit.MINUTES);
        }
        return results;
    }

    @Test
    void retryAfterALostAnswerFollowsTheTaskTheServiceCreated() throws Exception {
        String id = clean.get(0);
        // The service creates the task, then every answer to it is lost; the runner keeps re-sending its own token.
        emulator.setInstant(true);
        emulator.faults().failRandomlyAfter("StartEngagementFromOpportunityTask", "ConnectionReset", 1.0);
        List<TaskProgress> seen = new CopyOnWriteArrayList<>();
        CountDownLatch unconfirmed = new CountDownLatch(1);
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TaskProgress> first = background.submit(() -> runner.start(request(id), p -> {
                seen.add(p);
                if (TrackingPause.of(p).orElse(null) == TrackingPause.START_NOT_CONFIRMED) unconfirmed.countDown();
            }));
            assertThat(unconfirmed.await(30, TimeUnit.SECONDS)).isTrue();
            first.cancel(true); // the rep closes the window: the start stays unconfirmed in the history
        }
        TaskProgress lost = history.forOpportunity(id).getFirst();
        assertThat(lost.isStarted()).isFalse();
        assertThat(lost.isEnded()).isFalse();
        assertThat(EngagementRunner.retryPlan(lost)).isEqualTo(EngagementRunner.RetryPlan.SAME_ATTEMPT);
        assertThat(pc.tasksForOpportunity(id)).as("created although unanswered").hasSize(1);
        emulator.faults().clear();

        TaskProgress retried = runner.retry(lost, p -> { });

        assertThat(retried.localId()).isEqualTo(lost.localId());
        assertThat(retried.clientToken()).isEqualTo(lost.clientToken());
        assertThat(retried.status()).isEqualTo(TaskStatus.COMPLETE);
        ServiceTruth.assertHistoryMatchesService(history, List.of(id), pc);
    }

    @Test
    void retryAfterTrackingStoppedFollowsTheSameTask() throws Exception {
        String id = clean.get(1);
        emulator.setStepDelay(Duration.ofMillis(20));
        // Two refused reads stop tracking (the case the field report saw), the task goes on at the service.
        emulator.faults().failNext("ListEngagementFromOpportunityTasks", "AccessDeniedException", 2);
        emulator.faults().failNext("ListEngagementResourceAssociations", "AccessDeniedException", 2);
        TaskProgress stopped = runner.start(request(id), p -> { });
        assertThat(stopped.isStarted()).isTrue();
        assertThat(stopped.failure().kind()).isEqualTo(FailureKind.ACCESS_DENIED);
        assertThat(EngagementRunner.newAttemptAllowed(stopped)).isFalse();
        emulator.faults().clear();

        TaskProgress retried = runner.retry(stopped, p -> { });

        assertThat(retried.taskId()).isEqualTo(stopped.taskId());
        assertThat(retried.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(runner.retry(retried, p -> { })).as("nothing to retry after COMPLETE").isSameAs(retried);
        ServiceTruth.assertHistoryMatchesService(history, List.of(id), pc);
    }

    @Test
    void retryOfARefusedStartFollowsATaskTheServiceHasInsteadOfStartingAnother() throws Exception {
        String id = clean.get(2);
        emulator.setInstant(true);
        // The answer was a refusal, but a task for the opportunity exists since the attempt began (started by a
        // lost-answer resend the app never heard of): Retry follows it.
        emulator.faults().failNext("StartEngagementFromOpportunityTask", "AccessDeniedException", 1);
        TaskProgress refused = runner.start(request(id), p -> { });
        assertThat(refused.isEnded()).isTrue();
        var other = pc.startEngagementTask(request(id), ClientTokens.fresh());

        TaskProgress retried = runner.retry(refused, p -> { });

        assertThat(retried.taskId()).isEqualTo(other.taskId());
        assertThat(retried.localId()).isEqualTo(refused.localId());
        assertThat(pc.tasksForOpportunity(id)).hasSize(1);
        ServiceTruth.assertHistoryMatchesService(history, List.of(id), pc);
    }

    @Test
    void aStartOlderThanTheTokenMemoryIsCheckedBeforeItsTokenIsSentAgain() throws Exception {
        String id = clean.get(3);
        emulator.setInstant(true);
        // Saved two hours ago, sent, answer lost; the service may have forgotten the token since.
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        TaskProgress saved = TaskProgress.requested("old-1", request(id), ClientTokens.fresh(), 1, twoHoursAgo);
        history.save(saved);
        var created = pc.startEngagementTask(saved.request(), "another-token-the-service-forgot");

        TaskProgress resumed = runner.resume(saved, p -> { });

        assertThat(resumed.taskId()).isEqualTo(created.taskId());
        assertThat(pc.tasksForOpportunity(id)).as("no second task from the old token").hasSize(1);
        ServiceTruth.assertHistoryMatchesService(history, List.of(id), pc);
    }

    @Test
    void aRetryAfterAFailedTaskIsANewAttemptOnlyWhenTheServiceHasNoLiveTask() throws Exception {
        String id = clean.get(4);
        emulator.setInstant(true);
        emulator.faults().failTask(id, "InternalError", "CreateEngagement", 1);
        TaskProgress failed = runner.start(request(id), p -> { });
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(EngagementRunner.newAttemptAllowed(failed)).isTrue();

        TaskProgress second = runner.retry(failed, p -> { });

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(TaskStatus.COMPLETE);
        // Two attempts, two tasks: the FAILED one and the new one.
        ServiceTruth.assertHistoryMatchesService(history, List.of(id), pc, 2);
    }

    @Test
    void aTaskOfAnotherCatalogWaitsForThatCatalogAndResumesWhenItIsConnected() throws Exception {
        emulator.setInstant(true);
        CurrentConnection live = CurrentConnection.switchable();
        PartnerCentral sandbox = gateway();
        PartnerCentral aws = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                Path.of("no-cache")), "test").forEmulator(emulator.endpoint(), emulator.accessKeyId(),
                emulator.secretAccessKey(), Catalog.AWS);
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            live.switchTo(sandbox);
            EngagementRunner appRunner = new EngagementRunner(live, history, Clock.systemUTC(), FastPolls.SCHEDULE);
            String awsId = app.cosell.emulator.SeededScenario.SUBMITTABLE.id("AWS");
            // Left unconfirmed by the last session, which was connected to the AWS catalog.
            TaskProgress saved = TaskProgress.requested("aws-1", new StartEngagementRequest(Catalog.AWS, awsId,
                    InvolvementType.CO_SELL, Visibility.FULL, List.of()), ClientTokens.fresh(), 1, Instant.now());
            history.save(saved);
            CountDownLatch waiting = new CountDownLatch(1);
            Future<TaskProgress> resumed = background.submit(() -> appRunner.resume(saved, p -> {
                if (TrackingPause.of(p).orElse(null) == TrackingPause.WAITING_FOR_CATALOG) waiting.countDown();
            }));
            assertThat(waiting.await(30, TimeUnit.SECONDS)).as("shown waiting for its catalog").isTrue();
            assertThat(resumed.isDone()).isFalse();
            assertThat(aws.tasksForOpportunity(awsId)).as("nothing sent to the wrong catalog").isEmpty();

            live.switchTo(aws); // the rep connects to the AWS catalog

            TaskProgress done = resumed.get(60, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
            assertThat(done.failure()).isNull();
            assertThat(aws.tasksForOpportunity(awsId)).hasSize(1);
        } finally {
            sandbox.close();
            aws.close();
        }
    }

    // --- kill -9 ------------------------------------------------------------------------------------------------

    /** The points a runner process is killed at, one task each, in one child JVM per round. */
    static final List<String> KILL_POINTS = List.of("tracking", "token-saved", "sent");

    @Test
    void aRunnerKilledAtAnyPointIsResumedAfterRelaunchWithOneTaskEach() throws Exception {
        int rounds = LONG ? 10 : 1;
        List<String> intents = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> ids = clean.subList(10 + round * KILL_POINTS.size(), 10 + (round + 1) * KILL_POINTS.size());
            killAndRelaunch(ids);
            ServiceTruth.assertHistoryMatchesService(history, ids, pc);
            intents.addAll(ids);
        }
        assertThat(history.unfinished()).isEmpty();
    }

    private void killAndRelaunch(List<String> ids) throws Exception {
        emulator.setStepDelay(Duration.ofMillis(20));
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), RunnerChild.class.getName(), emulator.endpoint().toString(),
                emulator.accessKeyId(), emulator.secretAccessKey(), dataDir.toString()));
        for (int i = 0; i < KILL_POINTS.size(); i++) command.add(ids.get(i) + ":" + KILL_POINTS.get(i));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) lines.add(line);
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            List<String> seen = new ArrayList<>();
            var go = new java.io.PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
            for (String point : KILL_POINTS) {
                awaitLine(lines, seen, "READY " + point);
                CountDownLatch serviceActed = new CountDownLatch(1);
                if (point.equals("sent")) {
                    // The service acts, then holds its answer past the kill; the step hook says it acted.
                    emulator.faults().replace("""
                            {"operations": [{"operation": "StartEngagementFromOpportunityTask", "fault": "Slow",
                                             "when": "after", "delayMillis": 20000, "next": 1}]}""");
                    // Only a task started from now on: the tracking one is still stepping at the service.
                    java.util.Set<String> earlier = new java.util.HashSet<>();
                    for (String id : ids) pc.tasksForOpportunity(id).forEach(t -> earlier.add(t.taskId()));
                    emulator.setStepHook((taskId, step) -> {
                        if (!earlier.contains(taskId)) serviceActed.countDown();
                    });
                }
                go.println("go");
                if (point.equals("sent")) assertThat(serviceActed.await(60, TimeUnit.SECONDS)).as("the service acted").isTrue();
                else awaitLine(lines, seen, "AT " + point);
            }
        } finally {
            child.destroyForcibly(); // kill -9
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            emulator.setStepHook(null);
            emulator.faults().clear();
        }

        // Relaunch: the history read again from the same folder, a new runner, everything unfinished resumed.
        history = TaskHistory.open(dataDir, AppJson.newMapper());
        runner = new EngagementRunner(pc, history, Clock.systemUTC(), FastPolls.SCHEDULE);
        List<TaskProgress> unfinished = history.unfinished();
        assertThat(unfinished).extracting(t -> t.request().opportunityId()).containsExactlyInAnyOrderElementsOf(ids);
        try (ExecutorService relaunch = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<TaskProgress>> resumed = new ArrayList<>();
            for (TaskProgress t : unfinished) resumed.add(relaunch.submit(() -> runner.resume(t, p -> { })));
            for (Future<TaskProgress> f : resumed) assertThat(f.get(60, TimeUnit.SECONDS).isEnded()).isTrue();
        }
    }

    /** Waits until the child printed {@code wanted}; lines arrive in any order (tasks run on threads of their own). */
    private static void awaitLine(BlockingQueue<String> lines, List<String> seen, String wanted) throws InterruptedException {
        while (!seen.contains(wanted)) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("the child printed " + wanted + " (output: " + seen + ")").isNotNull();
            seen.add(line);
        }
    }
}
