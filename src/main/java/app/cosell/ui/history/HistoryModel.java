package app.cosell.ui.history;

import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.opportunities.EngagementState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The history screen: every task of the persisted history (newest first), a status filter, and CSV export of what
 * the filter shows.
 */
public final class HistoryModel {

    /** The status filter: everything, or tasks in one state. */
    public enum StatusFilter {
        ALL, RUNNING, ENGAGED, FAILED;

        boolean accepts(TaskProgress t) {
            EngagementState s = EngagementState.of(t);
            return switch (this) {
                case ALL -> true;
                case RUNNING -> s == EngagementState.RUNNING || s == EngagementState.STARTING;
                case ENGAGED -> s == EngagementState.ENGAGED;
                case FAILED -> s == EngagementState.FAILED;
            };
        }
    }

    static final List<String> CSV_HEADER = List.of("local_id", "requested_at", "opportunity_id", "catalog",
            "involvement_type", "visibility", "status", "step", "task_id", "engagement_id",
            "engagement_invitation_id", "resource_snapshot_job_id", "reason_code", "message");

    private final TaskHistoryFeed feed;
    private final Background background;
    private final ObservableList<TaskProgress> tasks = FXCollections.observableArrayList();
    private final FilteredList<TaskProgress> shown = new FilteredList<>(tasks);
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.ALL);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");

    public HistoryModel(TaskHistoryFeed feed, Background background) {
        this.feed = feed;
        this.background = background;
        statusFilter.addListener((o, was, now) -> shown.setPredicate(now == null || now == StatusFilter.ALL ? null : now::accepts));
    }

    public ObservableList<TaskProgress> shownTasks() { return shown; }

    public ObjectProperty<StatusFilter> statusFilterProperty() { return statusFilter; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    /** Reads the history again (in the background). */
    public void reload(Consumer<Throwable> onFailure) {
        loading.set(true);
        background.run(feed::all, all -> {
            loading.set(false);
            tasks.setAll(all);
        }, e -> {
            loading.set(false);
            onFailure.accept(e);
        });
    }

    /** The tasks the filter shows, as CSV (RFC 4180, header row). */
    public String csv() { return csv(List.copyOf(shown)); }

    static String csv(List<TaskProgress> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", CSV_HEADER)).append("\r\n");
        for (TaskProgress t : rows) {
            TaskStep step = TaskRows.currentStep(t);
            List<Object> cells = java.util.Arrays.asList(t.localId(), t.requestedAt(),
                    t.request() == null ? null : t.request().opportunityId(),
                    t.request() == null ? null : t.request().catalog().wire(),
                    t.request() == null ? null : t.request().involvementType().wire(),
                    t.request() == null || t.request().visibility() == null ? null : t.request().visibility().wire(),
                    t.status(), step == null ? null : step.operation(), t.taskId(), t.engagementId(),
                    t.engagementInvitationId(), t.resourceSnapshotJobId(), t.reasonCode(), t.message());
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) out.append(',');
                out.append(quote(cells.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String quote(Object value) {
        if (value == null) return "";
        String s = value.toString();
        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || !s.equals(value.toString())) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Writes {@link #csv()} to {@code file} in the background (atomically: a half-written file never appears). */
    public void export(Path file, Runnable onDone, Consumer<Throwable> onFailure) {
        String content = csv();
        background.run(() -> {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicNotSupported) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        }, f -> onDone.run(), onFailure);
    }
}
