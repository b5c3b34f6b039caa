package app.cosell.ui.progress;

import app.cosell.engagement.AdviceAction;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdvice;
import app.cosell.engagement.TrackingPause;
import app.cosell.model.CallFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the live step-progress view of one task: the six step rows (state, time, resulting id), overall
 * elapsed time, the task's ids, and on failure the failing step, message, reason code and the advice. It is fed
 * snapshots ({@link #show}) and clock ticks ({@link #tick}); and it decides which recovery actions the failed
 * panel offers and which is primary ({@link #offeredActions}). No controls, so a plain unit test covers it.
 */
public final class TaskProgressModel {

    /** One step of the stepper. */
    public static final class StepRow {
        private final TaskStep step;
        private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(this, "state", StepState.PENDING);
        private final ReadOnlyObjectWrapper<Duration> time = new ReadOnlyObjectWrapper<>(this, "time");
        private final ReadOnlyStringWrapper resultId = new ReadOnlyStringWrapper(this, "resultId");
        private final ReadOnlyBooleanWrapper notRun = new ReadOnlyBooleanWrapper(this, "notRun");
        private Instant startedAt;

        StepRow(TaskStep step) { this.step = step; }

        public TaskStep step() { return step; }
        public ReadOnlyObjectProperty<StepState> stateProperty() { return state.getReadOnlyProperty(); }
        /** How long the step took, or has been running so far; null before it started. */
        public ReadOnlyObjectProperty<Duration> timeProperty() { return time.getReadOnlyProperty(); }
        public ReadOnlyStringProperty resultIdProperty() { return resultId.getReadOnlyProperty(); }
        /** True for a step still waiting when the task ended (after a failure): it will not run. */
        public ReadOnlyBooleanProperty notRunProperty() { return notRun.getReadOnlyProperty(); }

        /**
         * @param previousEnd when the step before ended (or the task started): a step that ran but was never seen
         *                    running (its evidence came with a later step's) took at most the time since then
         */
        void show(StepProgress p, Instant now, Instant previousEnd, boolean taskEnded) {
            state.set(p.state());
            resultId.set(p.resultId());
            startedAt = p.startedAt();
            notRun.set(taskEnded && p.state() == StepState.PENDING);
            if (p.state() == StepState.SKIPPED || p.state() == StepState.PENDING) {
                time.set(null); // it did not run: no time, whatever was shown while it was thought to be running
            } else if (p.startedAt() != null && !p.startedAt().equals(p.endedAt())) {
                time.set(Duration.between(p.startedAt(), p.endedAt() != null ? p.endedAt() : now));
            } else if (p.endedAt() != null && previousEnd != null && !p.endedAt().isBefore(previousEnd)) {
                time.set(Duration.between(previousEnd, p.endedAt()));
            } else {
                time.set(null);
            }
        }

        void tick(Instant now) {
            if (state.get() == StepState.RUNNING && startedAt != null) time.set(Duration.between(startedAt, now));
        }
    }

    private final Function<TaskProgress, FailureAdvice> advisor;
    private final Function<PartnerCentralFailure, FailureAdvice> failureAdvisor;
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final List<StepRow> rowList = new ArrayList<>();
    private final ObservableList<StepRow> rows;
    private final ReadOnlyObjectWrapper<TaskProgress> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ReadOnlyObjectWrapper<Duration> elapsed = new ReadOnlyObjectWrapper<>(this, "elapsed", Duration.ZERO);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyObjectWrapper<TaskStep> failedStep = new ReadOnlyObjectWrapper<>(this, "failedStep");
    private final ReadOnlyObjectWrapper<FailureAdvice> advice = new ReadOnlyObjectWrapper<>(this, "advice");
    private final ReadOnlyStringWrapper taskId = new ReadOnlyStringWrapper(this, "taskId");
    private final ReadOnlyStringWrapper taskArn = new ReadOnlyStringWrapper(this, "taskArn");
    private final ReadOnlyStringWrapper engagementId = new ReadOnlyStringWrapper(this, "engagementId");
    private final ReadOnlyStringWrapper invitationId = new ReadOnlyStringWrapper(this, "invitationId");
    private final ReadOnlyStringWrapper snapshotJobId = new ReadOnlyStringWrapper(this, "snapshotJobId");
    private final ReadOnlyStringWrapper reasonCode = new ReadOnlyStringWrapper(this, "reasonCode");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<TrackingPause> pause = new ReadOnlyObjectWrapper<>(this, "pause");
    private final ReadOnlyBooleanWrapper unconfirmed = new ReadOnlyBooleanWrapper(this, "unconfirmed");
    private final ReadOnlyStringWrapper statusKey = new ReadOnlyStringWrapper(this, "statusKey", "REQUESTED");
    private final ReadOnlyStringWrapper createdOpportunityId = new ReadOnlyStringWrapper(this, "createdOpportunityId");

    /**
     * @param advisor        what to tell the rep about a failed task (the failure advice catalogue)
     * @param failureAdvisor what to tell the rep about a call that failed before there was a task
     */
    public TaskProgressModel(Function<TaskProgress, FailureAdvice> advisor,
                             Function<PartnerCentralFailure, FailureAdvice> failureAdvisor) {
        this.advisor = advisor;
        this.failureAdvisor = failureAdvisor;
        for (TaskStep s : TaskStep.values()) rowList.add(new StepRow(s));
        rows = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(rowList));
    }

    public ObservableList<StepRow> rows() { return rows; }
    public StepRow row(TaskStep step) { return rowList.get(step.ordinal()); }
    public ReadOnlyObjectProperty<TaskProgress> progressProperty() { return progress.getReadOnlyProperty(); }
    public TaskProgress progress() { return progress.get(); }
    public ReadOnlyObjectProperty<Duration> elapsedProperty() { return elapsed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty completeProperty() { return complete.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    /** True when the service refused to start the task (or could not be reached): there is no task id. */
    public ReadOnlyBooleanProperty refusedProperty() { return refused.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TaskStep> failedStepProperty() { return failedStep.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FailureAdvice> adviceProperty() { return advice.getReadOnlyProperty(); }
    public ReadOnlyStringProperty taskIdProperty() { return taskId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty taskArnProperty() { return taskArn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty engagementIdProperty() { return engagementId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty invitationIdProperty() { return invitationId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty snapshotJobIdProperty() { return snapshotJobId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reasonCodeProperty() { return reasonCode.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /**
     * The wait the runner is in by itself (start not confirmed yet, tracking paused, waiting for the task's catalog),
     * or null. A paused task is running, not failed: no advice and no Retry are offered for it.
     */
    public ReadOnlyObjectProperty<TrackingPause> pauseProperty() { return pause.getReadOnlyProperty(); }
    /**
     * True when the start stopped without an answer that says whether the task exists (e.g. sign-in needed): the
     * service may have it, so the view says "not confirmed yet", never "did not start". Retry re-sends its token.
     */
    public ReadOnlyBooleanProperty unconfirmedProperty() { return unconfirmed.getReadOnlyProperty(); }
    /**
     * The status badge's key under {@code progress.status.}: REQUESTED, IN_PROGRESS, COMPLETE, FAILED, or one of
     * {@link TrackingPause}'s names.
     */
    public ReadOnlyStringProperty statusKeyProperty() { return statusKey.getReadOnlyProperty(); }

    /**
     * Whether the rep's Retry would continue the same attempt (re-send its own token, or go on tracking its task)
     * rather than possibly start a new one: the runner's decision ({@code EngagementRunner.retryPlan}), so the button
     * is not worded "with a new token" when no new token can be used.
     */
    public boolean retryKeepsTheAttempt() {
        TaskProgress p = progress.get();
        return p != null && EngagementRunner.retryPlan(p) == EngagementRunner.RetryPlan.SAME_ATTEMPT;
    }

    /**
     * One button of the failed panel: what it does, its label ({@code progress.action.<labelKey>}) and whether it is
     * the default one.
     */
    public record OfferedAction(AdviceAction action, String labelKey, boolean primary) {}

    /**
     * The buttons the failed panel offers for {@code advice}, in its order: the advice's own choice
     * (FailureAdviceCatalogue), less what this view has no button for; "Open the opportunity" is left out for a task
     * about an AWS referral (its subject is an invitation); a retry that goes on with the same attempt says "wait and
     * retry", not "new token"; "Copy diagnostics" is never the primary one.
     */
    public List<OfferedAction> offeredActions(FailureAdvice advice, TaskKind kind) {
        if (advice == null) return List.of();
        List<OfferedAction> out = new ArrayList<>();
        for (AdviceAction a : advice.offered()) {
            String label = switch (a) {
                case RETRY_WITH_NEW_TOKEN, WAIT_AND_RETRY ->
                        a == AdviceAction.WAIT_AND_RETRY || retryKeepsTheAttempt() ? "WAIT_AND_RETRY" : a.name();
                case OPEN_OPPORTUNITY -> kind.isAboutInvitation() ? null : a.name();
                case FIX_IT, OPEN_IN_PARTNER_CENTRAL, SHOW_RUNNING_TASK, COPY_DIAGNOSTICS -> a.name();
                default -> null;
            };
            if (label != null) {
                out.add(new OfferedAction(a, label, a == advice.primary() && a != AdviceAction.COPY_DIAGNOSTICS));
            }
        }
        return out;
    }
    /** The opportunity an accepted AWS referral created (null for other kinds, and until it is known). */
    public ReadOnlyStringProperty createdOpportunityIdProperty() { return createdOpportunityId.getReadOnlyProperty(); }

    /** Shows a new snapshot of the task. */
    public void show(TaskProgress p, Instant now) {
        progress.set(p);
        boolean ended = p.isEnded() || p.failure() != null;
        Instant previousEnd = p.startTime() != null ? p.startTime() : p.requestedAt();
        for (StepProgress s : p.steps()) {
            row(s.step()).show(s, now, previousEnd, ended);
            if (s.endedAt() != null && s.state() != StepState.SKIPPED) previousEnd = s.endedAt();
        }
        // A call failure (a refused start, lost connection or sign-in) ends the app's part just like a FAILED task.
        TrackingPause paused = TrackingPause.of(p).orElse(null);
        pause.set(paused);
        // A pause is the runner waiting by itself: the task runs on, nothing failed.
        CallFailure callFailure = paused != null ? null : p.failure();
        boolean isFailed = p.status() == TaskStatus.FAILED || callFailure != null;
        boolean isComplete = p.status() == TaskStatus.COMPLETE;
        running.set(!p.isEnded() && callFailure == null);
        refused.set(callFailure != null && p.taskId() == null && p.isEnded());
        unconfirmed.set(callFailure != null && p.taskId() == null && !p.isEnded());
        statusKey.set(paused != null ? paused.name() : isComplete ? "COMPLETE" : isFailed ? "FAILED"
                : p.taskId() == null ? "REQUESTED" : "IN_PROGRESS");
        complete.set(isComplete);
        failed.set(isFailed);
        TaskStep failing = null;
        for (StepProgress s : p.steps()) if (s.state() == StepState.FAILED) failing = s.step();
        failedStep.set(failing);
        taskId.set(p.taskId());
        taskArn.set(p.taskArn());
        engagementId.set(p.engagementId());
        invitationId.set(p.engagementInvitationId());
        snapshotJobId.set(p.resourceSnapshotJobId());
        createdOpportunityId.set(TaskKind.createdOpportunityId(p));
        if (p.status() != TaskStatus.FAILED && callFailure != null) {
            reasonCode.set(callFailure.errorCode() != null ? callFailure.errorCode() : callFailure.kind().name());
            message.set(callFailure.message());
        } else {
            reasonCode.set(p.reasonCode());
            message.set(p.message());
        }
        advice.set(isFailed ? advisor.apply(p) : null);
        tick(now);
    }

    /** Shows a call failure that ended the app's part before (or while) following the task. */
    public void showFailure(PartnerCentralFailure f, Instant now) {
        running.set(false);
        complete.set(false);
        failed.set(true);
        pause.set(null);
        statusKey.set("FAILED");
        boolean noTask = progress.get() == null || progress.get().taskId() == null;
        // Only a refusal from the service says the task did not start; anything else leaves it unconfirmed.
        boolean refusal = !f.kind().isTransient() && f.kind() != FailureKind.UNKNOWN
                && f.kind() != FailureKind.SIGN_IN_NEEDED;
        refused.set(noTask && refusal);
        unconfirmed.set(noTask && !refusal);
        reasonCode.set(f.errorCode() != null ? f.errorCode() : f.kind().name());
        message.set(f.getMessage());
        advice.set(failureAdvisor.apply(f));
        TaskProgress p = progress.get();
        if (p != null && p.endedAt() == null) elapsed.set(p.requestedAt() == null ? Duration.ZERO : Duration.between(p.requestedAt(), now));
    }

    /** Advances the clocks of a running task (the view calls this every second). */
    public void tick(Instant now) {
        TaskProgress p = progress.get();
        if (p == null) return;
        boolean stopped = failed.get() && !p.isEnded() || p.failure() != null && pause.get() == null;
        // A refused start never ran: nothing to time. A task that ran and then lost its connection keeps the time it ran.
        // A paused one (tracking will resume) goes on counting.
        if (stopped && p.taskId() == null) return;
        Instant from = p.requestedAt() != null ? p.requestedAt() : p.startTime();
        if (from == null) from = firstStepStart(p);
        if (from == null) return;
        Instant to = p.isEnded() || stopped ? lastKnown(p) : now;
        if (to == null) to = stopped ? from : now;
        elapsed.set(to.isBefore(from) ? Duration.ZERO : Duration.between(from, to));
        if (!p.isEnded()) for (StepRow r : rowList) r.tick(now);
    }

    private static Instant firstStepStart(TaskProgress p) {
        for (StepProgress s : p.steps()) if (s.startedAt() != null) return s.startedAt();
        return null;
    }

    /** When the task was last known to do something: its end, else its last step's end, else its last update. */
    private static Instant lastKnown(TaskProgress p) {
        if (p.endedAt() != null) return p.endedAt();
        Instant last = null;
        for (StepProgress s : p.steps()) {
            if (s.endedAt() != null && (last == null || s.endedAt().isAfter(last))) last = s.endedAt();
        }
        return last != null ? last : p.updatedAt();
    }

    /**
     * A plain-text block for support: what the task was, where it stands, each step, and this app's version. No
     * client token (it is a key to the request) and no credentials.
     */
    public String diagnostics(String customerName, String appVersion) {
        TaskProgress p = progress.get();
        StringBuilder b = new StringBuilder("Co-Sell Console diagnostics\n");
        line(b, "App version", appVersion);
        if (p != null) {
            TaskKind kind = TaskKind.of(p);
            if (kind.isAboutInvitation()) line(b, "Task", kind.operation());
            line(b, kind.isAboutInvitation() ? "Invitation" : "Opportunity", p.request().opportunityId());
            line(b, "Created opportunity", TaskKind.createdOpportunityId(p));
            line(b, "Customer", customerName);
            line(b, "Catalog", p.request().catalog().wire());
            line(b, "Involvement", p.request().involvementType().wire()
                    + (p.request().visibility() == null ? "" : " / " + p.request().visibility().wire()));
            line(b, "Attempt", String.valueOf(p.attempt()));
            line(b, "TaskId", p.taskId());
            line(b, "TaskArn", p.taskArn());
            line(b, "Status", p.status() == null ? "NOT STARTED" : p.status().name());
            line(b, "ReasonCode", p.reasonCode());
            if (p.failure() != null) {
                line(b, "Call failure", p.failure().kind() + (p.failure().errorCode() == null ? "" : " " + p.failure().errorCode()));
                line(b, "Call failure message", p.failure().message());
                line(b, "Request id", p.failure().requestId());
            }
            line(b, "Message", p.message());
            line(b, "Requested at", p.requestedAt() == null ? null : p.requestedAt().toString());
            line(b, "Start time", p.startTime() == null ? null : p.startTime().toString());
            line(b, "Ended at", p.endedAt() == null ? null : p.endedAt().toString());
            line(b, "EngagementId", p.engagementId());
            line(b, "EngagementInvitationId", p.engagementInvitationId());
            line(b, "ResourceSnapshotJobId", p.resourceSnapshotJobId());
            b.append("Steps:\n");
            for (StepProgress s : p.steps()) {
                String operation = kind.stepOperation(s.step());
                if (operation.isEmpty()) continue;
                b.append("  ").append(operation).append(": ").append(s.state());
                if (s.startedAt() != null) b.append(", started ").append(s.startedAt());
                if (s.endedAt() != null) b.append(", ended ").append(s.endedAt());
                if (s.resultId() != null) b.append(", id ").append(s.resultId());
                b.append('\n');
            }
        }
        FailureAdvice a = advice.get();
        if (a != null) line(b, "Advice", a.code() + " - " + a.title());
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) b.append(name).append(": ").append(value).append('\n');
    }
}
