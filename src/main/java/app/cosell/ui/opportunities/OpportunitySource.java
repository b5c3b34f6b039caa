package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the opportunity screens read from: one page of the list, one full record. Blocking; called off the FX
 * thread. {@code AppContext} backs it with the Partner Central gateway of the current connection.
 */
public interface OpportunitySource {

    /** One page of the list. {@code nextToken} null for the first page; the answer's token null after the last. */
    Page list(OpportunityFilter filter, String nextToken, int maxResults) throws Exception;

    Opportunity get(String id) throws Exception;

    // --- the pipeline store (store feature): a source that keeps the list on disk -----------------------------------

    /** Whether this source keeps the list on disk ({@link #stored}, {@link #sync}); else the list pages the service. */
    default boolean keepsStore() { return false; }

    /** How many rows are stored for this connection (what a full reload reads again). Only when {@link #keepsStore()}. */
    default int storedCount() throws Exception { throw new UnsupportedOperationException("no store"); }

    /**
     * The stored rows that pass {@code filter}, most recently modified first, handed to {@code chunk} as they are
     * read, a few hundred at a time, so the first can be shown before the last are read; {@code chunk} is called at
     * least once (with no rows when none pass) and answers false to stop. Each chunk carries when the rows were last
     * synced (null when never) and the readiness of its rows. Only when {@link #keepsStore()}.
     */
    default void readStored(OpportunityFilter filter, Predicate<Stored> chunk) throws Exception {
        throw new UnsupportedOperationException("no store");
    }

    /**
     * Brings the store up to date: only what changed, or every page when {@code full}; each page stored goes to
     * {@code pageStored} (on the syncing thread). Returns whether any stored row changed. Only when
     * {@link #keepsStore()}.
     */
    default boolean sync(boolean full, java.util.function.Consumer<List<OpportunitySummary>> pageStored) throws Exception {
        throw new UnsupportedOperationException("no store");
    }

    /** The day's calls for the status bar's tooltip, or null when unknown. */
    default app.cosell.engagement.CallBudget.Usage usage() { return null; }

    /**
     * The Readiness column's verdict for {@code row} given its full record ({@code null}: not fetched). Computation
     * only (no call); the engagement package decides.
     */
    default app.cosell.engagement.ListReadiness.Verdict readiness(OpportunitySummary row, Opportunity record) {
        return app.cosell.engagement.ListReadiness.Verdict.NOT_CHECKED;
    }

    /** Where the rep's saved views are kept, or null when nowhere. */
    default SavedView.Storage savedViews() { return null; }

    /** Stored rows, when they were synced, and the readiness of each (from the stored records), by id. */
    record Stored(List<OpportunitySummary> rows, java.time.Instant asOf,
                  java.util.Map<String, app.cosell.engagement.ListReadiness.Verdict> readiness) {
        public Stored {
            rows = List.copyOf(rows);
            readiness = java.util.Map.copyOf(readiness == null ? java.util.Map.of() : readiness);
        }

        public Stored(List<OpportunitySummary> rows, java.time.Instant asOf) { this(rows, asOf, null); }
    }

    record Page(List<OpportunitySummary> items, String nextToken) {
        public Page {
            items = List.copyOf(items);
            if (nextToken != null && nextToken.isEmpty()) nextToken = null;
        }
    }
}
