package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.Background;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the rows of a load to the table, and alone knows frames. Pages arrive from any thread ({@link #offer}); on
 * the FX thread the first page goes to {@link #rows} at once, later pages are held back until the table needs them:
 * when the load ends, when the rep scrolls near the end of the rows shown ({@link #rowShown}), searches, sorts or
 * opens a row ({@link #showAllLoaded}), or every {@link #HOLD_LIMIT} of a very long load. Every change of the row
 * count makes the table lay out and restyle each visible row again, so a few large hand-overs keep the FX thread free
 * where one per page would stall it; each turn still adds at most {@value #MAX_ROWS_PER_TURN} rows. A reload keeps the
 * rows of the previous load on screen until its first page replaces them, in two steps a frame apart when the count
 * changes (an empty table would make the table build all its cells again).
 */
final class TableFeed {

    private static final Logger LOG = LoggerFactory.getLogger(TableFeed.class);

    /** Most rows added to the list in one FX-thread turn; more wait for the next turn (keeps frames short). */
    static final int MAX_ROWS_PER_TURN = 1000;
    /** Least time between two turns that take fetched pages in after the first page of a load. */
    static final Duration APPEND_INTERVAL = Duration.ofMillis(250);
    /** Longest time rows are held back from the table while a long load goes on (100,000 rows take minutes). */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(3);
    /**
     * Longest wait, after the first page of a load, for the table to show it: the frames that swap the rows in are the
     * heaviest of the load, so the second page is fetched once they are drawn (a bound: a window without frames loads).
     */
    static final Duration FIRST_PAGE_WAIT = Duration.ofSeconds(1);
    /** A row this close to the end of the rows shown asks for the rows held back. */
    static final int NEAR_END_ROWS = 40;

    private final Background background;
    /** Told after every step (rows handed over or counted); then once a load ended, with its outcome. */
    private final Runnable onProgress;
    private final BiConsumer<Boolean, Throwable> onEnded;

    private final ObservableList<OpportunitySummary> rows = FXCollections.observableArrayList();
    /** Incremented by every new load; a background loop whose number is no longer current stops. */
    private final AtomicInteger generation = new AtomicInteger();
    /** Pages fetched but not yet taken in, tagged with the load they belong to. */
    private final ConcurrentLinkedQueue<Arrived> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** When the next append may happen ({@link System#nanoTime}); 0: at once (the first page of a load). */
    private volatile long nextAppendAt;
    /** Counted down once the first rows of the current load are on screen (the load's loop waits for it). */
    private volatile CountDownLatch firstPageShown = new CountDownLatch(0);
    /** The ids in {@link #rows} and {@link #held}: a row fetched on its own (opened) is not added twice. */
    private final Set<String> ids = new HashSet<>();
    /** Rows of the current load fetched but not handed to the table yet, in server order. FX thread. */
    private final List<OpportunitySummary> held = new ArrayList<>();
    // The state of one load's hand-over (FX thread); see the package comment's diagram.
    /** True while {@link #rows} still shows the previous load (until the first page of this one replaces them). */
    private boolean stale;
    /** While the first page of a reload replaces the previous rows in two steps: how many rows it brings. */
    private int swapSize;
    /** Step two of that swap may go: a frame was drawn since step one. */
    private boolean swapReady;
    /** The current load's rows have been handed to the table once (its first page). */
    private boolean firstHandedOver;
    /** Held rows go to the table turn by turn until none are left (the load ended, or the table asked for them). */
    private boolean handingOverAll;
    /** When rows were last handed to the table ({@link System#nanoTime}). */
    private long handedOverAt;
    /** The end of the current load, once taken in: applied when no rows are held any more. */
    private Arrived ended;
    /** Rows are being swapped for a reload, or the row of this id for its fresher copy (see {@link #isReplacing}). */
    private boolean reloading;
    private String replacing;
    /** The table asked for the held rows; they go after the frame being laid out. */
    private boolean nearEndAsked;

    TableFeed(Background background, Runnable onProgress, BiConsumer<Boolean, Throwable> onEnded) {
        this.background = background;
        this.onProgress = onProgress;
        this.onEnded = onEnded;
    }

    /** The rows handed to the table, in server order (until a reload's first page: the previous load's). */
    ObservableList<OpportunitySummary> rows() { return rows; }

    /** Starts a new load (abandoning the one under way; its rows stay on screen for now). FX thread. */
    int begin() {
        int gen = generation.incrementAndGet();
        arrived.clear();
        stale = !rows.isEmpty();
        held.clear();
        firstHandedOver = false;
        handingOverAll = false;
        swapSize = 0;
        swapReady = false;
        ended = null;
        ids.clear();
        nextAppendAt = 0;
        drainScheduled.set(false); // a paced drain still waiting drains nothing of this load early: harmless
        firstPageShown.countDown(); // a load abandoned while it waited goes on to notice it
        firstPageShown = new CountDownLatch(1);
        return gen;
    }

    /** Whether {@code gen} is the load under way. Any thread. */
    boolean isCurrent(int gen) { return generation.get() == gen; }

    int generation() { return generation.get(); }

    /** A page of load {@code gen} arrived. Any thread. */
    void offer(int gen, List<OpportunitySummary> page) {
        arrived.add(new Arrived(gen, page, false, null));
        scheduleDrain();
    }

    /** Load {@code gen} ended: once the rows still queued are in (turn by turn), it is marked finished. Any thread. */
    void end(int gen, Throwable error) {
        if (!isCurrent(gen)) return;
        arrived.add(new Arrived(gen, List.of(), error == null, error));
        scheduleDrain();
    }

    /**
     * On the load's background thread, after its first page: waits (bounded) until the table has drawn it, when there
     * are frames to wait for.
     */
    void awaitFirstRowsShown() throws InterruptedException {
        CountDownLatch shown = firstPageShown;
        if (background.drawsFrames()) shown.await(FIRST_PAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the load under way (keeps the rows loaded so far). FX thread. */
    void stop() {
        generation.incrementAndGet();
        firstPageShown.countDown();
        arrived.clear();
        dropStaleRows();
        showAllLoaded();
        ended = null;
    }

    /** True while rows of the load under way are held back from {@link #rows}. */
    boolean hasHeldRows() { return !held.isEmpty(); }

    /** The rows held back (e.g. for the records check). */
    List<OpportunitySummary> heldRows() { return held; }

    /** Hands every row loaded so far to {@link #rows} now; rows arriving later are held back again. FX thread. */
    void showAllLoaded() {
        if (held.isEmpty()) return;
        handOver(held.size(), false);
        finishIfEnded();
        onProgress.run();
    }

    /** The table shows row {@code index} of {@code shown}: near the end, held rows come (after this layout pass). */
    void rowShown(int index, int shown) {
        if (held.isEmpty() || index < shown - NEAR_END_ROWS || nearEndAsked) return;
        nearEndAsked = true;
        background.afterNextFrame(() -> background.onFx(() -> {
            nearEndAsked = false;
            showAllLoaded();
        }));
    }

    /** Rows of the current load: handed to the table or held back. */
    int loadedCount() { return (stale ? 0 : rows.size()) + held.size(); }

    /** Where the row of {@code id} is in {@link #rows}, or -1 (also when it is held back, or the rows are stale). */
    int indexOf(String id) {
        if (stale || !ids.contains(id)) return -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id().equals(id)) return i;
        return -1;
    }

    /** A row fetched on its own (opened) joins the rows, once. FX thread. */
    void addOpened(OpportunitySummary row) {
        dropStaleRows();
        showAllLoaded();
        if (indexOf(row.id()) >= 0) return;
        rows.add(row);
        ids.add(row.id());
    }

    /** The fresh record of {@code id}: its row (held or shown) is replaced by the fresher copy when it differs. */
    void refreshed(String id, Opportunity full) {
        for (int h = 0; h < held.size(); h++) {
            if (held.get(h).id().equals(id)) held.set(h, OpportunitySummary.of(full, held.get(h)));
        }
        int i = indexOf(id);
        if (i < 0) return;
        OpportunitySummary fresh = OpportunitySummary.of(full, rows.get(i));
        if (fresh.equals(rows.get(i))) return;
        replacing = id;
        try {
            rows.set(i, fresh);
        } finally {
            replacing = null;
        }
    }

    /**
     * True while the row of {@code id} is being replaced by its fresher copy, or all rows are swapped for a reload:
     * a view losing its selection then keeps showing the row's details.
     */
    boolean isReplacing(String id) { return reloading || id.equals(replacing); }

    /** True while rows are being swapped for a reload, or one row for its fresher copy. */
    boolean isReplacingRows() { return reloading || replacing != null; }

    /** The rows of the previous load go (the new one has none, failed, or the rep asked for a row). */
    void dropStaleRows() {
        firstPageShown.countDown();
        swapSize = 0;
        swapReady = false;
        if (!stale) return;
        reloading = true;
        try {
            rows.clear();
        } finally {
            reloading = false;
        }
        stale = false;
    }

    private void scheduleDrain() {
        if (!drainScheduled.compareAndSet(false, true)) return;
        Runnable drain = () -> {
            drainScheduled.set(false);
            drain(MAX_ROWS_PER_TURN);
        };
        long wait = nextAppendAt - System.nanoTime();
        if (nextAppendAt == 0 || wait <= 0) background.onFx(drain);
        else background.onFxAfter(Duration.ofNanos(wait), drain);
    }

    /**
     * Takes the fetched pages of the current load in (held back, counted) and hands rows to the table when it is time:
     * the first page at once, everything once the load ended (at most {@code limit} rows a turn), and everything held
     * for {@link #HOLD_LIMIT}.
     */
    private void drain(int limit) {
        int gen = generation.get();
        Arrived a;
        while ((a = arrived.poll()) != null) {
            if (a.generation() != gen) continue;
            for (OpportunitySummary s : a.rows()) if (ids.add(s.id())) held.add(s);
            if (a.isEnd()) {
                ended = a;
                break;
            }
        }
        if (ended != null || (firstHandedOver && System.nanoTime() - handedOverAt >= HOLD_LIMIT.toNanos())) {
            handingOverAll = true;
        }
        if (!firstHandedOver || handingOverAll) handOver(limit, true);
        if (ended != null && stale && held.isEmpty()) dropStaleRows(); // the load ended without rows
        if (firstHandedOver) nextAppendAt = Math.max(1, System.nanoTime() + APPEND_INTERVAL.toNanos());
        finishIfEnded();
        onProgress.run();
        if (handingOverAll && !held.isEmpty()) {
            // The rest once the next frame is drawn (a reload's swap waiting for its frame drains then anyway).
            if (!(stale && swapSize > 0) && drainScheduled.compareAndSet(false, true)) {
                background.afterNextFrame(() -> background.onFx(() -> {
                    drainScheduled.set(false);
                    drain(MAX_ROWS_PER_TURN);
                }));
            }
        } else if (!arrived.isEmpty()) {
            scheduleDrain();
        }
    }

    /**
     * Moves up to {@code limit} held rows to {@link #rows}; the first rows of a reload replace the previous load's, in
     * two steps a frame apart when {@code inTwoSteps} and the row count changes (else at once: the rep asked).
     */
    private void handOver(int limit, boolean inTwoSteps) {
        if (held.isEmpty()) return;
        List<OpportunitySummary> batch = held.subList(0, Math.min(limit, held.size()));
        if (stale && inTwoSteps && swapSize == 0 && rows.size() != batch.size()) {
            // Step one: the row count becomes the first rows' while the rows on screen stay as they are; a frame
            // later step two swaps the rows themselves (a count change and new rows at once make the costliest frame).
            swapSize = batch.size();
            reloading = true;
            try {
                if (rows.size() > swapSize) rows.remove(swapSize, rows.size());
                else rows.addAll(batch.subList(rows.size(), swapSize));
            } finally {
                reloading = false;
            }
            int gen = generation.get();
            background.afterNextFrame(() -> background.onFx(() -> {
                if (generation.get() != gen || !stale) return;
                swapReady = true;
                drain(MAX_ROWS_PER_TURN);
            }));
            return;
        }
        if (stale && inTwoSteps && swapSize > 0) {
            if (!swapReady) return; // step two waits for its frame
            batch = held.subList(0, swapSize);
        }
        swapReady = false;
        swapSize = 0;
        if (stale) {
            reloading = true;
            try {
                rows.setAll(batch);
            } finally {
                reloading = false;
            }
            stale = false;
        } else {
            rows.addAll(batch);
        }
        batch.clear();
        firstHandedOver = true;
        background.afterNextFrame(firstPageShown::countDown);
        handedOverAt = System.nanoTime();
        if (held.isEmpty()) handingOverAll = false;
    }

    /** Tells the load's outcome once its end was taken in and every row was handed over. */
    private void finishIfEnded() {
        if (ended == null || !held.isEmpty()) return;
        Arrived end = ended;
        ended = null;
        // A count only (no customer data): benchmarks and support read how many rows a load brought.
        LOG.info("List loaded: {} opportunities{}", loadedCount(),
                end.complete() ? "" : " (stopped or failed before the end)");
        onEnded.accept(end.complete(), end.failure());
    }

    /** Rows of one page, or the end of a load (complete, or failed). */
    private record Arrived(int generation, List<OpportunitySummary> rows, boolean complete, Throwable failure) {
        boolean isEnd() { return complete || failure != null; }
    }
}
