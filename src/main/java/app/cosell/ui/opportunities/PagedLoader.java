package app.cosell.ui.opportunities;

import app.cosell.engagement.CallBudget;
import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.Background;
import java.util.List;

/**
 * A load's background side: pages the service (ListOpportunities, {@value #PAGE_SIZE} rows a call), or with a store
 * reads the stored rows and then syncs; every page goes to the {@link TableFeed}, which decides when the table gets
 * it. A load whose number is no longer the feed's current one stops.
 */
final class PagedLoader {

    /** Rows per ListOpportunities call: the service's maximum. */
    static final int PAGE_SIZE = 100;

    /**
     * What a load does with the store; without one every kind pages the service. PREVIEW: the stored rows while the
     * first connection is made; it never ends by itself (the connection's load replaces it, or a failure stops it).
     */
    enum Kind { PREVIEW, STORED, SYNC, FULL }

    /** Told, on the FX thread, what a store-backed load found (each call names its load). */
    interface StoreListener {
        /** A chunk of the stored rows was read ({@code first}: the load's first; {@code total}: how many are stored). */
        void storedRead(int gen, OpportunitySource.Stored chunk, int total, boolean first);

        /** A sync ended; {@code usage}: the day's calls after it. */
        void synced(int gen, CallBudget.Usage usage);

        /** The load ended well; {@code reread}: the sync changed rows that were on screen, read them again. */
        void ended(int gen, boolean reread);
    }

    private final OpportunitySource source;
    private final Background background;
    private final TableFeed feed;
    private final StoreListener store;

    PagedLoader(OpportunitySource source, Background background, TableFeed feed, StoreListener store) {
        this.source = source;
        this.background = background;
        this.feed = feed;
        this.store = store;
    }

    /** Starts load {@code gen} (just begun by the feed) with filter {@code f}. FX thread. */
    void load(int gen, OpportunityFilter f, Kind kind) {
        if (source.keepsStore()) {
            background.run(() -> loadFromStore(gen, f, kind), reread -> {
                if (kind == Kind.PREVIEW) return;
                feed.end(gen, null);
                background.onFx(() -> {
                    if (feed.isCurrent(gen)) store.ended(gen, reread);
                });
            }, error -> {
                if (kind != Kind.PREVIEW) feed.end(gen, error); // else the connection's load will say what is wrong
            });
            return;
        }
        background.run(() -> {
            String token = null;
            boolean first = true;
            do {
                if (!feed.isCurrent(gen)) return false;
                OpportunitySource.Page page = source.list(f, token, PAGE_SIZE);
                if (!feed.isCurrent(gen)) return false;
                feed.offer(gen, page.items());
                token = page.nextToken();
                // The frames that swap the first rows in are the load's heaviest: the next request waits for them.
                if (first && token != null) feed.awaitFirstRowsShown();
                first = false;
            } while (token != null);
            return true;
        }, finished -> feed.end(gen, null), error -> feed.end(gen, error));
    }

    /**
     * The store-backed load, on the background thread: the stored rows (filtered by the store) go to the table chunk by
     * chunk, the first at once; then,
     * unless only the stored rows were asked, a sync. On a first launch (nothing stored) the synced pages go to the
     * table as they arrive; otherwise the rows are read again once the sync changed any. Returns whether to read
     * again.
     */
    private boolean loadFromStore(int gen, OpportunityFilter f, Kind kind) throws Exception {
        int total = source.storedCount();
        boolean hadRows = total > 0;
        boolean[] first = {true};
        source.readStored(f, chunk -> {
            if (!feed.isCurrent(gen)) return false;
            boolean isFirst = first[0];
            first[0] = false;
            background.onFx(() -> store.storedRead(gen, chunk, total, isFirst));
            feed.offer(gen, chunk.rows());
            if (isFirst && !chunk.rows().isEmpty()) {
                try {
                    feed.awaitFirstRowsShown(); // the frames that show the first rows go before the rest
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        });
        if (!feed.isCurrent(gen) || kind == Kind.STORED || kind == Kind.PREVIEW) return false;
        boolean changed = source.sync(kind == Kind.FULL, page -> {
            if (hadRows || !feed.isCurrent(gen)) return;
            feed.offer(gen, page.stream().filter(f::matchesStored).toList());
        });
        CallBudget.Usage u = source.usage();
        background.onFx(() -> store.synced(gen, u));
        return hadRows && changed && feed.isCurrent(gen);
    }
}
