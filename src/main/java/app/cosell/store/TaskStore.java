package app.cosell.store;

import app.cosell.model.TaskProgress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task history's rows in the app-wide store: one row per task (its latest snapshot as JSON), so a progress
 * snapshot is one upsert instead of rewriting every task. Also a small key/value table for one-off markers
 * (the JSON history's import). Thread-safe.
 */
public final class TaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(TaskStore.class);
    private final Database db;
    private final ObjectMapper json;
    private final ObjectWriter compact;

    public TaskStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.compact = json.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    public Database database() { return db; }

    /** Every stored snapshot (unreadable rows are skipped and logged, never fatal). */
    public List<TaskProgress> all() {
        return db.read(c -> {
            List<TaskProgress> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT local_id, json FROM task_history");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    try {
                        out.add(json.readValue(r.getString(2), TaskProgress.class));
                    } catch (JsonProcessingException | RuntimeException e) {
                        LOG.warn("Task {} in {} is unreadable and skipped: {}", r.getString(1), db.file(), e.getMessage());
                    }
                }
            }
            return out;
        });
    }

    /** Writes one snapshot (replacing the task's earlier one): one statement, one transaction. */
    public void save(TaskProgress progress) {
        String text = encode(progress);
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO task_history (local_id, opportunity_id, requested_at, ended, json) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(local_id) DO UPDATE SET opportunity_id = excluded.opportunity_id,
                        requested_at = excluded.requested_at, ended = excluded.ended, json = excluded.json""")) {
                bind(s, progress, text);
                return s.executeUpdate();
            }
        });
    }

    /** Writes many snapshots in one transaction (the import of the JSON history). */
    public void saveAll(Collection<TaskProgress> tasks, String marker) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO task_history"
                    + " (local_id, opportunity_id, requested_at, ended, json) VALUES (?, ?, ?, ?, ?)")) {
                for (TaskProgress t : tasks) {
                    bind(s, t, encode(t));
                    s.executeUpdate();
                }
            }
            if (marker != null) {
                try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)")) {
                    s.setString(1, marker);
                    s.setString(2, "true");
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Whether a one-off marker was set (with {@link #saveAll}). */
    public boolean hasMarker(String marker) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sync_state WHERE key = ?")) {
                s.setString(1, marker);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Removes tasks (the history's trimming). */
    public void delete(Collection<String> localIds) {
        if (localIds.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM task_history WHERE local_id = ?")) {
                for (String id : localIds) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement s, TaskProgress t, String text) throws java.sql.SQLException {
        s.setString(1, t.localId());
        s.setString(2, t.request().opportunityId());
        if (t.requestedAt() == null) s.setNull(3, java.sql.Types.INTEGER);
        else s.setLong(3, t.requestedAt().toEpochMilli());
        s.setInt(4, t.isEnded() ? 1 : 0);
        s.setString(5, text);
    }

    private String encode(TaskProgress t) {
        try {
            return compact.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not encode task " + t.localId() + ": " + e.getMessage(), e);
        }
    }
}
