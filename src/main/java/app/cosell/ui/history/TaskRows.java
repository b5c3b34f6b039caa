package app.cosell.ui.history;

import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.EngagementState;
import java.util.Locale;

/** How a task reads in lists (history table, detail pane): its state, the step it is at, and its outcome. */
public final class TaskRows {

    private TaskRows() {}

    public static EngagementState state(TaskProgress t) { return EngagementState.of(t); }

    public static String statusText(TaskProgress t) { return Messages.of("engagement", state(t)); }

    public static String statusStyle(TaskProgress t) {
        return "state-" + state(t).name().toLowerCase(Locale.ROOT);
    }

    /** The step running now, the step that failed, or the last step done; null before any step is known. */
    public static TaskStep currentStep(TaskProgress t) {
        TaskStep last = null;
        for (StepProgress s : t.steps()) {
            if (s.state() == StepState.FAILED || s.state() == StepState.RUNNING) return s.step();
            if (s.state() == StepState.DONE) last = s.step();
        }
        return last;
    }

    /** The created engagement and invitation, or the failure's reason code and message. */
    public static String outcome(TaskProgress t) {
        return switch (state(t)) {
            case ENGAGED -> Messages.format("task.outcome.engaged", nz(t.engagementId()), nz(t.engagementInvitationId()));
            case FAILED -> t.reasonCode() == null && t.message() == null && t.failure() != null
                    // Refused before there was a task (or tracking lost its connection): the call's own words.
                    ? Messages.format(t.taskId() == null ? "task.outcome.refused" : "task.outcome.stopped",
                            t.failure().message() != null ? t.failure().message()
                                    : t.failure().errorCode() != null ? t.failure().errorCode() : t.failure().kind().name())
                    : t.reasonCode() == null && t.message() == null ? Messages.get("task.outcome.failedUnknown")
                    : Messages.format("task.outcome.failed", nz(t.reasonCode()), nz(t.message()));
            case RUNNING, STARTING -> {
                TaskStep s = currentStep(t);
                yield s == null ? Messages.get("task.outcome.waiting") : Messages.format("task.outcome.at", stepName(s));
            }
            case NONE -> "";
        };
    }

    /** A step in the rep's words ("Create the engagement"). */
    public static String stepName(TaskStep s) { return Messages.get("progress.step." + s.name()); }

    private static String nz(String s) { return s == null ? "—" : s; }
}
