package app.cosell.store;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The opportunities of one connection and catalog as last seen, with the sync's bookkeeping: each row's list
 * columns and the row itself as JSON, the full record when one was fetched, when it was fetched, and whether the
 * service no longer lists it ("gone"). Also the key/value sync state and the call ledger (the day's reads and
 * writes). Thread-safe.
 */
public final class PipelineStore implements AutoCloseable {

    /**
     * Stores a row ({@link #bindRow}'s parameters) as listed (not gone): a new one, or over the stored one, which keeps
     * its record and the sync that last saw it.
     */
    private static final String UPSERT_ROW = """
            INSERT INTO opportunities (id, customer, title, stage, review_status, last_modified, summary_json,
                                       fetched_at, seen_sync, gone)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT(id) DO UPDATE SET customer = excluded.customer, title = excluded.title,
                stage = excluded.stage, review_status = excluded.review_status,
                last_modified = excluded.last_modified, summary_json = excluded.summary_json,
                fetched_at = excluded.fetched_at, gone = 0""";

    /** {@link #UPSERT_ROW}, the stored row also marked seen by the sync that binds it. */
    private static final String UPSERT_ROW_SEEN = UPSERT_ROW + ", seen_sync = excluded.seen_sync";

    private final Database db;
    private final ObjectMapper json;
    private final CallLedger ledger;
    private final ObjectWriter compact;

    /** One row as stored. {@code record} is the full record (GetOpportunity), null until fetched. */
    public record StoredRow(OpportunitySummary summary, boolean gone, Instant fetchedAt, Opportunity record,
                            Instant recordFetchedAt) {}

    /** What merging one page changed: rows new to the store, rows whose LastModifiedDate moved (or came back). */
    public record Merge(int added, int changed, int unchanged) {
        public Merge plus(Merge o) { return new Merge(added + o.added, changed + o.changed, unchanged + o.unchanged); }

        public static final Merge NONE = new Merge(0, 0, 0);
    }

    private PipelineStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = Objects.requireNonNull(json, "json");
        this.ledger = new CallLedger(db);
        this.compact = json.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** Opens (creating and migrating) the pipeline file; {@code json} is the app's one mapper. */
    public static PipelineStore open(Path file, ObjectMapper json) {
        return new PipelineStore(Database.open(file), json);
    }

    public Path file() { return db.file(); }

    public CallLedger ledger() { return ledger; }

    /** Rows not gone, most recently modified first. */
    public List<StoredRow> rows() { return rows(Integer.MAX_VALUE); }

