package app.cosell.engagement;

import app.cosell.model.CallFailure;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.partner.PartnerCentral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starts engagement tasks and follows them to the end: the start policy and the tracker together. Every call blocks
 * until the task ends (or tracking must stop) and is meant to run inside a {@code javafx.concurrent.Service} on the
 * app's executor; interrupting the thread (cancelling the service) stops it with the latest snapshot saved. Each
 * change produces an immutable {@link TaskProgress}, saved to the {@link TaskHistory} and then passed to
 * {@code onChange} (on the calling, background thread). Failures are reported in the snapshot
 * ({@link TaskProgress#failure()} or the task's ReasonCode), never thrown.
 *
 * <p>Start policy: a fresh ClientToken per deliberate attempt ({@link #start}, {@link #retry}); the token is saved
 * before the call is sent; transient failures (network, throttling, 5xx) are retried with the same token, by the SDK
 * and then here; {@link #resume} of a task whose start was never answered re-sends that same token, so a crash between
 * send and answer cannot create a second task.
 */
public final class EngagementRunner {

    private static final Logger log = LoggerFactory.getLogger(EngagementRunner.class);
    /** Retries of an unanswered start on top of the SDK's own, with the same token. */
    static final int START_RETRIES = 2;

    private final PartnerCentral partnerCentral;
    private final TaskHistory history;
    private final Clock clock;
    private final TaskTracker tracker;
    private final PollSchedule schedule;

    public EngagementRunner(PartnerCentral partnerCentral, TaskHistory history) {
        this(partnerCentral, history, Clock.systemUTC(), PollSchedule.standard());
    }

    public EngagementRunner(PartnerCentral partnerCentral, TaskHistory history, Clock clock, PollSchedule schedule) {
        this.partnerCentral = Objects.requireNonNull(partnerCentral, "partnerCentral");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.tracker = new TaskTracker(partnerCentral, clock, schedule);
    }

    /** Starts a new task for {@code request} (attempt 1, fresh token) and follows it to the end. */
    public TaskProgress start(StartEngagementRequest request, Consumer<TaskProgress> onChange) throws InterruptedException {
        return run(newAttempt(request, 1), onChange);
    }

    /**
     * A new deliberate attempt after {@code failed}: same request, next attempt number, fresh token. Exception: a start
     * that was never answered (network, throttling, service error, sign-in) is the same attempt still, so it is resumed
     * with its own token instead; a fresh token there could start the task twice.
     */
    public TaskProgress retry(TaskProgress failed, Consumer<TaskProgress> onChange) throws InterruptedException {
        if (!failed.isStarted() && !failed.isEnded()) return resume(failed, onChange);
        return run(newAttempt(failed.request(), failed.attempt() + 1), onChange);
    }

    /**
     * Continues an unfinished task (after a restart, a sign-in, or a lost connection): re-sends an unanswered start
     * with its saved token, or goes on tracking a started one. An ended task, or one of another catalog than this
     * connection's, is returned as it is. A task this connection does not know (it was started on another endpoint)
     * ends tracking with a NOT_FOUND failure (code {@code TaskNotFound}) and stays unfinished.
     */
    public TaskProgress resume(TaskProgress unfinished, Consumer<TaskProgress> onChange) throws InterruptedException {
        if (unfinished.isEnded()) return unfinished;
        if (unfinished.request().catalog() != partnerCentral.catalog()) {
            // Another catalog's task: only a connection to that catalog can follow it; leave it for then.
            log.info("Not resuming {}: it belongs to catalog {}", unfinished.localId(), unfinished.request().catalog());
            return unfinished;
        }
        TaskProgress p = unfinished.failure() == null ? unfinished : unfinished.withFailure(null, clock.instant());
        return run(p, onChange);
    }

    private TaskProgress newAttempt(StartEngagementRequest request, int attempt) {
        return TaskProgress.requested(UUID.randomUUID().toString(), request, ClientTokens.fresh(), attempt, clock.instant());
    }

    private TaskProgress run(TaskProgress p, Consumer<TaskProgress> onChange) throws InterruptedException {
        if (p.request().catalog() != partnerCentral.catalog())
            throw new IllegalArgumentException("A " + p.request().catalog() + " request on a connection to "
                    + partnerCentral.describe());
        Consumer<TaskProgress> emit = snapshot -> {
            history.save(snapshot);
            onChange.accept(snapshot);
        };
        // The token is on disk before the request leaves.
        emit.accept(p);
        if (!p.isStarted()) {
            p = send(p, emit);
            if (!p.isStarted() || p.isEnded()) return p;
        }
        return tracker.follow(p, emit);
    }

    private TaskProgress send(TaskProgress p, Consumer<TaskProgress> emit) throws InterruptedException {
        Duration pause = Duration.ofSeconds(1);
        for (int tries = 0; ; tries++) {
            try {
                TaskProgress answered = TaskCalls.start(partnerCentral, p, clock.instant());
                emit.accept(answered);
                return answered;
            } catch (PartnerCentralFailure f) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                if (!f.kind().isTransient() || tries >= START_RETRIES) {
                    log.info("Start for {} not answered: {} {}", p.request().opportunityId(), f.kind(), f.errorCode());
                    TaskProgress stopped = p.withFailure(CallFailure.of(f), clock.instant());
                    emit.accept(stopped);
                    return stopped;
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
        }
    }

    /** The schedule this runner polls with. */
    public PollSchedule schedule() { return schedule; }
}
