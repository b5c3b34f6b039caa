package app.cosell.engagement;

import app.cosell.model.CallFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.partner.PartnerCentral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * <p>One task per intent (docs/engagement.md, "Start policy"): a fresh ClientToken only for a deliberate new attempt,
 * saved before the call is sent; an unanswered start is re-sent with its own token, with backoff, until the service
 * answers (shown as {@link TrackingPause#START_NOT_CONFIRMED}); {@link #retry} of anything that may have reached the
 * service first finds out what exists (the saved token re-sent, or the opportunity's tasks since the attempt began)
 * and follows it; a token older than {@link #TOKEN_MEMORY} is never re-sent before the opportunity's tasks were
 * checked. The gateway is asked for at each call ({@link CurrentConnection}), so a reconnect hands running tasks to
 * the new connection.
 */
public final class EngagementRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EngagementRunner.class);
    /**
     * How long the service is assumed to remember a ClientToken. API-NOTES: "Token retention window is not
     * documented"; AWS services that document one keep tokens for hours (EC2: at least 24 hours), so one hour is a
     * conservative bound: an older token is re-sent only after the opportunity's tasks showed none started since.
     */
    public static final Duration TOKEN_MEMORY = Duration.ofHours(1);
    /**
     * Clock difference allowed between this machine and the service when matching a task's StartTime to an attempt.
     * Tasks the history already knows are excluded, so a generous margin cannot adopt an earlier attempt's task.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CurrentConnection connection;
    private final TaskHistory history;
    private final Clock clock;
    private final TaskTracker tracker;
    private final PollSchedule schedule;
    /** How long an unanswered start is re-sent before the runner returns it unconfirmed; null: until answered. */
    private final Duration startPatience;

    /**
     * How long a runner on a fixed connection (the command line) keeps re-sending an unanswered start before it
     * returns the attempt unfinished (not confirmed; resumed with the same token next time) instead of waiting on.
     */
    public static final Duration FIXED_CONNECTION_START_PATIENCE = Duration.ofMinutes(2);

    public EngagementRunner(PartnerCentral partnerCentral, TaskHistory history) {
        this(partnerCentral, history, Clock.systemUTC(), PollSchedule.standard());
    }

    public EngagementRunner(PartnerCentral partnerCentral, TaskHistory history, Clock clock, PollSchedule schedule) {
        this(CurrentConnection.fixed(partnerCentral), history, clock, schedule, FIXED_CONNECTION_START_PATIENCE);
    }

    /** A runner over a connection that may change while tasks run (the app's: see AppContext.connect). */
    public EngagementRunner(CurrentConnection connection, TaskHistory history, Clock clock, PollSchedule schedule) {
        this(connection, history, clock, schedule, connection.changeable() ? null : FIXED_CONNECTION_START_PATIENCE);
    }

    /**
     * @param startPatience how long an unanswered start is re-sent (with backoff, same token) before the attempt is
     *                      returned unconfirmed; null: for as long as it takes (the app, where the rep can close the
     *                      view)
     */
    public EngagementRunner(CurrentConnection connection, TaskHistory history, Clock clock, PollSchedule schedule,
                            Duration startPatience) {
        this.startPatience = startPatience;
        this.connection = Objects.requireNonNull(connection, "connection");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.tracker = new TaskTracker(connection, clock, schedule);
    }

    /** Starts a new task for {@code request} (attempt 1, fresh token) and follows it to the end. */
    public TaskProgress start(StartEngagementRequest request, Consumer<TaskProgress> onChange) throws InterruptedException {
        requireConnected(request);
        return run(newAttempt(request, 1), onChange);
    }

    /** What {@link #retry} will do with a snapshot; a view may word its button after it. */
    public enum RetryPlan {
        /** Nothing: the task completed. */
        NOTHING,
        /**
         * Follow the same attempt: re-send its own token (an unanswered start) or go on tracking its task; no new
         * task can result.
         */
        SAME_ATTEMPT,
        /**
         * The attempt ended FAILED (or was refused): look for a task started since it began and follow that; only
         * when there is none, a new attempt with a fresh token.
         */
        NEW_ATTEMPT_IF_NONE_EXISTS
    }

    /** The decision behind {@link #retry}: pure, no call. */
    public static RetryPlan retryPlan(TaskProgress last) {
        if (last.isComplete()) return RetryPlan.NOTHING;
        if (!last.isEnded()) return RetryPlan.SAME_ATTEMPT;
        return RetryPlan.NEW_ATTEMPT_IF_NONE_EXISTS;
    }

    /** Whether a new attempt (fresh token) may follow {@code last} at all: only after it ended FAILED or refused. */
    public static boolean newAttemptAllowed(TaskProgress last) {
        return retryPlan(last) == RetryPlan.NEW_ATTEMPT_IF_NONE_EXISTS;
    }

    /**
     * The rep's Retry. Never makes a second task for one intent: an unfinished attempt (unanswered start, tracking that
     * stopped) is resumed as the same attempt; after a FAILED or refused attempt, a task started for the opportunity
     * since that attempt began is followed if the service has one; only when it has none is a new attempt (next
     * attempt number, fresh token) started. A completed task is returned as it is.
     */
    public TaskProgress retry(TaskProgress last, Consumer<TaskProgress> onChange) throws InterruptedException {
        switch (retryPlan(last)) {
            case NOTHING -> { return last; }
            case SAME_ATTEMPT -> { return resume(last, onChange); }
            default -> { }
        }
        PartnerCentral pc = requireConnected(last.request());
        Optional<TaskAnswer> existing;
        try {
            existing = startedSince(pc, last, true);
        } catch (PartnerCentralFailure f) {
            // Cannot find out: do not guess. The attempt stays as it was in the history (it is the service's truth);
            // the view is told why nothing happened, and the rep can retry again.
            LOG.info("Retry of {} could not list the opportunity's tasks: {} {}", last.localId(), f.kind(), f.errorCode());
            TaskProgress unchanged = last.withFailure(last.failure() != null ? last.failure() : CallFailure.of(f), clock.instant());
            onChange.accept(unchanged);
            return unchanged;
        }
        if (existing.isPresent()) {
            // A task exists for this opportunity since the attempt began: follow it instead of starting another.
            TaskProgress base = last.isStarted() ? newAttempt(last.request(), last.attempt() + 1)
                    : last.withFailure(null, clock.instant());
            LOG.info("Retry of {} follows task {} that the service already has", last.localId(), existing.get().taskId());
            return run(StepInference.apply(base, existing.get(), null, clock.instant()), onChange);
        }
        return run(newAttempt(last.request(), last.attempt() + 1), onChange);
    }

    /**
     * Continues an unfinished task (after a restart, a sign-in, or a lost connection): re-sends an unanswered start
     * with its saved token (after checking the opportunity's tasks when the token is older than
     * {@link #TOKEN_MEMORY}), or goes on tracking a started one. An ended task is returned as it is. A task of another
     * catalog waits (shown as {@link TrackingPause#WAITING_FOR_CATALOG}) until that catalog is connected; on a fixed
     * connection, which never will be, it is returned as it is. A task this connection does not know (it was started on
     * another endpoint) ends tracking with a NOT_FOUND failure (code {@code TaskNotFound}) and stays unfinished.
     */
    public TaskProgress resume(TaskProgress unfinished, Consumer<TaskProgress> onChange) throws InterruptedException {
        if (unfinished.isEnded()) return unfinished;
        if (connection.now(unfinished.request().catalog()).isEmpty() && !connection.changeable()) {
            LOG.info("Not resuming {}: it belongs to catalog {}", unfinished.localId(), unfinished.request().catalog());
            return unfinished;
        }
        TaskProgress p = unfinished.failure() == null ? unfinished : unfinished.withFailure(null, clock.instant());
        return run(p, onChange);
    }

    private TaskProgress newAttempt(StartEngagementRequest request, int attempt) {
        return TaskProgress.requested(UUID.randomUUID().toString(), request, ClientTokens.fresh(), attempt, clock.instant());
    }

    private PartnerCentral requireConnected(StartEngagementRequest request) {
        return connection.now(request.catalog()).orElseThrow(() -> new IllegalArgumentException("A "
                + request.catalog() + " request on a connection to "
                + connection.now().map(PartnerCentral::describe).orElse("nothing")));
    }

    private TaskProgress run(TaskProgress p, Consumer<TaskProgress> onChange) throws InterruptedException {
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

    /**
     * Sends the start with the snapshot's own token until the service answers it or refuses it. Transient failures
     * (and anything unexpected) are re-sent with backoff for as long as it takes, the snapshot showing "not confirmed
     * yet"; a missing sign-in stops with the attempt unfinished (resumed with the same token after sign-in).
     */
    private TaskProgress send(TaskProgress p, Consumer<TaskProgress> emit) throws InterruptedException {
        Duration first = min(Duration.ofSeconds(1), schedule.throttled());
        Duration pause = first;
        boolean shownUnconfirmed = false;
        boolean checked = false;
        Instant began = clock.instant();
        while (true) {
            if (shownUnconfirmed && startPatience != null
                    && Duration.between(began, clock.instant()).compareTo(startPatience) >= 0) {
                LOG.info("Start for {} still not confirmed after {}; left unfinished", p.request().opportunityId(),
                        startPatience);
                return p; // unfinished, START_NOT_CONFIRMED: resume re-sends the same token
            }
            PartnerCentral pc = awaitConnection(p, emit);
            long generation = connection.generation();
            try {
                if (!checked && age(p).compareTo(TOKEN_MEMORY) > 0) {
                    // The service may have forgotten this token: re-sending it could start a second task.
                    Optional<TaskAnswer> existing = startedSince(pc, p, false);
                    checked = true;
                    if (existing.isPresent()) {
                        LOG.info("Start of {} is older than the token memory; following task {}", p.localId(),
                                existing.get().taskId());
                        TaskProgress found = StepInference.apply(p.withFailure(null, clock.instant()), existing.get(),
                                null, clock.instant());
                        emit.accept(found);
                        return found;
                    }
                }
                TaskProgress answered = TaskCalls.start(pc, p, clock.instant());
                emit.accept(answered);
                return answered;
            } catch (PartnerCentralFailure f) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                if (!f.kind().isTransient() && f.kind() != FailureKind.UNKNOWN) {
                    LOG.info("Start for {} not answered: {} {}", p.request().opportunityId(), f.kind(), f.errorCode());
                    TaskProgress stopped = p.withFailure(CallFailure.of(f), clock.instant());
                    emit.accept(stopped);
                    return stopped;
                }
                LOG.debug("Start for {} not confirmed yet: {} {}", p.request().opportunityId(), f.kind(), f.errorCode());
            } catch (RuntimeException unexpected) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                LOG.warn("Start for {} not confirmed yet: unexpected {}", p.request().opportunityId(), unexpected.toString());
            }
            if (!shownUnconfirmed) {
                shownUnconfirmed = true;
                p = p.withFailure(TrackingPause.START_NOT_CONFIRMED.failure("re-sent with the same token"), clock.instant());
                emit.accept(p);
            }
            // A failure caused by the connection changing under the call is re-sent at once on the new one.
            if (connection.generation() == generation) {
                Thread.sleep(pause.toMillis());
                pause = min(pause.multipliedBy(2), schedule.throttled().multipliedBy(3));
            } else {
                pause = first;
            }
        }
    }

    /** The gateway for the task's catalog, waiting (shown as such) while that catalog is not connected. */
    private PartnerCentral awaitConnection(TaskProgress p, Consumer<TaskProgress> emit) throws InterruptedException {
        Optional<PartnerCentral> now = connection.now(p.request().catalog());
        if (now.isPresent()) return now.get();
        emit.accept(p.withFailure(TrackingPause.WAITING_FOR_CATALOG.failure("waiting for a connection to catalog "
                + p.request().catalog()), clock.instant()));
        return connection.await(p.request().catalog());
    }

    private Duration age(TaskProgress p) {
        return p.requestedAt() == null ? Duration.ZERO : Duration.between(p.requestedAt(), clock.instant());
    }

    /**
     * A task of the opportunity that the service started since {@code attempt} began (less the clock skew) and that no
     * other entry of the history already is: the task this attempt may have created without the app hearing of it.
     *
     * @param liveOnly only IN_PROGRESS or COMPLETE tasks (after a FAILED attempt a FAILED task is nothing to follow)
     */
    private Optional<TaskAnswer> startedSince(PartnerCentral pc, TaskProgress attempt, boolean liveOnly) {
        Instant since = attempt.requestedAt() == null ? Instant.EPOCH : attempt.requestedAt().minus(CLOCK_SKEW);
        Set<String> known = new HashSet<>();
        for (TaskProgress t : history.forOpportunity(attempt.request().opportunityId()))
            if (t.taskId() != null) known.add(t.taskId());
        if (attempt.taskId() != null) known.add(attempt.taskId());
        List<TaskAnswer> tasks = TaskCalls.forTarget(pc, attempt);
        return tasks.stream()
                .filter(a -> a.taskId() != null && !known.contains(a.taskId()))
                .filter(a -> a.startTime() == null || !a.startTime().isBefore(since))
                .filter(a -> !liveOnly || a.status() != TaskStatus.FAILED)
                .findFirst();
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }

    /** The schedule this runner polls with. */
    public PollSchedule schedule() { return schedule; }
}
