/**
 * The embedded SQLite store, the only package that speaks SQL (depends on {@code model} only). Files in the app's
 * data folder ({@link app.cosell.store.StoreFiles}): {@code cosell.db} app-wide (task history, saved views) and
 * one {@code pipeline-<connection>-<catalog>.db} per connection and catalog (opportunities, sync state, the call
 * ledger). Every file has the same schema ({@link app.cosell.store.Schema}), migrated forward when opened; a file
 * from a newer version is refused untouched ({@link app.cosell.store.StoreTooNewException}). WAL journal,
 * owner-only permissions, one connection per file under a lock.
 */
package app.cosell.store;
