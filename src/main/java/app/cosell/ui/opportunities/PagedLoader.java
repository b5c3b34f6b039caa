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
     * first connection is made, then (once {@link #continuePreview} says it is made) the sync, as SYNC would.
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
    /** The launch's preview of the stored rows, until the connection's load takes it over or another load begins. */
    private Preview preview;

    PagedLoader(OpportunitySource source, Background background, TableFeed feed, StoreListener store) {
        this.source = source;
        this.background = background;
        this.feed = feed;
        this.store = store;
    }

    /** Starts load {@code gen} (just begun by the feed) with filter {@code f}. FX thread. */
    void load(int gen, OpportunityFilter f, Kind kind) {
        abandonPreview();
        if (source.keepsStore() && kind == Kind.PREVIEW) {
            preview = new Preview(gen, f);
            Preview p = preview;
            background.run(() -> readStored(gen, f), total -> {
                p.read = true;
                p.total = total;
                if (p.go) sync(p.gen, p.filter, Kind.SYNC, p.total > 0);
            }, error -> { if (preview == p) preview = null; }); // the connection's load will read them again
            return;
        }
        if (source.keepsStore()) {
            background.run(() -> readStored(gen, f), total -> {
                if (kind != Kind.STORED && feed.isCurrent(gen)) sync(gen, f, kind, total > 0);
                else end(gen, false);
            }, error -> feed.end(gen, error));
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
     * The connection is made: the launch's preview goes on with the sync once its stored rows are read (they stay;
     * none is read twice). Returns false when there is no preview to go on with (the caller then starts a load). FX
     * thread.
     */
    boolean continuePreview() {
        Preview p = preview;
        preview = null;
        if (p == null || !feed.isCurrent(p.gen)) return false;
        p.go = true;
        if (p.read) sync(p.gen, p.filter, Kind.SYNC, p.total > 0);
        return true;
    }

    /** The preview stops where it is (another load begins, or connecting failed): its rows stay. FX thread. */
    void abandonPreview() { preview = null; }

    /** The launch's preview of the stored rows: its load, and whether it was read and may go on into the sync. */
    private static final class Preview {
        final int gen;
        final OpportunityFilter filter;
        boolean read;
        boolean go;
        int total;

        Preview(int gen, OpportunityFilter filter) {
            this.gen = gen;
            this.filter = filter;
        }
    }

    /**
     * Background: the stored rows of the view (filtered by the store) go to the table chunk by chunk, the first at
     * once. Returns how many rows are stored in all.
     */
    private int readStored(int gen, OpportunityFilter f) throws Exception {
        int total = source.storedCount();
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
        return total;
    }

    /**
     * Syncs the store in the background, then ends load {@code gen}. On a first launch (nothing stored) the synced
     * pages go to the table as they arrive; otherwise the rows are read again once the sync changed any. FX thread.
     */
    private void sync(int gen, OpportunityFilter f, Kind kind, boolean hadRows) {
        background.run(() -> {
            if (!feed.isCurrent(gen)) return false;
            boolean changed = source.sync(kind == Kind.FULL, page -> {
                if (hadRows || !feed.isCurrent(gen)) return;
                feed.offer(gen, page.stream().filter(f::matchesStored).toList());
            });
            CallBudget.Usage u = source.usage();
            background.onFx(() -> store.synced(gen, u));
            return hadRows && changed && feed.isCurrent(gen);
        }, reread -> end(gen, reread), error -> feed.end(gen, error));
    }

    private void end(int gen, boolean reread) {
        feed.end(gen, null);
        background.onFx(() -> {
            if (feed.isCurrent(gen)) store.ended(gen, reread);
        });
    }
}
