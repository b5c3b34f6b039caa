package app.cosell.store;

import app.cosell.model.Batch;
import app.cosell.model.BatchItem;
import app.cosell.model.BatchItemState;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch queue: batches and their items in SQLite, each change committed before the caller goes on — above all
 * an item's client token, which is on disk before its Start is sent. Thread-safe (the store's one connection).
 */
public final class BatchQueue implements AutoCloseable {

    private final Database database;
    private final boolean ownsDatabase;

    /** Over an open store whose schema has the batch tables; the caller closes the store. */
    public BatchQueue(Database database) {
        this(database, false);
    }

    private BatchQueue(Database database, boolean ownsDatabase) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
    }

    /** The queue in the app-wide store of {@code dataDir} ({@link StoreFiles#APP_FILE}); close it when done. */
    public static BatchQueue open(java.nio.file.Path dataDir) {
        return new BatchQueue(Database.open(StoreFiles.appFile(dataDir)), true);
    }

    @Override
    public void close() {
        if (ownsDatabase) database.close();
    }

    /** Saves a new batch and all its items in one transaction. */
    public void create(Batch batch, List<BatchItem> items) {
        database.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO batch(id, catalog, involvement, visibility, status, created_at, updated_at) "
                            + "VALUES (?,?,?,?,?,?,?)")) {
                p.setString(1, batch.id());
                p.setString(2, batch.catalog().wire());
                p.setString(3, batch.involvementType().wire());
                p.setString(4, batch.visibility() == null ? null : batch.visibility().wire());
                p.setString(5, batch.status().name());
                p.setString(6, batch.createdAt().toString());
                p.setString(7, batch.updatedAt().toString());
                p.executeUpdate();
            }
            insertTags(db, batch.id(), -1, batch.tags());
            for (BatchItem item : items) {
                insertItem(db, item);
                insertTags(db, batch.id(), item.position(), item.extraTags());
            }
            return null;
        });
    }

    /** Records the batch's new status. */
    public void setStatus(String batchId, Batch.Status status, Instant now) {
        database.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE batch SET status = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, status.name());
                p.setString(2, now.toString());
                p.setString(3, batchId);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Replaces an item's state (its tags never change after creation); committed when this returns. */
    public void update(BatchItem item) {
        database.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement("""
                    UPDATE batch_item SET state = ?, blocked_reason = ?, local_id = ?, client_token = ?, sent_at = ?,
                      task_id = ?, outcome = ?, message = ?, updated_at = ? WHERE batch_id = ? AND position = ?""")) {
                p.setString(1, item.state().name());
                p.setString(2, item.blockedReason());
                p.setString(3, item.localId());
                p.setString(4, item.clientToken());
                p.setString(5, text(item.sentAt()));
                p.setString(6, item.taskId());
                p.setString(7, item.outcome());
                p.setString(8, item.message());
                p.setString(9, item.updatedAt().toString());
                p.setString(10, item.batchId());
                p.setInt(11, item.position());
                if (p.executeUpdate() != 1) throw new SQLException("No item " + item.position() + " in " + item.batchId());
            }
            return null;
        });
    }

    public Optional<Batch> batch(String batchId) {
        return database.read(db -> {
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM batch WHERE id = ?")) {
                p.setString(1, batchId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(batchOf(db, r)) : Optional.<Batch>empty();
                }
            }
        });
    }

    /** Every batch, newest first. */
    public List<Batch> batches() {
        return database.read(db -> {
            List<Batch> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM batch ORDER BY created_at DESC, id DESC");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(batchOf(db, r));
            }
            return out;
        });
    }

    /** The newest batch still running or paused, if any (what {@code --resume} continues by default). */
    public Optional<Batch> lastOpen() {
        return batches().stream().filter(b -> b.status().isOpen()).findFirst();
    }

    /** The batch's items in their order. */
    public List<BatchItem> items(String batchId) {
        return database.read(db -> {
            Map<Integer, List<Tag>> tags = tags(db, batchId);
            List<BatchItem> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement(
                    "SELECT * FROM batch_item WHERE batch_id = ? ORDER BY position")) {
                p.setString(1, batchId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        int position = r.getInt("position");
                        out.add(new BatchItem(batchId, position, r.getString("opportunity_id"), r.getString("customer"),
                                tags.getOrDefault(position, List.of()), BatchItemState.valueOf(r.getString("state")),
                                r.getString("blocked_reason"), r.getString("local_id"), r.getString("client_token"),
                                instant(r.getString("sent_at")), r.getString("task_id"), r.getString("outcome"),
                                r.getString("message"), instant(r.getString("updated_at"))));
                    }
                }
            }
            return out;
        });
    }

    private Batch batchOf(Connection db, ResultSet r) throws SQLException {
        String id = r.getString("id");
        String visibility = r.getString("visibility");
        return new Batch(id, Catalog.fromWire(r.getString("catalog")),
                InvolvementType.fromWire(r.getString("involvement")),
                visibility == null ? null : Visibility.fromWire(visibility),
                tags(db, id).getOrDefault(-1, List.of()), Batch.Status.valueOf(r.getString("status")),
                instant(r.getString("created_at")), instant(r.getString("updated_at")));
    }

    private Map<Integer, List<Tag>> tags(Connection db, String batchId) throws SQLException {
        Map<Integer, List<Tag>> out = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT position, tag_key, tag_value FROM batch_tag WHERE batch_id = ? ORDER BY position, ord")) {
            p.setString(1, batchId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.computeIfAbsent(r.getInt(1), k -> new ArrayList<>())
                        .add(new Tag(r.getString(2), r.getString(3)));
            }
        }
        return out;
    }

    private void insertItem(Connection db, BatchItem item) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("""
                INSERT INTO batch_item(batch_id, position, opportunity_id, customer, state, blocked_reason, local_id,
                  client_token, sent_at, task_id, outcome, message, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            p.setString(1, item.batchId());
            p.setInt(2, item.position());
            p.setString(3, item.opportunityId());
            p.setString(4, item.customer());
            p.setString(5, item.state().name());
            p.setString(6, item.blockedReason());
            p.setString(7, item.localId());
            p.setString(8, item.clientToken());
            p.setString(9, text(item.sentAt()));
            p.setString(10, item.taskId());
            p.setString(11, item.outcome());
            p.setString(12, item.message());
            p.setString(13, item.updatedAt().toString());
            p.executeUpdate();
        }
    }

    private void insertTags(Connection db, String batchId, int position, List<Tag> tags) throws SQLException {
        if (tags.isEmpty()) return;
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO batch_tag(batch_id, position, ord, tag_key, tag_value) VALUES (?,?,?,?,?)")) {
            for (int i = 0; i < tags.size(); i++) {
                p.setString(1, batchId);
                p.setInt(2, position);
                p.setInt(3, i);
                p.setString(4, tags.get(i).key());
                p.setString(5, tags.get(i).value());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static String text(Instant instant) { return instant == null ? null : instant.toString(); }

    private static Instant instant(String text) { return text == null ? null : Instant.parse(text); }
}
