package app.cosell.ui.progress;

import app.cosell.engagement.FailureAdvice;
import app.cosell.model.CallFailure;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
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
 * snapshots ({@link #show}) and clock ticks ({@link #tick}); no controls, so a plain unit test covers it.
 */
public final class TaskProgressModel {

    /** One step of the stepper. */
    public static final class StepRow {
        private final TaskStep step;
        private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(this, "state", StepState.PENDING);
        private final ReadOnlyObjectWrapper<Duration> time = new ReadOnlyObjectWrapper<>(this, "time");
        private final ReadOnlyStringWrapper resultId = new ReadOnlyStringWrapper(this, "resultId");
        private Instant startedAt;

        StepRow(TaskStep step) { this.step = step; }

        public TaskStep step() { return step; }
        public ReadOnlyObjectProperty<StepState> stateProperty() { return state.getReadOnlyProperty(); }
        /** How long the step took, or has been running so far; null before it started. */
        public ReadOnlyObjectProperty<Duration> timeProperty() { return time.getReadOnlyProperty(); }
        public ReadOnlyStringProperty resultIdProperty() { return resultId.getReadOnlyProperty(); }

        void show(StepProgress p, Instant now) {
            state.set(p.state());
            resultId.set(p.resultId());
            startedAt = p.startedAt();
            // A step that started and ended at the same observation was never seen running (its evidence came
            // with a later step's, or the task answered at once): its own time is unknown, so none is shown
            // rather than a misleading "0.0 s".
            if (p.startedAt() == null || p.startedAt().equals(p.endedAt())) time.set(null);
            else time.set(Duration.between(p.startedAt(), p.endedAt() != null ? p.endedAt() : now));
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
    /** The opportunity an accepted AWS referral created (null for other kinds, and until it is known). */
    public ReadOnlyStringProperty createdOpportunityIdProperty() { return createdOpportunityId.getReadOnlyProperty(); }

    /** Shows a new snapshot of the task. */
    public void show(TaskProgress p, Instant now) {
        progress.set(p);
        for (StepProgress s : p.steps()) row(s.step()).show(s, now);
        // A call failure (a refused start, lost connection or sign-in) ends the app's part just like a FAILED task.
        CallFailure callFailure = p.failure();
        boolean isFailed = p.status() == TaskStatus.FAILED || callFailure != null;
        boolean isComplete = p.status() == TaskStatus.COMPLETE;
        running.set(!p.isEnded() && callFailure == null);
        refused.set(callFailure != null && p.taskId() == null);
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
        createdOpportunityId.set(app.cosell.model.TaskKind.createdOpportunityId(p));
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
        refused.set(progress.get() == null || progress.get().taskId() == null);
        reasonCode.set(f.errorCode() != null ? f.errorCode() : f.kind().name());
        message.set(f.getMessage());
        advice.set(failureAdvisor.apply(f));
        TaskProgress p = progress.get();
        if (p != null && p.endedAt() == null) elapsed.set(p.requestedAt() == null ? Duration.ZERO : Duration.between(p.requestedAt(), now));
    }

    /** Advances the clocks of a running task (the view calls this every second). */
    public void tick(Instant now) {
        TaskProgress p = progress.get();
        if (p == null || failed.get() && !p.isEnded() || p.failure() != null) return;
        Instant from = p.requestedAt() != null ? p.requestedAt() : p.startTime();
        if (from == null) return;
        Instant to = p.isEnded() && p.endedAt() != null ? p.endedAt() : now;
        elapsed.set(to.isBefore(from) ? Duration.ZERO : Duration.between(from, to));
        if (!p.isEnded()) for (StepRow r : rowList) r.tick(now);
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
            app.cosell.model.TaskKind kind = app.cosell.model.TaskKind.of(p);
            if (kind.isAboutInvitation()) line(b, "Task", kind.operation());
            line(b, kind.isAboutInvitation() ? "Invitation" : "Opportunity", p.request().opportunityId());
            line(b, "Created opportunity", app.cosell.model.TaskKind.createdOpportunityId(p));
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
