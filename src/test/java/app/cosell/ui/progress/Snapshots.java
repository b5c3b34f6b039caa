package app.cosell.ui.progress;

import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import app.cosell.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Task snapshots for tests of the progress views: one place that knows how a {@link TaskProgress} is built. */
public final class Snapshots {

    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    public static final StartEngagementRequest REQUEST =
            new StartEngagementRequest(Catalog.Sandbox, "O1234567", InvolvementType.CO_SELL, Visibility.FULL, List.of());

    private Snapshots() {}

    /** Steps before {@code running} done (one second each), {@code running} running since then, the rest pending. */
    public static TaskProgress runningAt(TaskStep running) { return runningAt(REQUEST, running); }

    public static TaskProgress runningAt(StartEngagementRequest r, TaskStep running) {
        List<StepProgress> steps = new ArrayList<>();
        for (TaskStep s : TaskStep.values()) {
            int i = s.ordinal();
            if (i < running.ordinal()) {
                steps.add(new StepProgress(s, StepState.DONE, T0.plusSeconds(i), T0.plusSeconds(i + 1), resultOf(s)));
            } else if (s == running) {
                steps.add(new StepProgress(s, StepState.RUNNING, T0.plusSeconds(i), null, null));
            } else {
                steps.add(StepProgress.pending(s));
            }
        }
        return progress(r, TaskStatus.IN_PROGRESS, steps, null, null, null, null, null, null);
    }

    public static TaskProgress complete() { return complete(REQUEST); }

    public static TaskProgress complete(StartEngagementRequest r) {
        List<StepProgress> steps = new ArrayList<>();
        for (TaskStep s : TaskStep.values()) {
            int i = s.ordinal();
            steps.add(new StepProgress(s, StepState.DONE, T0.plusSeconds(i), T0.plusSeconds(i + 1), resultOf(s)));
        }
        return progress(r, TaskStatus.COMPLETE, steps, T0.plusSeconds(6), "eng-1", "engi-1", "rsj-1", null, null);
    }

    public static TaskProgress failedAt(TaskStep failing, String reasonCode, String message) {
        return failedAt(REQUEST, failing, reasonCode, message);
    }

    public static TaskProgress failedAt(StartEngagementRequest r, TaskStep failing, String reasonCode, String message) {
        List<StepProgress> steps = new ArrayList<>();
        for (TaskStep s : TaskStep.values()) {
            int i = s.ordinal();
            if (i < failing.ordinal()) {
                steps.add(new StepProgress(s, StepState.DONE, T0.plusSeconds(i), T0.plusSeconds(i + 1), resultOf(s)));
            } else if (s == failing) {
                steps.add(new StepProgress(s, StepState.FAILED, T0.plusSeconds(i), T0.plusSeconds(i + 2), null));
            } else {
                steps.add(StepProgress.pending(s));
            }
        }
        return progress(r, TaskStatus.FAILED, steps, T0.plusSeconds(failing.ordinal() + 2), null, null, null, reasonCode, message);
    }

    private static String resultOf(TaskStep s) {
        return switch (s) {
            case CREATE_ENGAGEMENT -> "eng-1";
            case CREATE_RESOURCE_SNAPSHOT -> "1";
            case CREATE_RESOURCE_SNAPSHOT_JOB -> "rsj-1";
            case CREATE_ENGAGEMENT_INVITATION -> "engi-1";
            default -> null;
        };
    }

    /** Before the service answered: no task id, every step pending. */
    public static TaskProgress requested(StartEngagementRequest r) {
        List<StepProgress> steps = new ArrayList<>();
        for (TaskStep s : TaskStep.values()) steps.add(StepProgress.pending(s));
        return new TaskProgress("local-" + r.opportunityId(), r, "tok-1", 1, null, null, null, T0, null, null, steps,
                null, null, null, null, null, null, T0);
    }

    static TaskProgress progress(StartEngagementRequest r, TaskStatus status, List<StepProgress> steps, Instant endedAt, String engagementId,
                                         String invitationId, String jobId, String reasonCode, String message) {
        return new TaskProgress("local-" + r.opportunityId(), r, "tok-1", 1, "task-abc", "arn:aws:partnercentral:us-east-1::task/task-abc",
                status, T0, T0, endedAt, steps, engagementId, invitationId, jobId, reasonCode, message, null, T0);
    }
}
