package app.cosell.ui.opportunities;

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

/** Task snapshots for model tests. */
public final class Tasks {

    private Tasks() {}

    public static TaskProgress complete(String localId, String opportunityId) {
        return task(localId, opportunityId, TaskStatus.COMPLETE, TaskStep.values().length, null, null, null);
    }

    public static TaskProgress failed(String localId, String opportunityId) {
        return task(localId, opportunityId, TaskStatus.FAILED, 1, TaskStep.CREATE_ENGAGEMENT,
                "EngagementValidationFailed", "The opportunity, has \"problems\"");
    }

    public static TaskProgress running(String localId, String opportunityId) {
        return task(localId, opportunityId, TaskStatus.IN_PROGRESS, 2, null, null, null);
    }

    static TaskProgress task(String localId, String opportunityId, TaskStatus status, int done, TaskStep failedAt,
                             String reason, String message) {
        List<StepProgress> steps = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(localId.hashCode() & 0xffff);
        for (TaskStep s : TaskStep.values()) {
            StepState st = s.ordinal() < done ? StepState.DONE
                    : s == failedAt ? StepState.FAILED
                    : status == TaskStatus.IN_PROGRESS && s.ordinal() == done ? StepState.RUNNING : StepState.PENDING;
            steps.add(new StepProgress(s, st, null, null, null));
        }
        boolean ok = status == TaskStatus.COMPLETE;
        return new TaskProgress(localId,
                new StartEngagementRequest(Catalog.Sandbox, opportunityId, InvolvementType.CO_SELL, Visibility.FULL, List.of()),
                "token-" + localId, 1, "task-" + localId, "arn:task-" + localId, status, t0, t0,
                status.isEnd() ? t0.plusSeconds(30) : null, steps, ok ? "eng-1" : null, ok ? "inv-1" : null,
                ok ? "job-1" : null, reason, message, null, t0);
    }
}
