package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.EngagementState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Keeps rows current: the latest engagement task per opportunity, and a row whose task has ended is fetched again
 * (GetOpportunity, in the background) and its fresh record handed on. FX thread.
 */
final class RowRefresher {

    private final OpportunitySource source;
    private final Background background;
    /** Told each fresh record (the façade puts its row in place and tells the detail pane). */
    private final Consumer<Opportunity> onFresh;
    private final ObservableMap<String, TaskProgress> latestTasks = FXCollections.observableHashMap();
    private boolean tasksSeen;

    RowRefresher(OpportunitySource source, Background background, Consumer<Opportunity> onFresh) {
        this.source = source;
        this.background = background;
        this.onFresh = onFresh;
    }

    ObservableMap<String, TaskProgress> latestTasks() { return latestTasks; }

    EngagementState engagementStateOf(OpportunitySummary row) {
        return row == null ? EngagementState.NONE : EngagementState.of(latestTasks.get(row.id()));
    }

    /**
     * Takes the task history in (newest first): keeps the latest task per opportunity. When a task has ended since the
     * last call (COMPLETE or FAILED), the service has changed its opportunity: that row is fetched again. The first
     * call only takes the history in.
     */
    void updateTasks(List<TaskProgress> newestFirst) {
        Map<String, TaskProgress> latest = new HashMap<>();
        for (TaskProgress t : newestFirst) {
            if (t.request() != null) latest.putIfAbsent(t.request().opportunityId(), t);
        }
        List<String> ended = new ArrayList<>();
        if (tasksSeen) latest.forEach((id, t) -> {
            TaskProgress was = latestTasks.get(id);
            if (t.isEnded() && (was == null || !was.isEnded() || !was.localId().equals(t.localId()))) ended.add(id);
        });
        tasksSeen = true;
        latestTasks.keySet().retainAll(latest.keySet());
        latest.forEach((id, t) -> { if (!t.equals(latestTasks.get(id))) latestTasks.put(id, t); });
        ended.forEach(this::refresh);
    }

    /** Fetches one opportunity again; a failure leaves the row as it was (F5 still reloads everything). */
    void refresh(String id) {
        background.run(() -> source.get(id), onFresh, error -> {});
    }
}
