package app.cosell.ui.batch;

import app.cosell.engagement.BatchTriage;
import app.cosell.model.BatchItemState;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One opportunity in the batch view: how triage judged it, then how its task goes. Changed on the FX thread only.
 */
public final class BatchRow {

    private final String opportunityId;
    private final ReadOnlyStringWrapper customer = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<BatchTriage.Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BatchItemState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskProgress> task = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ObjectProperty<List<Tag>> extraTags = new SimpleObjectProperty<>(List.of());
    private int position = -1;

    BatchRow(String opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String opportunityId() { return opportunityId; }

    public ReadOnlyStringProperty customerProperty() { return customer.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<BatchTriage.Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }

    public BatchTriage.Verdict verdict() { return verdict.get(); }

    /** Why triage blocked it, or what went wrong, in plain words. */
    public ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<BatchItemState> stateProperty() { return state.getReadOnlyProperty(); }

    public BatchItemState state() { return state.get(); }

    /** The latest snapshot of its task once sent: the step it is on, the ids, the failure. */
    public ReadOnlyObjectProperty<TaskProgress> taskProperty() { return task.getReadOnlyProperty(); }

    public TaskProgress task() { return task.get(); }

    /** The advice's title for a failed task, else empty. */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }

    /** Tags this row adds to the batch's own (editable until the batch starts). */
    public ObjectProperty<List<Tag>> extraTagsProperty() { return extraTags; }

    int position() { return position; }

    void judged(BatchTriage.Entry entry, String reasonText) {
        customer.set(entry.customer());
        verdict.set(entry.verdict());
        reason.set(reasonText == null ? "" : reasonText);
    }

    void queued(int newPosition, BatchItemState newState) {
        position = newPosition;
        state.set(newState);
    }

    void progressed(BatchItemState newState, TaskProgress latest, String outcomeText) {
        state.set(newState);
        if (latest != null) task.set(latest);
        if (outcomeText != null) outcome.set(outcomeText);
    }
}
