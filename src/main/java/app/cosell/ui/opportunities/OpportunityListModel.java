package app.cosell.ui.opportunities;

import app.cosell.ui.common.EngagementState;

import app.cosell.engagement.ListReadiness;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The opportunity list: every row loaded so far, the instant search over them, the server-side filter, and the
 * incremental load. The first page goes to the table at once; later pages are counted in the status line as they
 * arrive but held back from the table until it needs them: when the load ends, when the rep scrolls near the end of
 * the rows shown, searches, sorts or opens a row, or every few seconds of a very long load. Every change of the row
 * count makes the table lay out and restyle each visible row again, so a few large hand-overs keep the FX thread free
 * where one per page would stall it; each turn still adds at most {@value #MAX_ROWS_PER_TURN} rows. A reload keeps
 * the rows of the previous load on screen until its first page replaces them (an empty table would make the table
 * build all its cells again). Also keeps rows current: a row whose engagement task
 * ends is fetched again, and "open the opportunity" finds (or fetches) a row and asks the view to show it.
 */
public final class OpportunityListModel {

    /** Rows per ListOpportunities call: the service's maximum. */
    static final int PAGE_SIZE = 100;
    /** Most rows added to the list in one FX-thread turn; more wait for the next turn (keeps frames short). */
    static final int MAX_ROWS_PER_TURN = 1000;
    /**
     * Least time between two turns that take fetched pages in after the first page of a load (they update the count
     * in the status line; the rows themselves wait in {@link #held}).
     */
    static final java.time.Duration APPEND_INTERVAL = java.time.Duration.ofMillis(250);
    /** Longest time rows are held back from the table while a long load goes on (100,000 rows take minutes). */
    static final java.time.Duration HOLD_LIMIT = java.time.Duration.ofSeconds(3);
    /**
     * Longest wait, after the first page of a load, for the table to show it: the frames that swap the rows in are the
     * heaviest of the load, so the second page is fetched once they are drawn rather than competing with them for the
     * CPU (a bound, so a window that draws no frames still loads).
     */
    static final java.time.Duration FIRST_PAGE_WAIT = java.time.Duration.ofSeconds(1);
    /** Full records fetched in the background per session for the Readiness column, unless the rep changes it. */
    static final int DEFAULT_RECORD_BUDGET = 200;
    /** Titles fetched at once, and the most wanted titles kept waiting. */
    static final int TITLE_FETCHES = 2;
    static final int TITLE_BACKLOG = 60;

    private final OpportunitySource source;
    private final Background background;

    private final ObservableList<OpportunitySummary> rows = FXCollections.observableArrayList();
    /** What the table shows: the rows matching the search, in the table's order (published by {@link #publish}). */
    private final ObservableList<OpportunitySummary> visible = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<OpportunityFilter> filter = new SimpleObjectProperty<>(this, "filter", OpportunityFilter.ANY);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete");
    private final IntegerProperty loaded = new SimpleIntegerProperty(this, "loaded");
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>(this, "failure");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObservableMap<String, TaskProgress> latestTasks = FXCollections.observableHashMap();
    private final ObservableMap<String, String> titles = FXCollections.observableHashMap();
    private final java.util.Deque<String> titlesWanted = new java.util.ArrayDeque<>();
    private final java.util.Set<String> titlesAsked = new java.util.HashSet<>();
    private int titleFetches;

    /** Incremented by every new load; a background loop whose number is no longer current stops. */
    private final AtomicInteger generation = new AtomicInteger();
    /** Pages fetched but not yet in {@link #rows}, tagged with the load they belong to. */
    private final ConcurrentLinkedQueue<Arrived> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** When the next append may happen ({@link System#nanoTime}); 0: at once (the first page of a load). */
    private volatile long nextAppendAt;
    /** The ids in {@link #rows} and {@link #held}: a row fetched on its own (opened) is not added twice. */
    private final java.util.Set<String> ids = new java.util.HashSet<>();
    /** Rows of the current load fetched but not handed to the table yet, in server order. FX thread. */
    private final List<OpportunitySummary> held = new ArrayList<>();
    /** True while {@link #rows} still shows the previous load (until the first page of this one replaces them). */
    private boolean stale;
    /** While the first page of a reload replaces the previous rows in two steps: how many rows it brings. */
    private int swapSize;
    /** Step two of that swap may go: a frame was drawn since step one. */
    private boolean swapReady;
    /** Counted down once the first rows of the current load are on screen (the load's loop waits for it). */
    private volatile java.util.concurrent.CountDownLatch firstPageShown = new java.util.concurrent.CountDownLatch(0);
    /** The current load's rows have been handed to the table once (its first page). */
    private boolean firstHandedOver;
    /** Held rows go to the table turn by turn until none are left (the load ended, or the table asked for them). */
    private boolean handingOverAll;
    /** When rows were last handed to the table ({@link System#nanoTime}). */
    private long handedOverAt;
    /** The end of the current load, once taken in: applied when no rows are held any more. */
    private Arrived ended;
    /** Said in the status line after the list was changed for the rep (search or filters cleared to show a row). */
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private java.util.function.Consumer<OpportunitySummary> onShowRow = s -> {};
    private java.util.function.Consumer<app.cosell.model.Opportunity> onRecordRefreshed = o -> {};
    private boolean tasksSeen;
    // --- the pipeline store (store feature) ---
    /** Whether the source keeps the list on disk (then loads read it and sync it). */
    private final boolean storeBacked;
    /** Rows stored at the last load (the size of a full reload). FX thread. */
    private int storedCount;
    /** When the stored rows on screen were last synced, while a sync has not yet confirmed them; else null. */
    private final ObjectProperty<java.time.Instant> asOf = new SimpleObjectProperty<>(this, "asOf");
    private final ObjectProperty<app.cosell.engagement.CallBudget.Usage> usage = new SimpleObjectProperty<>(this, "usage");
    /** The Readiness column's verdicts by id (rows without one are not yet checked). FX thread. */
    private final ObservableMap<String, ListReadiness.Verdict> readiness = FXCollections.observableHashMap();
    /** The "Ready to submit" quick filter. */
    private final BooleanProperty readyOnly = new SimpleBooleanProperty(this, "readyOnly");
    /** Full records the background check may fetch this session (reads), and how many it fetched. */
    private final IntegerProperty recordBudget = new SimpleIntegerProperty(this, "recordBudget", DEFAULT_RECORD_BUDGET);
    private final IntegerProperty recordsChecked = new SimpleIntegerProperty(this, "recordsChecked");
    private boolean checkingRecords;
    private SavedViewsModel savedViews;
    /** The search index: the rows handed to the table, in the table's order, with their searched text. */
    private final SearchIndex index = new SearchIndex(titles::get);
    /** The "Ready to submit" test (one instance: the index refines a search only under the same test). */
    private final Predicate<OpportunitySummary> readyTest = r -> readinessOf(r).isReady();
    /** True while the search box or the quick filter narrows the rows shown. */
    private boolean filtering;
    /** Runs each change of {@link #visible} that is not an append (the view keeps its selection around it). */
    private Consumer<Runnable> publisher = Runnable::run;
    private String replacing;
    private boolean reloading;
    private boolean everLoaded;

    public OpportunityListModel(OpportunitySource source, Background background) {
        this.source = source;
        this.background = background;
        this.storeBacked = source.keepsStore();
        // The search sees every loaded row: held rows are handed over first.
        search.addListener((o, was, now) -> { notice.set(""); showAllLoaded(); publish(); });
        // Before the first load (not connected yet) a restored filter is only remembered. With a store the filter
        // runs over the stored rows: no call.
        filter.addListener((o, was, now) -> {
            if (everLoaded && !now.equals(was)) load(storeBacked ? LoadKind.STORED : LoadKind.SYNC);
        });
        readyOnly.addListener((o, was, now) -> { showAllLoaded(); publish(); });
        readiness.addListener((javafx.collections.MapChangeListener<String, ListReadiness.Verdict>) c -> {
            if (!readyOnly.get()) return;
            index.forgetLastSearch();
            publish();
        });
        // The index follows the rows handed to the table; the table's list follows the index.
        rows.addListener((ListChangeListener<OpportunitySummary>) this::rowsChanged);
        titles.addListener((MapChangeListener<String, String>) c -> index.extraTextChanged(c.getKey()));
    }

    /**
     * The rows handed to the table, in server order: every row loaded so far, except those of a load under way held
     * back until the table needs them ({@link #showAllLoaded}); and, until the first page of a reload arrives, the
     * rows of the previous load.
     */
    public ObservableList<OpportunitySummary> rows() { return rows; }

    /**
     * What the table shows: the loaded rows that match the search box and the quick filter, in the order of
     * {@link #sortBy} (the server's until a column is sorted). Changed by one append or one {@code setAll} per step.
     */
    public ObservableList<OpportunitySummary> visibleRows() { return visible; }

    /**
     * Orders {@link #visibleRows} by {@code order} (null: the server's order, last modified newest first): the
     * table's sort policy. Sorts every loaded row once (rows held back by a load under way are handed over first);
     * keystrokes then never sort. FX thread.
     */
    public void sortBy(Comparator<? super OpportunitySummary> order) {
        index.setOrder(order);
        showAllLoaded();
        publish();
    }

    /**
     * Who applies each change of {@link #visibleRows} that is not an append: the view runs it and keeps its selection
     * on the rows still shown (by id: a row's fresher copy stays selected). Default: runs it.
     */
    public void setPublisher(Consumer<Runnable> publisher) { this.publisher = publisher; }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<OpportunityFilter> filterProperty() { return filter; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    /** True once the last page arrived. */
    public ReadOnlyBooleanProperty completeProperty() { return complete; }

    /** How many rows the current load has fetched (handed to the table or held back). */
    public ReadOnlyIntegerProperty loadedProperty() { return loaded; }

    /** True while rows of the load under way are held back from {@link #rows}. */
    public boolean hasHeldRows() { return !held.isEmpty(); }

    /**
     * Hands every row loaded so far to {@link #rows} now: the rep scrolled near the end of the rows shown, sorts, or
     * searches. Rows arriving later are held back again. FX thread.
     */
    public void showAllLoaded() {
        if (held.isEmpty()) return;
        handOver(held.size(), false);
        finishIfEnded();
        updateStatus();
    }

    /** The failure of the last load, or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure; }

    /** One line for the status bar: how many rows, how many shown, whether more are coming. */
    public ReadOnlyStringProperty statusProperty() { return status; }

    /** Latest engagement task per opportunity id. */
    public ObservableMap<String, TaskProgress> latestTasks() { return latestTasks; }

    /** Project titles learnt from opened opportunities (the list call does not carry them), by id. */
    public ObservableMap<String, String> titles() { return titles; }

    public String titleOf(String id) { return titles.get(id); }

    public void rememberTitle(String id, String title) {
        if (title != null && !title.equals(titles.get(id))) titles.put(id, title);
    }

    /**
     * A row showing on screen has no title yet: fetch it (GetOpportunity) in the background. The newest requests go
     * first and only the last {@value #TITLE_BACKLOG} are kept, so scrolling fast through 100,000 rows fetches what
     * is on screen, not everything passed. FX thread.
     */
    public void wantTitle(String id) {
        if (titles.containsKey(id) || !titlesAsked.add(id)) return;
        titlesWanted.addFirst(id);
        while (titlesWanted.size() > TITLE_BACKLOG) titlesAsked.remove(titlesWanted.removeLast());
        fetchNextTitle();
    }

    private void fetchNextTitle() {
        if (titleFetches >= TITLE_FETCHES || titlesWanted.isEmpty()) return;
        String id = titlesWanted.removeFirst();
        titleFetches++;
        background.run(() -> source.get(id), o -> {
            titleFetches--;
            if (o.project() != null) rememberTitle(id, o.project().title());
            readiness.put(id, source.readiness(OpportunitySummary.of(o, null), o));
            fetchNextTitle();
        }, e -> {
            titleFetches--; // not asked again this session: a failing record must not be fetched in a loop
            fetchNextTitle();
        });
    }

    public EngagementState engagementStateOf(OpportunitySummary row) {
        return row == null ? EngagementState.NONE : EngagementState.of(latestTasks.get(row.id()));
    }

    /**
     * Takes the task history in (newest first): keeps the latest task per opportunity. When a task has ended since the
     * last call (COMPLETE or FAILED), the service has changed its opportunity (review status, last modified): that row
     * is fetched again in the background. The first call only takes the history in. FX thread.
     */
    public void updateTasks(List<TaskProgress> newestFirst) {
        Map<String, TaskProgress> latest = new HashMap<>();
        for (TaskProgress t : newestFirst) {
            if (t.request() != null) latest.putIfAbsent(t.request().opportunityId(), t);
        }
        List<String> ended = new ArrayList<>();
        if (tasksSeen) latest.forEach((id, t) -> {
            TaskProgress was = latestTasks.get(id);
            if (t.isEnded() && (was == null || !was.isEnded() || !was.localId().equals(t.localId()))) ended.add(id);
        });
        tasksSeen = true;
        latestTasks.keySet().retainAll(latest.keySet());
        latest.forEach((id, t) -> { if (!t.equals(latestTasks.get(id))) latestTasks.put(id, t); });
        ended.forEach(this::refreshRow);
    }

    /**
     * Fetches one opportunity again (GetOpportunity, in the background) and puts the fresh row in place of the old
     * one, without reloading the list; the full record goes to {@link #setOnRecordRefreshed} (the detail pane). FX
     * thread.
     */
    public void refreshRow(String id) {
        background.run(() -> source.get(id), full -> {
            rememberTitle(id, full.project() == null ? null : full.project().title());
            for (int h = 0; h < held.size(); h++) {
                if (held.get(h).id().equals(id)) held.set(h, OpportunitySummary.of(full, held.get(h)));
            }
            int i = indexOf(id);
            if (i >= 0) {
                OpportunitySummary fresh = OpportunitySummary.of(full, rows.get(i));
                if (!fresh.equals(rows.get(i))) {
                    replacing = id;
                    try {
                        rows.set(i, fresh);
                    } finally {
                        replacing = null;
                    }
                }
            }
            onRecordRefreshed.accept(full);
        }, error -> {}); // the row stays as it was; F5 still reloads everything
    }

    /**
     * True while the row of {@code id} is being replaced by its fresher copy, or all rows are cleared for a reload:
     * a view losing its selection then keeps showing the row's details (not rebuilt when the same row comes back).
     */
    public boolean isReplacing(String id) { return reloading || id.equals(replacing); }

    /** Told the full record of each row fetched again ({@link #refreshRow}). */
    public void setOnRecordRefreshed(java.util.function.Consumer<app.cosell.model.Opportunity> listener) {
        this.onRecordRefreshed = listener;
    }

    /** Told the row to select and scroll to when {@link #open} has found it. */
    public void setOnShowRow(java.util.function.Consumer<OpportunitySummary> listener) { this.onShowRow = listener; }

    /**
     * "Open the opportunity": shows the row of {@code id}. A search hiding it is cleared; a row not loaded is fetched
     * (GetOpportunity, in the background) and added, and when the server-side filters exclude it they are cleared
     * too. Each change is said in the status line; a failed fetch as well. FX thread.
     */
    public void open(String id) {
        dropStaleRows();
        showAllLoaded();
        int i = indexOf(id);
        if (i >= 0) {
            OpportunitySummary row = rows.get(i);
            if (filtering && !visible.contains(row)) {
                search.set("");
                notice.set(Messages.format("opportunities.notice.searchCleared", id));
                updateStatus();
            }
            onShowRow.accept(row);
            return;
        }
        notice.set(Messages.format("opportunities.notice.opening", id));
        updateStatus();
        background.run(() -> source.get(id), full -> {
            rememberTitle(id, full.project() == null ? null : full.project().title());
            int at = indexOf(id); // its page may have arrived meanwhile
            OpportunitySummary row = at >= 0 ? rows.get(at) : OpportunitySummary.of(full, null);
            String said = "opportunities.notice.fetched";
            if (!search.get().isBlank()) {
                search.set("");
                said = "opportunities.notice.searchCleared";
            }
            if (!filter.get().isAny() && !filter.get().matches(row)) {
                filter.set(OpportunityFilter.ANY); // reloads: the row is kept and its page will not add it twice
                said = "opportunities.notice.filtersCleared";
            }
            dropStaleRows();
            showAllLoaded();
            if (indexOf(id) < 0) {
                rows.add(row);
                ids.add(id);
                loaded.set(loadedCount());
            }
            notice.set(Messages.format(said, id));
            updateStatus();
            onShowRow.accept(row);
        }, error -> {
            notice.set(Messages.format("opportunities.notice.openFailed", id,
                    app.cosell.ui.common.ErrorReport.of(Messages.get("error.action.openOpportunity"), error).message()));
            updateStatus();
        });
    }

    /** Where the row of {@code id} is in {@link #rows}, or -1 (also when it is held back, or the rows are stale). */
    int indexOf(String id) {
        if (stale || !ids.contains(id)) return -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id().equals(id)) return i;
        return -1;
    }

    /** When the stored rows shown were last synced, while the sync that confirms them runs (or failed); else null. */
    public ReadOnlyObjectProperty<java.time.Instant> asOfProperty() { return asOf; }

    /** The day's calls (after each sync), for the status bar's tooltip; null until known. */
    public ReadOnlyObjectProperty<app.cosell.engagement.CallBudget.Usage> usageProperty() { return usage; }

    /** The tooltip text of {@link #usageProperty}. */
    public static String usageText(app.cosell.engagement.CallBudget.Usage u) {
        if (u == null) return Messages.get("opportunities.usage.unknown");
        return Messages.format("opportunities.usage", Formats.count(u.readsToday()),
                Formats.count(app.cosell.engagement.CallBudget.READS_PER_DAY), Formats.count(u.writesToday()),
                Formats.count(app.cosell.engagement.CallBudget.WRITES_PER_DAY), Formats.count(u.throttledToday()));
    }

    /** The Readiness column's verdicts by id. */
    public ObservableMap<String, ListReadiness.Verdict> readiness() { return readiness; }

    /** The row's verdict: from its checked record, else what its review status and stage alone say. */
    public ListReadiness.Verdict readinessOf(OpportunitySummary row) {
        if (row == null) return ListReadiness.Verdict.NOT_CHECKED;
        ListReadiness.Verdict v = readiness.get(row.id());
        return v != null ? v : source.readiness(row, null);
    }

    /** The rep's saved views of this list (made on first use). */
    public SavedViewsModel savedViews() {
        if (savedViews == null) savedViews = new SavedViewsModel(this, source.savedViews(), background);
        return savedViews;
    }

    /** A full record fetched elsewhere (the detail pane, on selection): its row's readiness and title are known now. */
    public void recordFetched(app.cosell.model.Opportunity o) {
        if (o == null || o.id() == null) return;
        int i = indexOf(o.id());
        readiness.put(o.id(), source.readiness(OpportunitySummary.of(o, i >= 0 ? rows.get(i) : null), o));
        if (o.project() != null) rememberTitle(o.id(), o.project().title());
    }

    /** The "Ready to submit" quick filter: only rows whose verdict is ready. */
    public BooleanProperty readyOnlyProperty() { return readyOnly; }

    /** Full records the background check may fetch this session; the rep may change it (0: none). */
    public IntegerProperty recordBudgetProperty() { return recordBudget; }

    /** Full records the background check fetched this session. */
    public ReadOnlyIntegerProperty recordsCheckedProperty() { return recordsChecked; }

    /**
     * Fetches, in the background and within {@link #recordBudgetProperty()}, the full records of the loaded rows that
     * could still be submitted (Pending Submission, Action Required) and are not yet checked, newest first, so their
     * Readiness is known. One at a time, through the call budget; a new load stops it. FX thread.
     */
    public void checkRecords() {
        if (checkingRecords || !storeBacked) return;
        int left = recordBudget.get() - recordsChecked.get();
        if (left <= 0) return;
        List<OpportunitySummary> candidates = new ArrayList<>();
        for (List<OpportunitySummary> list : List.of(rows, held)) {
            for (OpportunitySummary r : list) {
                if (candidates.size() >= left) break;
                if (ListReadiness.worthChecking(r) && readinessOf(r).state() == ListReadiness.State.UNKNOWN) candidates.add(r);
            }
        }
        if (candidates.isEmpty()) return;
        checkingRecords = true;
        int gen = generation.get();
        background.run(() -> {
            for (OpportunitySummary row : candidates) {
                if (generation.get() != gen) break;
                try {
                    app.cosell.model.Opportunity o = source.get(row.id());
                    ListReadiness.Verdict v = source.readiness(OpportunitySummary.of(o, row), o);
                    background.onFx(() -> {
                        recordsChecked.set(recordsChecked.get() + 1);
                        readiness.put(row.id(), v);
                        if (o.project() != null) rememberTitle(row.id(), o.project().title());
                    });
                } catch (Exception e) {
                    background.onFx(() -> recordsChecked.set(recordsChecked.get() + 1));
                }
            }
            return null;
        }, done -> checkingRecords = false, e -> checkingRecords = false);
    }

    /** Read calls a full reload (Shift+F5) would take: one per hundred stored rows. */
    public long fullReloadReads() { return storedCount / PAGE_SIZE + 1L; }

    /** Whether Shift+F5 must ask first: it would use more than a tenth of the day's read budget. */
    public boolean fullReloadNeedsConfirmation() {
        return storeBacked && app.cosell.engagement.CallBudget.isLargeShareOfDay(fullReloadReads());
    }

    /** What the last "open the opportunity" changed in the list, or empty. */
    public ReadOnlyStringProperty noticeProperty() { return notice; }

    /**
     * F5: with a store, the stored rows at once (marked "as of" their last sync), then an incremental sync; without
     * one, the list again from the first page with the current filter. A load under way is abandoned. FX thread.
     */
    public void refresh() { load(LoadKind.SYNC); }

    /** Shift+F5: with a store, a full sync (every page; rows no longer listed are dropped); else as {@link #refresh}. */
    public void reload() { load(LoadKind.FULL); }

    /** What a load does with the store; without one every kind pages the service as before. */
    private enum LoadKind { STORED, SYNC, FULL }

    private void load(LoadKind kind) {
        everLoaded = true;
        int gen = generation.incrementAndGet();
        arrived.clear();
        // The rows on screen stay until the first page replaces them (see the class comment).
        stale = !rows.isEmpty();
        held.clear();
        firstHandedOver = false;
        handingOverAll = false;
        swapSize = 0;
        swapReady = false;
        ended = null;
        ids.clear();
        notice.set("");
        nextAppendAt = 0;
        drainScheduled.set(false); // a paced drain still waiting drains nothing of this load early: harmless
        loaded.set(0);
        complete.set(false);
        failure.set(null);
        loading.set(true);
        updateStatus();
        OpportunityFilter f = filter.get();
        firstPageShown.countDown(); // a load abandoned while it waited goes on to notice it
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        firstPageShown = shown;
        if (storeBacked) {
            background.run(() -> loadFromStore(gen, f, kind), reread -> {
                end(gen, true, null);
                background.onFx(() -> {
                    if (generation.get() != gen) return;
                    if (reread) load(LoadKind.STORED);
                    else checkRecords();
                });
            }, error -> end(gen, false, error));
            return;
        }
        background.run(() -> {
            String token = null;
            boolean first = true;
            do {
                if (generation.get() != gen) return false;
                OpportunitySource.Page page = source.list(f, token, PAGE_SIZE);
                if (generation.get() != gen) return false;
                arrived.add(new Arrived(gen, page.items(), false, null));
                scheduleDrain();
                token = page.nextToken();
                // The frames that swap the first rows in are the load's heaviest: the next request waits for them.
                if (first && token != null && background.drawsFrames()) {
                    shown.await(FIRST_PAGE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                first = false;
            } while (token != null);
            return true;
        }, finished -> end(gen, finished, null), error -> end(gen, false, error));
    }

    /**
     * The store-backed load, on the background thread: the stored rows (filtered here) go to the table at once; then,
     * unless only the stored rows were asked, a sync. On a first launch (nothing stored) the synced pages go to the
     * table as they arrive; otherwise the rows are read again once the sync changed any. Returns whether to read
     * again.
     */
    private boolean loadFromStore(int gen, OpportunityFilter f, LoadKind kind) throws Exception {
        OpportunitySource.Stored stored = source.stored();
        List<OpportunitySummary> shown = stored.rows().stream().filter(f::matchesStored).toList();
        boolean hadRows = !stored.rows().isEmpty();
        background.onFx(() -> {
            storedCount = stored.rows().size();
            if (generation.get() != gen) return;
            readiness.clear();
            readiness.putAll(stored.readiness());
            asOf.set(hadRows ? stored.asOf() : null);
            updateStatus();
        });
        if (generation.get() != gen) return false;
        arrived.add(new Arrived(gen, shown, false, null));
        scheduleDrain();
        if (kind == LoadKind.STORED) return false;
        boolean changed = source.sync(kind == LoadKind.FULL, page -> {
            if (hadRows || generation.get() != gen) return;
            arrived.add(new Arrived(gen, page.stream().filter(f::matchesStored).toList(), false, null));
            scheduleDrain();
        });
        app.cosell.engagement.CallBudget.Usage u = source.usage();
        background.onFx(() -> {
            usage.set(u);
            if (generation.get() != gen) return;
            asOf.set(null);
            updateStatus();
        });
        return hadRows && changed && generation.get() == gen;
    }

    /** Stops a load under way (keeps the rows loaded so far). */
    public void stop() {
        generation.incrementAndGet();
        firstPageShown.countDown();
        arrived.clear();
        dropStaleRows();
        showAllLoaded();
        ended = null;
        loading.set(false);
        updateStatus();
    }

    private void scheduleDrain() {
        if (!drainScheduled.compareAndSet(false, true)) return;
        Runnable drain = () -> {
            drainScheduled.set(false);
            drain(MAX_ROWS_PER_TURN);
        };
        long wait = nextAppendAt - System.nanoTime();
        if (nextAppendAt == 0 || wait <= 0) background.onFx(drain);
        else background.onFxAfter(java.time.Duration.ofNanos(wait), drain);
    }

    /** The load ended: once the rows still queued are in (turn by turn), the load is marked finished. */
    private void end(int gen, boolean finished, Throwable error) {
        if (generation.get() != gen) return;
        arrived.add(new Arrived(gen, List.of(), error == null, error));
        scheduleDrain();
    }

    /**
     * Takes the fetched pages of the current load in (held back, counted in the status line) and hands rows to the
     * table when it is time: the first page at once, everything once the load ended (at most {@code limit} rows a
     * turn), and everything held for {@link #HOLD_LIMIT}.
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
        updateStatus();
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

    /** The rows of the previous load go (the new one has none, failed, or the rep asked for a row). */
    private void dropStaleRows() {
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

    /** Marks the load finished once its end was taken in and every row was handed over. */
    private void finishIfEnded() {
        loaded.set(loadedCount());
        if (ended == null || !held.isEmpty()) return;
        loading.set(false);
        complete.set(ended.complete());
        failure.set(ended.failure());
        ended = null;
    }

    /** Rows of one page, or the end of a load (complete, or failed). */
    private record Arrived(int generation, List<OpportunitySummary> rows, boolean complete, Throwable failure) {
        boolean isEnd() { return complete || failure != null; }
    }

    /** The index takes a change of {@link #rows} in (appended rows merge in, a replaced row moves), then publishes. */
    private void rowsChanged(ListChangeListener.Change<? extends OpportunitySummary> c) {
        boolean incremental = true;
        List<Runnable> steps = new ArrayList<>();
        while (c.next()) {
            if (c.wasReplaced() && c.getRemovedSize() == 1 && c.getAddedSize() == 1) {
                OpportunitySummary old = c.getRemoved().getFirst();
                OpportunitySummary fresh = c.getAddedSubList().getFirst();
                steps.add(() -> index.replace(old, fresh));
            } else if (c.wasAdded() && !c.wasRemoved() && c.getTo() == c.getList().size()) {
                List<OpportunitySummary> added = List.copyOf(c.getAddedSubList());
                steps.add(() -> index.add(added));
            } else {
                incremental = false;
            }
        }
        if (incremental) steps.forEach(Runnable::run);
        else index.reset(rows);
        publish();
    }

    /**
     * Puts the rows matching the search and the quick filter, in order, into {@link #visible}: an append when only
     * rows were added at its end, else one {@code setAll} (through {@link #setPublisher}); nothing when unchanged.
     */
    private void publish() {
        List<OpportunitySummary> result = index.search(search.get(), readyOnly.get() ? readyTest : null);
        filtering = !SearchIndex.normalize(search.get()).isEmpty() || readyOnly.get();
        int n = visible.size();
        boolean prefix = result.size() >= n;
        for (int i = 0; prefix && i < n; i++) prefix = result.get(i) == visible.get(i);
        if (prefix) {
            if (result.size() > n) visible.addAll(result.subList(n, result.size()));
        } else {
            publisher.accept(() -> visible.setAll(result));
        }
        updateStatus();
    }

    /** Rows of the current load: handed to the table or held back. */
    private int loadedCount() { return (stale ? 0 : rows.size()) + held.size(); }

    private void updateStatus() {
        String count = Formats.count(loadedCount());
        String text;
        if (failure.get() != null) text = Messages.format("opportunities.status.failed", count);
        else if (loading.get()) text = Messages.format("opportunities.status.loading", count);
        else text = Messages.format("opportunities.status.loaded", count);
        if (filtering) {
            text = Messages.format("opportunities.status.matching", Formats.count(visible.size())) + " · " + text;
        }
        if (asOf.get() != null) text = text + " · " + Messages.format("opportunities.status.asOf", Formats.dateTime(asOf.get()));
        if (!notice.get().isEmpty()) text = notice.get() + " · " + text;
        status.set(text);
    }
}
