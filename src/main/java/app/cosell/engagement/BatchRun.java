package app.cosell.engagement;

import app.cosell.model.Batch;
import app.cosell.model.BatchItem;
import app.cosell.model.BatchItemState;
import app.cosell.model.CallFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.TaskProgress;
import app.cosell.store.BatchQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch to its end, exactly once per item: a single writer sends the waiting items' Starts in order, one at
 * a time (the gateway paces them to the write quota the whole app shares, {@link PacedPartnerCentral}), each item's client token and task id saved
 * in the {@link BatchQueue} and the {@link TaskHistory} before its Start leaves; every sent item is then followed on
 * the executor by the {@link EngagementRunner}, many at once. A throttled or unanswered Start is sent again with its
 * own token after a pause, never dropped and never given a new token. After a crash, {@link #run} of the same batch
 * resumes the items in flight with their saved tokens (the runner checks the service first where a token may be too
 * old to be remembered) and goes on with the waiting ones.
 *
 * <p>Pause stops the writer after the current item; cancel also marks the waiting items cancelled. Neither stops
 * following what was sent.
 */
public final class BatchRun {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(20);
    /** The write quota's pace: one Start a second. */
    private static final Duration WRITE_INTERVAL = Duration.ofSeconds(1).dividedBy(CallBudget.WRITES_PER_SECOND);

    /** Hears every change, on the thread that made it (the writer or a follower): hop to the FX thread in a view. */
    public interface Listener {
        void itemChanged(BatchItem item, TaskProgress latest);

        default void batchChanged(Batch batch) {}

        Listener NONE = (item, latest) -> {};
    }

    /** Counts by state and the estimated time left, from the quota's pace. */
    public record Progress(Map<BatchItemState, Integer> counts, int total, Duration eta) {
        public int count(BatchItemState state) { return counts.getOrDefault(state, 0); }

        public int done() { return count(BatchItemState.COMPLETE); }

        public int failed() { return count(BatchItemState.FAILED); }

        public int running() { return count(BatchItemState.RUNNING) + count(BatchItemState.SENDING); }

        public int waiting() { return count(BatchItemState.WAITING); }

        public int skipped() { return count(BatchItemState.BLOCKED) + count(BatchItemState.CANCELLED); }
    }

    private final BatchQueue queue;
    private final TaskHistory history;
    private final EngagementRunner runner;
    private final ExecutorService executor;
    private final Clock clock;
    private final String batchId;
    private final Map<Integer, BatchItem> items = new ConcurrentHashMap<>();
    private final Map<Integer, TaskProgress> latest = new ConcurrentHashMap<>();
    private final List<Duration> taskDurations = new ArrayList<>();
    private volatile Batch batch;
    private volatile Listener listener = Listener.NONE;
    private volatile CallFailure stoppedBy;

    public BatchRun(String batchId, BatchQueue queue, TaskHistory history, EngagementRunner runner,
                    ExecutorService executor, Clock clock) {
        this.batchId = Objects.requireNonNull(batchId, "batchId");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.history = Objects.requireNonNull(history, "history");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batch = queue.batch(batchId).orElseThrow(() -> new IllegalArgumentException("No batch " + batchId));
        for (BatchItem item : queue.items(batchId)) items.put(item.position(), item);
    }

    /**
     * Saves a new batch from a triage: the ready entries queued in order, the blocked and unknown ones skipped with
     * their reasons. Nothing is sent.
     */
    public static Batch plan(BatchQueue queue, Batch settings, BatchTriage.Result triage,
                             Map<String, List<app.cosell.model.Tag>> extraTags,
                             java.util.function.BiFunction<String, List<String>, String> words, Clock clock) {
        Instant now = clock.instant();
        String id = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        Batch batch = new Batch(id, settings.catalog(), settings.involvementType(), settings.visibility(),
                settings.tags(), Batch.Status.RUNNING, now, now);
        List<BatchItem> rows = new ArrayList<>();
        int position = 0;
        for (BatchTriage.Entry e : triage.ready())
            rows.add(BatchItem.waiting(id, position++, e.opportunityId(), e.customer(),
                    extraTags.getOrDefault(e.opportunityId(), List.of()), now));
        for (BatchTriage.Entry e : triage.blocked())
            rows.add(BatchItem.blocked(id, position++, e.opportunityId(), e.customer(),
                    words.apply(e.reasonKey(), e.reasonArgs()), now));
        for (BatchTriage.Entry e : triage.unknown())
            rows.add(BatchItem.blocked(id, position++, e.opportunityId(), e.customer(),
                    words.apply(e.reasonKey(), e.reasonArgs()), now));
        queue.create(batch, rows);
        return batch;
    }

    public Batch batch() { return batch; }

    public String id() { return batchId; }

    /** The items as they stand now, in order. */
    public List<BatchItem> items() {
        return items.values().stream().sorted(java.util.Comparator.comparingInt(BatchItem::position)).toList();
    }

    /** The latest snapshot of an item's task, if it was sent. */
    public Optional<TaskProgress> task(int position) { return Optional.ofNullable(latest.get(position)); }

    /** What stopped the batch before its end (a sign-in that expired), if anything. */
    public Optional<CallFailure> stoppedBy() { return Optional.ofNullable(stoppedBy); }

    public Progress progress() {
        Map<BatchItemState, Integer> counts = new EnumMap<>(BatchItemState.class);
        for (BatchItem item : items.values()) counts.merge(item.state(), 1, Integer::sum);
        int waiting = counts.getOrDefault(BatchItemState.WAITING, 0);
        int inFlight = counts.getOrDefault(BatchItemState.RUNNING, 0) + counts.getOrDefault(BatchItemState.SENDING, 0);
        Duration eta = Duration.ZERO;
        if (waiting + inFlight > 0) {
            // The last Start goes out after the waiting ones, then takes about a task's time; with none waiting, the
            // task sent last is the one to wait for.
            Duration typical = typicalTaskDuration();
            Duration last = waiting > 0 ? typical : typical.minus(runningFor(false));
            eta = WRITE_INTERVAL.multipliedBy(waiting).plus(last.isNegative() ? Duration.ZERO : last);
        }
        return new Progress(counts, items.size(), eta);
    }

    /** How long the oldest (or the youngest) task still in flight has been running; zero when none is. */
    private Duration runningFor(boolean oldest) {
        Instant now = clock.instant();
        Duration found = null;
        for (BatchItem item : items.values()) {
            if (!item.state().isInFlight() || item.sentAt() == null) continue;
            Duration d = Duration.between(item.sentAt(), now);
            if (found == null || (oldest ? d.compareTo(found) > 0 : d.compareTo(found) < 0)) found = d;
        }
        return found == null ? Duration.ZERO : found;
    }

    /**
     * The median time a task of this batch took from its Start to its end; before any ended, a little more than the
     * oldest running one has taken so far (what is known of it).
     */
    private synchronized Duration typicalTaskDuration() {
        if (taskDurations.isEmpty()) return runningFor(true).plusSeconds(1);
        List<Duration> sorted = taskDurations.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Stops sending after the current item; what was sent is still followed. */
    public synchronized void pause() {
        if (batch.status() == Batch.Status.RUNNING) setStatus(Batch.Status.PAUSED);
    }

    /** Sends again after {@link #pause}. */
    public synchronized void resume() {
        if (batch.status() == Batch.Status.PAUSED) setStatus(Batch.Status.RUNNING);
        notifyAll();
    }

    /** Sends nothing more: the waiting items are cancelled; what was sent is still followed. */
    public synchronized void cancel() {
        if (!batch.status().isOpen()) return;
        setStatus(Batch.Status.CANCELLED);
        for (BatchItem item : items()) {
            if (item.state() == BatchItemState.WAITING)
                change(item.withState(BatchItemState.CANCELLED, null, null, null, clock.instant()), null);
        }
        notifyAll();
    }

    /**
     * Sends and follows until every item is final (or the batch was cancelled and what was sent has ended). Blocks;
     * interrupting the thread stops sending and following with every item's state saved, ready for a later run.
     */
    public Progress run(Listener newListener) throws InterruptedException {
        this.listener = newListener == null ? Listener.NONE : newListener;
        stoppedBy = null;
        List<Future<?>> followers = new ArrayList<>();
        try {
            // A previous run's items in flight first: their tokens were saved, so they are resumed, never re-tokened.
            for (BatchItem item : items()) {
                if (!item.state().isInFlight()) continue;
                TaskProgress saved = history.find(item.localId()).orElse(null);
                if (saved == null) {
                    // The process stopped between saving the item's token and saving the task: same id, same token.
                    saved = TaskProgress.requested(item.localId(), batch.requestFor(item), item.clientToken(), 1,
                            item.sentAt() == null ? clock.instant() : item.sentAt());
                    history.save(saved);
                }
                if (saved.isEnded()) {
                    record(item.position(), saved);
                    continue;
                }
                followers.add(follow(item, saved, new CountDownLatch(1)));
            }
            for (BatchItem item : items()) {
                if (item.state() != BatchItemState.WAITING) continue;
                if (!awaitRunning()) break;
                if (stoppedBy != null) break;
                BatchItem sending = item.sending(UUID.randomUUID().toString(), ClientTokens.fresh(), clock.instant());
                change(sending, null);                        // the token is in the queue before anything else
                TaskProgress requested = TaskProgress.requested(sending.localId(), batch.requestFor(sending),
                        sending.clientToken(), 1, clock.instant());
                history.save(requested);                      // ... and in the history before the Start leaves
                CountDownLatch settled = new CountDownLatch(1);
                followers.add(follow(sending, requested, settled));
                settled.await();                              // one Start at a time, in order
            }
            for (Future<?> f : followers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.warn("A batch item's follower ended unexpectedly", e.getCause());
                }
            }
            finishIfDone();
            return progress();
        } catch (InterruptedException e) {
            for (Future<?> f : followers) f.cancel(true);
            throw e;
        }
    }

    /** Waits while paused; false when the batch was cancelled. */
    private synchronized boolean awaitRunning() throws InterruptedException {
        while (batch.status() == Batch.Status.PAUSED) wait();
        return batch.status() == Batch.Status.RUNNING;
    }

    private Future<?> follow(BatchItem item, TaskProgress start, CountDownLatch settled) {
        return executor.submit(() -> {
            TaskProgress p = start;
            Duration pause = FIRST_PAUSE;
            try {
                while (true) {
                    p = runner.resume(p, snapshot -> {
                        record(item.position(), snapshot);
                        if (snapshot.isStarted() || snapshot.failure() != null || snapshot.isEnded()) settled.countDown();
                    });
                    settled.countDown();
                    if (p.isEnded()) return null;
                    CallFailure failure = p.failure();
                    if (failure != null && failure.kind() == FailureKind.SIGN_IN_NEEDED) {
                        // Nothing can be sent or read until the rep signs in: stop here, resumable later.
                        stoppedBy = failure;
                        wakeWriter();
                        return null;
                    }
                    LOG.info("Batch {} item {}: {}; trying again in {} s with the same token", batchId, item.position(),
                            failure == null ? "tracking stopped" : failure.kind(), pause.toSeconds());
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                }
            } finally {
                settled.countDown();
            }
        });
    }

    private synchronized void wakeWriter() { notifyAll(); }

    /** Maps a task snapshot onto its item; saves only real transitions. */
    private void record(int position, TaskProgress snapshot) {
        latest.put(position, snapshot);
        BatchItem item = items.get(position);
        BatchItemState state;
        String outcome = null;
        String message = null;
        if (snapshot.isEnded() && snapshot.isComplete()) {
            state = BatchItemState.COMPLETE;
        } else if (snapshot.isEnded()) {
            state = BatchItemState.FAILED;
            outcome = snapshot.reasonCode() != null ? snapshot.reasonCode()
                    : snapshot.failure() == null ? null : snapshot.failure().errorCode();
            message = snapshot.message() != null ? snapshot.message()
                    : snapshot.failure() == null ? null : snapshot.failure().message();
        } else if (snapshot.isStarted()) {
            state = BatchItemState.RUNNING;
        } else {
            state = BatchItemState.SENDING;
        }
        if (state.isFinal() && snapshot.requestedAt() != null && snapshot.endedAt() != null) {
            synchronized (this) {
                taskDurations.add(Duration.between(snapshot.requestedAt(), snapshot.endedAt()));
            }
        }
        boolean transition = item.state() != state || !Objects.equals(item.taskId(), snapshot.taskId());
        BatchItem next = transition ? item.withState(state, snapshot.taskId(), outcome, message, clock.instant()) : item;
        change(next, snapshot, transition);
    }

    private void change(BatchItem item, TaskProgress snapshot) {
        change(item, snapshot, true);
    }

    private void change(BatchItem item, TaskProgress snapshot, boolean save) {
        if (save) queue.update(item);
        items.put(item.position(), item);
        listener.itemChanged(item, snapshot);
    }

    private synchronized void setStatus(Batch.Status status) {
        queue.setStatus(batchId, status, clock.instant());
        batch = batch.withStatus(status, clock.instant());
        listener.batchChanged(batch);
    }

    private synchronized void finishIfDone() {
        if (items.values().stream().allMatch(i -> i.state().isFinal()) && batch.status() != Batch.Status.FINISHED) {
            setStatus(batch.status() == Batch.Status.CANCELLED ? Batch.Status.CANCELLED : Batch.Status.FINISHED);
        }
    }
}
