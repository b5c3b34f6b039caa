package app.cosell.engagement;

import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.Batch;
import app.cosell.model.BatchItem;
import app.cosell.model.BatchItemState;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.store.BatchQueue;
import app.cosell.testing.EmulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A batch against the emulator over HTTP: exactly one task per ready opportunity, whatever happens on the way. */
class BatchRunTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().resetBeforeEach();
    @TempDir Path dataDir;
    TaskHistory history;
    EngagementRunner runner;
    BatchQueue queue;
    final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());

    @BeforeEach
    void fresh() {
        history = TaskHistory.open(dataDir, AppJson.newMapper());
        runner = new EngagementRunner(pc.partnerCentral(), history, Clock.systemUTC(), FastPolls.SCHEDULE);
        queue = BatchQueue.open(dataDir);
    }

    @AfterEach
    void close() {
        queue.close();
        executor.shutdownNow();
    }

    /** Pending Submission opportunities the readiness rules pass, besides the seeded scenarios. */
    List<String> readyIds(int count) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (OpportunitySummary s : pc.partnerCentral().listOpportunities(OpportunityQuery.all()
                .withReviewStatuses(List.of(ReviewStatus.PENDING_SUBMISSION)), null, 100).opportunities())
            if (Arrays.stream(SeededScenario.values()).noneMatch(x -> x.id("Sandbox").equals(s.id())))
                candidates.add(s.id());
        BatchTriage.Result triage = triage(candidates);
        assertThat(triage.ready()).as("ready opportunities in the seed").hasSizeGreaterThanOrEqualTo(count);
        return triage.ready().stream().limit(count).map(BatchTriage.Entry::opportunityId).toList();
    }

    BatchTriage.Result triage(List<String> ids) throws InterruptedException {
        return new BatchTriage(pc.partnerCentral(), history, Clock.systemUTC())
                .triage(ids, InvolvementType.CO_SELL, e -> {});
    }

    Batch plan(List<String> ids) throws InterruptedException {
        Batch settings = new Batch("new", Catalog.Sandbox, InvolvementType.CO_SELL, Visibility.FULL,
                List.of(new Tag("Campaign", "Q4")), Batch.Status.RUNNING, null, null);
        return BatchRun.plan(queue, settings, triage(ids), java.util.Map.of(), (key, args) -> key, Clock.systemUTC());
    }

    BatchRun run(Batch batch) {
        return new BatchRun(batch.id(), queue, history, runner, executor, Clock.systemUTC());
    }

    int tasksOnTheService(String opportunityId) {
        return pc.partnerCentral().tasksForOpportunity(opportunityId).size();
    }

    @Test
    void everyReadyOpportunityStartsExactlyOnceAndBlockedOnesAreNeverSent() throws Exception {
        List<String> ready = new ArrayList<>(List.of(SeededScenario.SUBMITTABLE.id("Sandbox"), SeededScenario.SUBMITTABLE_SECOND.id("Sandbox")));
        ready.addAll(readyIds(4));
        List<String> blocked = List.of(SeededScenario.MISSING_WEBSITE.id("Sandbox"), SeededScenario.IN_REVIEW.id("Sandbox"));
        List<String> ids = new ArrayList<>(ready);
        ids.addAll(blocked);

        Batch batch = plan(ids);
        BatchRun.Progress end = run(batch).run(BatchRun.Listener.NONE);

        assertThat(end.done()).isEqualTo(ready.size());
        assertThat(end.count(BatchItemState.BLOCKED)).isEqualTo(2);
        for (String id : ready) assertThat(tasksOnTheService(id)).as(id).isEqualTo(1);
        for (String id : blocked) assertThat(tasksOnTheService(id)).as(id).isZero();
        assertThat(queue.batch(batch.id()).orElseThrow().status()).isEqualTo(Batch.Status.FINISHED);
        List<BatchItem> saved = queue.items(batch.id());
        assertThat(saved).filteredOn(i -> i.state() == BatchItemState.COMPLETE)
                .allSatisfy(i -> assertThat(i.taskId()).startsWith("task-"))
                .hasSize(ready.size());
        assertThat(saved).filteredOn(i -> i.opportunityId().equals(SeededScenario.MISSING_WEBSITE.id("Sandbox")))
                .singleElement().satisfies(i -> assertThat(i.blockedReason()).isEqualTo("readiness.websiteMissing.what"));
        // The batch's tag went with every Start.
        assertThat(history.forOpportunity(ready.getFirst()).getFirst().request().tags())
                .containsExactly(new Tag("Campaign", "Q4"));
    }

    @Test
    void throttledStartsAreSentAgainWithTheirOwnTokensAndNoneIsDropped() throws Exception {
        List<String> ids = readyIds(4);
        // Throttled Starts: they are sent again with the same token, never dropped, never re-tokened.
        pc.emulator().faults().failNext("StartEngagementFromOpportunityTask", "ThrottlingException", 5);

        BatchRun.Progress end = run(plan(ids)).run(BatchRun.Listener.NONE);

        assertThat(end.done()).isEqualTo(ids.size());
        for (String id : ids) assertThat(tasksOnTheService(id)).as(id).isEqualTo(1);
        // One attempt per opportunity in the history: the token never changed.
        for (String id : ids) assertThat(history.forOpportunity(id)).as(id).hasSize(1);
    }

    @Test
    void aRunStoppedHalfwayResumesWithoutASecondTaskOrALostItem() throws Exception {
        List<String> ids = readyIds(6);
        Batch batch = plan(ids);
        CountDownLatch twoSent = new CountDownLatch(2);
        AtomicInteger sent = new AtomicInteger();
        BatchRun first = run(batch);
        Future<?> running = executor.submit(() -> first.run((item, latest) -> {
            if (item.state() == BatchItemState.SENDING && sent.incrementAndGet() <= 2) twoSent.countDown();
        }));
        assertThat(twoSent.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel(true);                      // the process stops: nothing more is sent or followed
        try {
            running.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.CancellationException expected) {
            // cancelled as asked
        }

        BatchRun.Progress end = run(batch).run(BatchRun.Listener.NONE);

        assertThat(end.done()).isEqualTo(ids.size());
        for (String id : ids) assertThat(tasksOnTheService(id)).as(id).isEqualTo(1);
    }

    @Test
    void aTokenSavedButNeverAnsweredIsResentWithTheSameToken() throws Exception {
        List<String> ids = readyIds(2);
        Batch batch = plan(ids);
        // As if the process died after saving the first item's token and sending its Start, before any answer
        // was saved: the service has the task, the history does not.
        BatchItem first = queue.items(batch.id()).getFirst();
        BatchItem sending = first.sending("local-1", ClientTokens.fresh(), java.time.Instant.now());
        queue.update(sending);
        StartEngagementRequest request = batch.requestFor(sending);
        String taskId = pc.partnerCentral().startEngagementTask(request, sending.clientToken()).taskId();

        BatchRun.Progress end = run(batch).run(BatchRun.Listener.NONE);

        assertThat(end.done()).isEqualTo(2);
        assertThat(tasksOnTheService(first.opportunityId())).isEqualTo(1);
        TaskProgress followed = history.find("local-1").orElseThrow();
        assertThat(followed.taskId()).isEqualTo(taskId);
        assertThat(followed.clientToken()).isEqualTo(sending.clientToken());
    }

    @Test
    void pauseHoldsTheWriterAndCancelSkipsWhatWasNotSent() throws Exception {
        List<String> ids = readyIds(5);
        Batch batch = plan(ids);
        BatchRun run = run(batch);
        CountDownLatch firstSent = new CountDownLatch(1);
        AtomicInteger pausedOnce = new AtomicInteger();
        Future<BatchRun.Progress> running = executor.submit(() -> run.run((item, latest) -> {
            if (item.state() == BatchItemState.SENDING && pausedOnce.getAndIncrement() == 0) {
                run.pause();
                firstSent.countDown();
            }
        }));
        assertThat(firstSent.await(30, TimeUnit.SECONDS)).isTrue();
        run.cancel();
        BatchRun.Progress end = running.get(60, TimeUnit.SECONDS);

        assertThat(end.done()).isEqualTo(1);
        assertThat(end.count(BatchItemState.CANCELLED)).isEqualTo(ids.size() - 1);
        assertThat(ids.stream().mapToInt(this::tasksOnTheService).sum()).isEqualTo(1);
        assertThat(queue.batch(batch.id()).orElseThrow().status()).isEqualTo(Batch.Status.CANCELLED);
    }
}
