package app.cosell.store;

import java.util.List;

/**
 * The store's schema as a list of forward migrations: migration {@code n} (1-based) takes a file from version
 * {@code n-1} to {@code n}. Never edit a released migration; append a new one (the batch queue and the watcher's
 * state will come as migrations 2, 3 … when those features land). The version lives in SQLite's
 * {@code PRAGMA user_version}, written in the same transaction as the migration.
 */
final class Schema {

    private Schema() {}

    static final List<List<String>> MIGRATIONS = List.of(
            // 1: the pipeline (list columns, the row as JSON, the full record when fetched), sync state, the call
            // ledger, task history and saved views.
            List.of("""
                    CREATE TABLE opportunities (
                        id               TEXT PRIMARY KEY,
                        customer         TEXT,
                        title            TEXT,
                        stage            TEXT,
                        review_status    TEXT,
                        last_modified    INTEGER,
                        summary_json     TEXT NOT NULL,
                        record_json      TEXT,
                        record_fetched   INTEGER,
                        fetched_at       INTEGER NOT NULL,
                        seen_sync        INTEGER NOT NULL DEFAULT 0,
                        gone             INTEGER NOT NULL DEFAULT 0
                    )""",
                    "CREATE INDEX opportunities_by_last_modified ON opportunities(last_modified DESC)",
                    "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    """
                    CREATE TABLE call_ledger (
                        minute     INTEGER NOT NULL,
                        kind       TEXT NOT NULL,
                        calls      INTEGER NOT NULL DEFAULT 0,
                        throttled  INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (minute, kind)
                    )""",
                    """
                    CREATE TABLE task_history (
                        local_id       TEXT PRIMARY KEY,
                        opportunity_id TEXT,
                        requested_at   INTEGER,
                        ended          INTEGER NOT NULL,
                        json           TEXT NOT NULL
                    )""",
                    "CREATE TABLE saved_views (name TEXT PRIMARY KEY, json TEXT NOT NULL, saved_at INTEGER NOT NULL)"),
            // 2: batch engagement: each batch, its items (the client token saved before each Start), their tags
            // (position -1: the batch's own).
            List.of("""
                    CREATE TABLE batch (
                        id TEXT PRIMARY KEY, catalog TEXT NOT NULL, involvement TEXT NOT NULL, visibility TEXT,
                        status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE batch_item (
                        batch_id TEXT NOT NULL REFERENCES batch(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                        opportunity_id TEXT NOT NULL, customer TEXT, state TEXT NOT NULL, blocked_reason TEXT,
                        local_id TEXT, client_token TEXT, sent_at TEXT, task_id TEXT, outcome TEXT, message TEXT,
                        updated_at TEXT NOT NULL, PRIMARY KEY (batch_id, position))""",
                    """
                    CREATE TABLE batch_tag (
                        batch_id TEXT NOT NULL REFERENCES batch(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                        ord INTEGER NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL,
                        PRIMARY KEY (batch_id, position, ord))"""),
            // 3: the list reads the stored rows chunk by chunk, each chunk after the last row of the one before.
            List.of("CREATE INDEX opportunities_by_last_modified_id ON opportunities(last_modified DESC, id DESC)",
                    "DROP INDEX opportunities_by_last_modified"));

    /** The version this build writes. */
    static int current() { return MIGRATIONS.size(); }
}
