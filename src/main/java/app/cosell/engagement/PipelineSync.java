package app.cosell.engagement;

import app.cosell.model.FailureKind;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySortKey;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.partner.PartnerCentral;
import app.cosell.store.PipelineStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pipeline store in step with Partner Central.
 *
 * <p><b>Full sync</b> (the first one, and Shift+F5): every page of ListOpportunities, newest first, each page merged
 * in its own transaction; each row is stamped with the sync's generation, and at the end every row this generation
 * did not see is marked <i>gone</i> (one UPDATE). <b>Incremental sync</b> (F5, every later launch): only rows
 * modified after the watermark (the newest LastModifiedDate seen), oldest first, so each page moves the watermark
 * forward in the same transaction as its rows; a sync killed half-way resumes where its last page ended.
 * The query reaches back {@link #OVERLAP} before the watermark so rows sharing the watermark's time are never
 * skipped (they come back unchanged).
 *
 * <p><b>Gone rows, cheaply</b>: Partner Central has no delete call and no change feed of deletions; a row can only
 * stop being listed (another partner user, an unassigned opportunity, a reset Sandbox). An incremental query cannot
 * see that. Checking ids in batches (ListOpportunities' Identifier filter, 20 ids a call) costs five times the calls
 * of a full listing (100 rows a call), so gone rows are found by (1) every full sync, at no extra call, and (2) a
 * GetOpportunity that answers ResourceNotFound (on selection, or the background record fetch), which marks that
 * row at once. A full sync is due when the last one is older than {@link #FULL_SYNC_AGE}.
 */
public final class PipelineSync {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineSync.class);

    public static final int PAGE_SIZE = 100;
    public static final Duration OVERLAP = Duration.ofSeconds(1);
    public static final Duration FULL_SYNC_AGE = Duration.ofDays(7);
    static final String WATERMARK = "watermark";
    static final String FULL_AT = "full.completedAt";
    static final String GENERATION = "generation";
    static final String LAST_SYNC_AT = "sync.completedAt";

    private final PartnerCentral partnerCentral;
    private final PipelineStore store;
    private final Clock clock;

    /** What one sync did. {@code calls}: ListOpportunities calls it made. */
    public record Result(boolean full, int calls, int added, int changed, int removed, Duration elapsed) {}

    /** Told after each page is stored (on the syncing thread). */
    @FunctionalInterface
    public interface PageListener {
        void pageStored(List<OpportunitySummary> rows, PipelineStore.Merge merge);

        PageListener NONE = (rows, merge) -> { };
    }

    public PipelineSync(PartnerCentral partnerCentral, PipelineStore store, Clock clock) {
        this.partnerCentral = Objects.requireNonNull(partnerCentral, "partnerCentral");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PipelineStore store() { return store; }

    /** When the last full sync completed, if one did. */
    public Optional<Instant> lastFullSync() { return store.state(FULL_AT).map(Instant::parse); }

    /** When the last sync (of either kind) completed: the "as of" of the stored rows. */
    public Optional<Instant> lastSync() { return lastSync(store); }

    /** When {@code store} was last synced (any sync that completed), without a connection. */
    public static Optional<Instant> lastSync(PipelineStore store) { return store.state(LAST_SYNC_AT).map(Instant::parse); }

    /** Whether the next sync must be a full one (none completed yet, or the last is too old to trust gone rows). */
    public boolean needsFull() {
        Optional<Instant> full = lastFullSync();
        return full.isEmpty() || store.state(WATERMARK).isEmpty()
                || full.get().plus(FULL_SYNC_AGE).isBefore(clock.instant());
    }

    /** The read calls a full sync would take now (one per page of the rows stored). */
    public long fullSyncReads() { return store.count() / PAGE_SIZE + 1; }

    /**
     * Syncs: incremental unless {@code full} is asked or {@link #needsFull()}. Blocking; interrupt to stop. One sync at
     * a time: a second caller waits for the first (then usually finds nothing new).
     */
    public synchronized Result sync(boolean full, PageListener listener) {
        return full || needsFull() ? fullSync(listener) : incrementalSync(listener);
    }

    private Result fullSync(PageListener listener) {
        long started = System.nanoTime();
        long generation = store.state(GENERATION).map(Long::parseLong).orElse(0L) + 1;
        store.putState(Map.of(GENERATION, Long.toString(generation)));
        OpportunityQuery query = OpportunityQuery.all().sortedBy(OpportunitySortKey.LAST_MODIFIED, false);
        Paged paged = pageThrough(query, generation, null, false, listener);
        Instant newest = paged.newest();
        Instant now = clock.instant();
        Map<String, String> state = new HashMap<>();
        state.put(FULL_AT, now.toString());
        state.put(LAST_SYNC_AT, now.toString());
        String previous = store.state(WATERMARK).orElse(null);
        newest = later(newest, previous == null ? null : Instant.parse(previous));
        if (newest != null) state.put(WATERMARK, newest.toString());
        int gone = store.markUnseenGone(generation, state);
        Result result = new Result(true, paged.calls(), paged.total().added(), paged.total().changed(), gone, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Full sync of {}: {}", partnerCentral.catalog(), result);
        return result;
    }

    private Result incrementalSync(PageListener listener) {
        long started = System.nanoTime();
        long generation = store.state(GENERATION).map(Long::parseLong).orElse(0L);
        Instant watermark = Instant.parse(store.state(WATERMARK).orElseThrow());
        OpportunityQuery query = OpportunityQuery.all().sortedBy(OpportunitySortKey.LAST_MODIFIED, true)
                .modifiedAfter(watermark.minus(OVERLAP));
        Paged paged = pageThrough(query, generation, watermark, true, listener);
        store.putState(Map.of(LAST_SYNC_AT, clock.instant().toString()));
        Result result = new Result(false, paged.calls(), paged.total().added(), paged.total().changed(), 0, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Incremental sync of {}: {}", partnerCentral.catalog(), result);
        return result;
    }

    /** What paging through a query came to: the list calls, the merged counts, the newest modification seen. */
    private record Paged(int calls, PipelineStore.Merge total, Instant newest) {}

    /**
     * Pages through {@code query} to its end, merging each page into the store as seen in {@code generation} and
     * telling {@code listener}. {@code newest} starts the running newest modification; with {@code pageSetsWatermark}
     * each page's merge also stores it as the watermark, so a sync stopped midway resumes after the last page stored.
     */
    private Paged pageThrough(OpportunityQuery query, long generation, Instant newest, boolean pageSetsWatermark,
                              PageListener listener) {
        PipelineStore.Merge total = PipelineStore.Merge.NONE;
        int calls = 0;
        String token = null;
        do {
            checkInterrupted();
            OpportunityPage page = partnerCentral.listOpportunities(query, token, PAGE_SIZE);
            calls++;
            for (OpportunitySummary r : page.opportunities()) newest = later(newest, r.lastModifiedDate());
            Map<String, String> state = pageSetsWatermark ? Map.of(WATERMARK, newest.toString()) : Map.of();
            PipelineStore.Merge merge = store.mergePage(page.opportunities(), generation, clock.instant(), state);
            total = total.plus(merge);
            listener.pageStored(page.opportunities(), merge);
            token = page.nextToken();
        } while (token != null);
        return new Paged(calls, total, newest);
    }

    /**
     * Fetches one full record (GetOpportunity) and stores it with its row; a record the service no longer has
     * marks the row gone and is rethrown.
     */
    public Opportunity fetchRecord(String id) {
        try {
            Opportunity o = partnerCentral.getOpportunity(id);
            store.saveRecord(o, clock.instant());
            return o;
        } catch (PartnerCentralFailure f) {
            if (f.kind() == FailureKind.NOT_FOUND) store.markGone(id);
            throw f;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.isAfter(a) ? b : a;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw PartnerCentralFailure.of(FailureKind.NETWORK, "Sync stopped", new InterruptedException());
        }
    }
}
