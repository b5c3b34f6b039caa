package app.cosell.engagement;

import app.cosell.model.CallFailure;
import app.cosell.model.EngagementInvitation;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ResourceSnapshotJob;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StepEvidence;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.partner.PartnerCentral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows a started task to its end: polls ListEngagementFromOpportunityTasks by TaskIdentifier (there is no Get
 * operation), reads the evidence of the step it expects next in between, and emits a new snapshot whenever the
 * inferred state changes. Blocking; stops at COMPLETE/FAILED, on a failure retrying cannot fix (sign-in, access), or
 * when the thread is interrupted.
 */
final class TaskTracker {

    private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

    /** Looks made at the {@code first} pace before settling to the steady one. */
    private static final int EARLY_LOOKS = 3;
    /** Task reads in a row that do not list the task before tracking gives up (the service lists it at once). */
    static final int UNKNOWN_TASK_READS = 3;

    private final CurrentConnection connection;
    private final Clock clock;
    private final PollSchedule schedule;

    TaskTracker(CurrentConnection connection, Clock clock, PollSchedule schedule) {
        this.connection = connection;
        this.clock = clock;
        this.schedule = schedule;
    }

    /**
     * @param progress a snapshot with a task id
     * @param emit     receives every changed snapshot (the runner saves it and tells the UI)
     * @return the last snapshot: ended, or carrying the failure that stopped tracking
     */
    TaskProgress follow(TaskProgress progress, Consumer<TaskProgress> emit) throws InterruptedException {
        TaskProgress p = progress;
        StepEvidence evidence = new StepEvidence(p.engagementId(), p.step(TaskStep.CREATE_RESOURCE_SNAPSHOT).resultId(),
                p.resourceSnapshotJobId(), p.engagementInvitationId(), null, null);
        boolean evidenceWorks = true;
        Duration pause = schedule.first();
        int looksSinceNews = 0;
        Instant began = clock.instant();
        Instant lastNews = began;
        int doneAtStart = doneCount(p);
        Duration period = null; // the observed time per step, once evidence showed progress
        int looks = 0;
        int unknownAnswers = 0;
        while (!p.isEnded()) {
            Thread.sleep(pause.toMillis());
            PartnerCentral partnerCentral = awaitConnection(p, emit);
            if (partnerCentral == null) { // wait for its catalog, then show it running again
                partnerCentral = connection.await(p.request().catalog());
                p = p.withFailure(null, clock.instant());
                emit.accept(p);
            }
            long generation = connection.generation();
            TaskStep next = nextExpected(p);
            // While evidence keeps showing progress the task is alive; when it stalls, the task read tells whether
            // the task failed (or finished without the step the evidence waits for).
            boolean stalled = looksSinceNews + 1 >= schedule.taskReadEvery() && (period == null
                    || Duration.between(lastNews, clock.instant()).compareTo(period.multipliedBy(3).dividedBy(2)) >= 0);
            boolean readTask = !evidenceWorks || next == null || next == TaskStep.SUBMIT_OPPORTUNITY || stalled;
            TaskProgress updated;
            try {
                if (readTask) {
                    looksSinceNews = 0;
                    String taskId = p.taskId();
                    List<TaskAnswer> answers = TaskCalls.read(partnerCentral, p);
                    Optional<TaskAnswer> mine = answers.stream().filter(a -> taskId.equals(a.taskId())).findFirst()
                            .or(() -> answers.stream().findFirst());
                    if (mine.isEmpty() && ++unknownAnswers >= UNKNOWN_TASK_READS) {
                        // Not this connection's task (another catalog or endpoint), or gone: stop instead of polling forever.
                        TaskProgress stopped = p.withFailure(new CallFailure(FailureKind.NOT_FOUND, "TaskNotFound",
                                "Task " + taskId + " is not known to " + partnerCentral.describe(), null, null,
                                List.of(), null), clock.instant());
                        emit.accept(stopped);
                        return stopped;
                    }
                    if (mine.isPresent()) unknownAnswers = 0;
                    updated = mine.isPresent() ? StepInference.apply(p, mine.get(), evidence, clock.instant()) : p;
                } else {
                    looksSinceNews++;
                    StepEvidence more = readEvidence(partnerCentral, next, p, evidence);
                    if (more != null) evidence = more;
                    updated = StepInference.apply(p, null, evidence, clock.instant());
                }
            } catch (PartnerCentralFailure f) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                if (connection.generation() != generation) {
                    // The connection changed under the call (its client was closed): look again on the new one.
                    pause = schedule.first();
                    continue;
                }
                if (f.kind() == FailureKind.UNKNOWN) {
                    // Not a refusal the rep can act on: tracking pauses and keeps looking, like any unexpected failure.
                    LOG.warn("Tracking of {} paused: {} {}", p.taskId(), f.kind(), f.errorCode());
                    if (TrackingPause.of(p).isEmpty()) {
                        p = p.withFailure(TrackingPause.TRACKING_PAUSED.failure(f.errorCode()), clock.instant());
                        emit.accept(p);
                    }
                    pause = min(pause.multipliedBy(2).plusMillis(500), schedule.throttled());
                    continue;
                }
                if (f.kind().isTransient()) {
                    pause = min(pause.multipliedBy(2).plusMillis(500), schedule.throttled());
                    LOG.debug("Poll of {} failed transiently ({}); next look in {}", p.taskId(), f.kind(), pause);
                    continue;
                }
                if (!readTask && f.kind() != FailureKind.SIGN_IN_NEEDED) {
                    // An evidence read this connection cannot make (permissions, older emulator): the task read suffices.
                    LOG.info("Evidence reads disabled for {}: {} {}", p.taskId(), f.kind(), f.errorCode());
                    evidenceWorks = false;
                    continue;
                }
                TaskProgress stopped = p.withFailure(CallFailure.of(f), clock.instant());
                emit.accept(stopped);
                return stopped;
            } catch (RuntimeException unexpected) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                // Not a failure of the task: whatever it was (a client closed by a reconnect, a bug in a mapping), the
                // task goes on at the service. Say tracking is paused and keep looking, backing off.
                if (connection.generation() != generation) {
                    pause = schedule.first();
                    continue;
                }
                LOG.warn("Tracking of {} paused: unexpected {}", p.taskId(), unexpected.toString());
                if (TrackingPause.of(p).isEmpty()) {
                    p = p.withFailure(TrackingPause.TRACKING_PAUSED.failure(unexpected.getClass().getSimpleName()),
                            clock.instant());
                    emit.accept(p);
                }
                pause = min(pause.multipliedBy(2).plusMillis(500), schedule.throttled());
                continue;
            }
            if (TrackingPause.of(updated).isPresent()) updated = updated.withFailure(null, clock.instant()); // a look worked
            looks++;
            if (StepInference.sameState(p, updated)) {
                if (Duration.between(lastNews, clock.instant()).compareTo(schedule.patience()) >= 0)
                    pause = min(Duration.ofMillis((long) (Math.max(pause.toMillis(), schedule.steady().toMillis()) * 1.5)),
                            schedule.slowest());
                else if (period != null) pause = paceFor(period);
                else // A quick first few looks: many tasks finish, or show their first step, within a second or two.
                    pause = looks < EARLY_LOOKS ? schedule.first() : schedule.steady();
            } else {
                lastNews = clock.instant();
                looksSinceNews = 0;
                int advanced = doneCount(updated) - doneAtStart;
                if (advanced > 0 && !updated.isEnded()) period = Duration.between(began, lastNews).dividedBy(advanced);
                pause = period == null ? schedule.steady() : paceFor(period);
                p = updated;
                emit.accept(p);
            }
        }
        return p;
    }

    /**
     * The gateway for the task's catalog, or null after emitting a {@link TrackingPause#WAITING_FOR_CATALOG} snapshot
     * when that catalog is not connected (the caller then waits for it).
     */
    private PartnerCentral awaitConnection(TaskProgress p, Consumer<TaskProgress> emit) {
        java.util.Optional<PartnerCentral> now = connection.now(p.request().catalog());
        if (now.isPresent()) return now.get();
        emit.accept(p.withFailure(TrackingPause.WAITING_FOR_CATALOG.failure("waiting for a connection to catalog "
                + p.request().catalog()), clock.instant()));
        return null;
    }

    /** Look about once a step, between the first and the steady pause: faster steps get faster looks. */
    private Duration paceFor(Duration period) {
        if (period.compareTo(schedule.first()) < 0) return schedule.first();
        return min(period, schedule.steady());
    }

    private static int doneCount(TaskProgress p) {
        int n = 0;
        for (StepProgress s : p.steps()) {
            if (s.state() != StepState.DONE && s.state() != StepState.SKIPPED) break;
            n++;
        }
        return n;
    }

    /** The first step not yet done, or null when all are. */
    private static TaskStep nextExpected(TaskProgress p) {
        for (StepProgress s : p.steps()) if (s.state() != StepState.DONE && s.state() != StepState.SKIPPED) return s.step();
        return null;
    }

    /** One read call revealing whether {@code next} is done; null when it showed nothing new. */
    private StepEvidence readEvidence(PartnerCentral partnerCentral, TaskStep next, TaskProgress p, StepEvidence ev) {
        if (app.cosell.model.TaskKind.of(p) != app.cosell.model.TaskKind.ENGAGEMENT_FROM_OPPORTUNITY)
            return TaskCalls.acceptanceEvidence(partnerCentral, p, ev);
        String opportunityId = p.request().opportunityId();
        String engagementId = ev.engagementId() != null ? ev.engagementId() : p.engagementId();
        switch (next) {
            case GET_OPPORTUNITY, CREATE_ENGAGEMENT -> {
                return partnerCentral.engagementForOpportunity(opportunityId).map(ev::withEngagement).orElse(null);
            }
            case CREATE_RESOURCE_SNAPSHOT -> {
                if (engagementId == null) return null;
                return partnerCentral.snapshotOfOpportunity(engagementId, opportunityId).map(ev::withSnapshot).orElse(null);
            }
            case CREATE_RESOURCE_SNAPSHOT_JOB -> {
                if (engagementId == null) return null;
                return partnerCentral.snapshotJobs(engagementId).stream().map(ResourceSnapshotJob::id).findFirst()
                        .map(ev::withSnapshotJob).orElse(null);
            }
            case CREATE_ENGAGEMENT_INVITATION -> {
                if (engagementId == null) return null;
                // An invitation sent before this task (an earlier attempt) is not this step's evidence.
                Instant since = p.startTime() == null ? null : p.startTime().minusSeconds(5);
                Optional<String> sent = partnerCentral.sentInvitations(engagementId).stream()
                        .filter(i -> since == null || i.invitationDate() == null || !i.invitationDate().isBefore(since))
                        .map(EngagementInvitation::id).findFirst();
                // No invitation yet. An opportunity that already had an engagement skips this step; the periodic task
                // read then shows the outcome.
                return sent.map(ev::withInvitation).orElse(null);
            }
            default -> {
                ReviewStatus r = partnerCentral.reviewStatus(opportunityId);
                return r == null ? null : ev.withReviewStatus(r);
            }
        }
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }
}