    /** The first {@code limit} rows not gone, most recently modified first (the launch shows these at once). */
    public List<StoredRow> rows(int limit) {
        return db.read(c -> {
            List<StoredRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT summary_json, gone, fetched_at, record_json, record_fetched"
                    + " FROM opportunities WHERE gone = 0 ORDER BY last_modified DESC, id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(row(r));
                }
            }
            return out;
        });
    }

    /**
     * Which stored rows a view reads: stages and review statuses (empty: any) and a customer name prefix (blank: any),
     * matched in SQL so that a view of 10,000 rows out of 100,000 reads only those.
     */
    public record RowFilter(Set<Stage> stages, Set<ReviewStatus> reviewStatuses, String customerPrefix) {
        public static final RowFilter ANY = new RowFilter(Set.of(), Set.of(), "");

        public RowFilter {
            stages = Set.copyOf(stages == null ? Set.of() : stages);
            reviewStatuses = Set.copyOf(reviewStatuses == null ? Set.of() : reviewStatuses);
            customerPrefix = customerPrefix == null ? "" : customerPrefix.strip();
        }
    }

    /**
     * The rows not gone that pass {@code filter}, most recently modified first, handed to {@code chunk} {@code size}
     * at a time as they are read, so the first rows can be shown before the last are read. {@code chunk} returns
     * false to stop reading. The customer prefix ignores case (ASCII, as SQLite's LIKE does).
     */
    public void readRows(RowFilter filter, int size, Predicate<List<StoredRow>> chunk) {
        StringBuilder where = new StringBuilder(" WHERE gone = 0");
        List<String> args = new ArrayList<>();
        if (!filter.stages().isEmpty()) {
            where.append(" AND stage IN (").append(String.join(",", Collections.nCopies(filter.stages().size(), "?"))).append(')');
            filter.stages().forEach(st -> args.add(st.wire()));
        }
        if (!filter.reviewStatuses().isEmpty()) {
            where.append(" AND review_status IN (")
                    .append(String.join(",", Collections.nCopies(filter.reviewStatuses().size(), "?"))).append(')');
            filter.reviewStatuses().forEach(r -> args.add(r.wire()));
        }
        if (!filter.customerPrefix().isEmpty()) {
            where.append(" AND customer LIKE ? ESCAPE '\\'");
            args.add(filter.customerPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        // Chunk by chunk, each in a read of its own (the store is not held while the caller takes a chunk in), each
        // starting after the last row of the one before: the dated rows newest first, then (in practice none: the
        // service dates every row) the undated ones.
        String select = "SELECT summary_json, gone, fetched_at, record_json, record_fetched, last_modified, id"
                + " FROM opportunities" + where;
        if (!readAfter(select + " AND last_modified IS NOT NULL", true, args, size, chunk)) return;
        readAfter(select + " AND last_modified IS NULL", false, args, size, chunk);
    }

    /**
     * One kind of rows, chunk by chunk: by (last_modified, id) descending when {@code dated}, else by id descending.
     * Returns false when the caller stopped.
     */
    private boolean readAfter(String select, boolean dated, List<String> args, int size,
                              Predicate<List<StoredRow>> chunk) {
        String order = dated ? " ORDER BY last_modified DESC, id DESC LIMIT ?" : " ORDER BY id DESC LIMIT ?";
        long[] lastModified = new long[1];
        String[] lastId = new String[1];
        while (true) {
            boolean first = lastId[0] == null;
            String sql = select + (first ? "" : dated ? " AND (last_modified, id) < (?, ?)" : " AND id < ?") + order;
            List<StoredRow> out = new ArrayList<>(size);
            db.read(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    for (String a : args) s.setString(i++, a);
                    if (!first && dated) s.setLong(i++, lastModified[0]);
                    if (!first) s.setString(i++, lastId[0]);
                    s.setInt(i, size);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.add(row(r));
                            lastModified[0] = r.getLong(6);
                            lastId[0] = r.getString(7);
                        }
                    }
                }
                return null;
            });
            if (out.isEmpty()) return true;
            if (!chunk.test(out)) return false;
            if (out.size() < size) return true;
        }
    }

    /** One row, gone or not. */
    public Optional<StoredRow> row(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT summary_json, gone, fetched_at, record_json, record_fetched"
                    + " FROM opportunities WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    /** How many rows are stored and not gone. */
    public int count() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM opportunities WHERE gone = 0");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    private StoredRow row(ResultSet r) throws SQLException {
        String summary = r.getString(1);
        boolean gone = r.getInt(2) != 0;
        Instant fetched = Instant.ofEpochMilli(r.getLong(3));
        String record = r.getString(4);
        long recordAt = r.getLong(5);
        Instant recordFetched = r.wasNull() ? null : Instant.ofEpochMilli(recordAt);
        return new StoredRow(parse(summary, OpportunitySummary.class), gone, fetched,
                record == null ? null : parse(record, Opportunity.class), recordFetched);
    }

    /**
     * Merges one page of ListOpportunities into the store, in one transaction together with {@code state} (the
     * sync's progress), so a crash leaves either the whole page and its bookkeeping or neither. Each row is marked
     * seen by sync {@code generation} (see {@link #markUnseenGone}). A row the list gives without a title keeps the
     * title it had (ListOpportunities carries none; GetOpportunity does).
     */
    public Merge mergePage(List<OpportunitySummary> page, long generation, Instant now, Map<String, String> state) {
        return db.inTransaction(c -> {
            int added = 0, changed = 0, unchanged = 0;
            try (PreparedStatement find = c.prepareStatement("SELECT last_modified, gone, title FROM opportunities WHERE id = ?");
                 PreparedStatement upsert = c.prepareStatement(UPSERT_ROW_SEEN)) {
                for (OpportunitySummary row : page) {
                    if (row == null || row.id() == null) continue;
                    OpportunitySummary merged = row;
                    find.setString(1, row.id());
                    try (ResultSet r = find.executeQuery()) {
                        if (!r.next()) {
                            added++;
                        } else {
                            long was = r.getLong(1);
                            boolean wasNull = r.wasNull();
                            boolean gone = r.getInt(2) != 0;
                            String title = r.getString(3);
                            long now2 = millis(row.lastModifiedDate());
                            if (gone || wasNull != (row.lastModifiedDate() == null) || was != now2) changed++;
                            else unchanged++;
                            if (row.projectTitle() == null && title != null) merged = withTitle(row, title);
                        }
                    }
                    bindRow(upsert, merged, now, generation);
                    upsert.executeUpdate();
                }
            }
            putState(c, state);
            return new Merge(added, changed, unchanged);
        });
    }

    /** Marks every row not seen by sync {@code generation} gone (the end of a full sync); returns how many. */
    public int markUnseenGone(long generation, Map<String, String> state) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement s = c.prepareStatement("UPDATE opportunities SET gone = 1 WHERE gone = 0 AND seen_sync <> ?")) {
                s.setLong(1, generation);
                n = s.executeUpdate();
            }
            putState(c, state);
            return n;
        });
    }

    /** Marks one row gone (GetOpportunity answered that it does not exist); true if it was listed. */
    public boolean markGone(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE opportunities SET gone = 1 WHERE id = ? AND gone = 0")) {
                s.setString(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    /**
     * Stores a full record (GetOpportunity) and the row it implies; the row keeps what the record does not carry.
     * A record older than the stored row (a sync saw a newer version meanwhile) only fills the record columns.
     */
    public void saveRecord(Opportunity record, Instant now) {
        db.inTransaction(c -> {
            OpportunitySummary was = null;
            long wasModified = Long.MIN_VALUE;
            try (PreparedStatement s = c.prepareStatement("SELECT summary_json, last_modified FROM opportunities WHERE id = ?")) {
                s.setString(1, record.id());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        was = parse(r.getString(1), OpportunitySummary.class);
                        wasModified = r.getLong(2);
                    }
                }
            }
            if (was == null || millis(record.lastModifiedDate()) >= wasModified) {
                try (PreparedStatement upsert = c.prepareStatement(UPSERT_ROW)) {
                    bindRow(upsert, OpportunitySummary.of(record, was), now, 0);
                    upsert.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE opportunities SET record_json = ?, record_fetched = ? WHERE id = ?")) {
                s.setString(1, write(record));
                s.setLong(2, now.toEpochMilli());
                s.setString(3, record.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A value of the sync state, if set. */
    public Optional<String> state(String key) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Sets values of the sync state in one transaction (a null value removes the key). */
    public void putState(Map<String, String> values) {
        db.inTransaction(c -> {
            putState(c, values);
            return null;
        });
    }

    private static void putState(java.sql.Connection c, Map<String, String> values) throws SQLException {
        if (values == null || values.isEmpty()) return;
        try (PreparedStatement put = c.prepareStatement(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
             PreparedStatement remove = c.prepareStatement("DELETE FROM sync_state WHERE key = ?")) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getValue() == null) {
                    remove.setString(1, e.getKey());
                    remove.executeUpdate();
                } else {
                    put.setString(1, e.getKey());
                    put.setString(2, e.getValue());
                    put.executeUpdate();
                }
            }
        }
    }

    private void bindRow(PreparedStatement s, OpportunitySummary row, Instant now, long generation) throws SQLException {
        s.setString(1, row.id());
        s.setString(2, row.customerCompanyName());
        s.setString(3, row.projectTitle());
        s.setString(4, row.stageRaw());
        s.setString(5, row.reviewStatusRaw());
        if (row.lastModifiedDate() == null) s.setNull(6, java.sql.Types.INTEGER);
        else s.setLong(6, row.lastModifiedDate().toEpochMilli());
        s.setString(7, write(row));
        s.setLong(8, now.toEpochMilli());
        s.setLong(9, generation);
    }

    private static long millis(Instant i) { return i == null ? 0 : i.toEpochMilli(); }

    static OpportunitySummary withTitle(OpportunitySummary r, String title) {
        return new OpportunitySummary(r.id(), r.arn(), r.catalog(), r.partnerOpportunityIdentifier(),
                r.customerCompanyName(), r.countryCode(), title, r.stage(), r.stageRaw(), r.reviewStatus(),
                r.reviewStatusRaw(), r.targetCloseDate(), r.expectedMonthlySpend(), r.createdDate(), r.lastModifiedDate(),
                r.industry(), r.city());
    }

    private String write(Object value) {
        try {
            return compact.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not encode " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("Unreadable " + type.getSimpleName() + " in " + db.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() { db.close(); }
}
