package app.cosell.ui.opportunities;

import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The opportunity list: every row loaded so far, the instant search over them, the server-side filter, and the
 * incremental load (first page at once, the rest in the background, handed to the FX thread in bounded, paced
 * batches so the table stays responsive even at 100,000 rows). Also keeps rows current: a row whose engagement task
 * ends is fetched again, and "open the opportunity" finds (or fetches) a row and asks the view to show it.
 */
public final class OpportunityListModel {

    /** Rows per ListOpportunities call: the service's maximum. */
    static final int PAGE_SIZE = 100;
    /** Most rows added to the list in one FX-thread turn; more wait for the next turn (keeps frames short). */
    static final int MAX_ROWS_PER_TURN = 1000;
    /**
     * Least time between two appends after the first page of a load. Every change of the row count makes the table
     * lay out and restyle each visible row again (tens of ms while the JIT is still cold), so rows arriving quickly
     * are handed over a few times a second in larger batches rather than page by page.
     */
    static final java.time.Duration APPEND_INTERVAL = java.time.Duration.ofMillis(250);
    /** Titles fetched at once, and the most wanted titles kept waiting. */
    static final int TITLE_FETCHES = 2;
    static final int TITLE_BACKLOG = 60;

    private final OpportunitySource source;
    private final Background background;

    private final ObservableList<OpportunitySummary> rows = FXCollections.observableArrayList();
    private final FilteredList<OpportunitySummary> visible = new FilteredList<>(rows);
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
    /** The ids in {@link #rows}: a row fetched on its own (opened) is not added twice when its page arrives. */
    private final java.util.Set<String> ids = new java.util.HashSet<>();
    /** Said in the status line after the list was changed for the rep (search or filters cleared to show a row). */
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private java.util.function.Consumer<OpportunitySummary> onShowRow = s -> {};
    private java.util.function.Consumer<app.cosell.model.Opportunity> onRecordRefreshed = o -> {};
    private boolean tasksSeen;
    private String replacing;
    private boolean reloading;
    private boolean everLoaded;

    public OpportunityListModel(OpportunitySource source, Background background) {
        this.source = source;
        this.background = background;
        search.addListener((o, was, now) -> { notice.set(""); applySearch(); });
        // Before the first load (not connected yet) a restored filter is only remembered.
        filter.addListener((o, was, now) -> { if (everLoaded && !now.equals(was)) refresh(); });
        visible.predicateProperty().addListener((o, was, now) -> updateStatus());
    }

    /** Every row loaded so far, in server order. */
    public ObservableList<OpportunitySummary> rows() { return rows; }

    /** The loaded rows that match the search box (the table sorts a view of these). */
    public ObservableList<OpportunitySummary> visibleRows() { return visible; }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<OpportunityFilter> filterProperty() { return filter; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    /** True once the last page arrived. */
    public ReadOnlyBooleanProperty completeProperty() { return complete; }

    public ReadOnlyIntegerProperty loadedProperty() { return loaded; }

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
        int i = indexOf(id);
        if (i >= 0) {
            OpportunitySummary row = rows.get(i);
            if (visible.getPredicate() != null && !visible.getPredicate().test(row)) {
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
            if (indexOf(id) < 0) {
                rows.add(row);
                ids.add(id);
                loaded.set(rows.size());
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

    /** Where the row of {@code id} is in {@link #rows}, or -1. */
    int indexOf(String id) {
        if (!ids.contains(id)) return -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id().equals(id)) return i;
        return -1;
    }

    /** What the last "open the opportunity" changed in the list, or empty. */
    public ReadOnlyStringProperty noticeProperty() { return notice; }

    /** Loads the list again from the first page with the current filter; a load under way is abandoned. FX thread. */
    public void refresh() {
        everLoaded = true;
        int gen = generation.incrementAndGet();
        arrived.clear();
        reloading = true;
        try {
            rows.clear();
        } finally {
            reloading = false;
        }
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
        background.run(() -> {
            String token = null;
            do {
                if (generation.get() != gen) return false;
                OpportunitySource.Page page = source.list(f, token, PAGE_SIZE);
                if (generation.get() != gen) return false;
                arrived.add(new Arrived(gen, page.items(), false, null));
                scheduleDrain();
                token = page.nextToken();
            } while (token != null);
            return true;
        }, finished -> end(gen, finished, null), error -> end(gen, false, error));
    }

    /** Stops a load under way (keeps the rows loaded so far). */
    public void stop() {
        generation.incrementAndGet();
        arrived.clear();
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

    /** Moves whole fetched pages of the current load into {@link #rows}, up to about {@code limit} rows. */
    private void drain(int limit) {
        int gen = generation.get();
        List<OpportunitySummary> batch = new ArrayList<>();
        Arrived a;
        Arrived last = null;
        while (batch.size() + PAGE_SIZE <= limit && (a = arrived.poll()) != null) {
            if (a.generation() != gen) continue;
            for (OpportunitySummary s : a.rows()) if (ids.add(s.id())) batch.add(s);
            last = a;
            if (a.isEnd()) break;
        }
        if (!batch.isEmpty()) {
            rows.addAll(batch);
            loaded.set(rows.size());
            nextAppendAt = Math.max(1, System.nanoTime() + APPEND_INTERVAL.toNanos());
        }
        if (last != null && last.isEnd()) {
            loading.set(false);
            complete.set(last.complete());
            failure.set(last.failure());
        }
        updateStatus();
        if (!arrived.isEmpty()) scheduleDrain();
    }

    /** Rows of one page, or the end of a load (complete, or failed). */
    private record Arrived(int generation, List<OpportunitySummary> rows, boolean complete, Throwable failure) {
        boolean isEnd() { return complete || failure != null; }
    }

    private void applySearch() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(q.isEmpty() ? null : matchingWithTitles(q));
    }

    /** Rows whose id, customer, title or partner reference contain {@code q} (lower case), ignoring case. */
    static Predicate<OpportunitySummary> matching(String q) {
        return s -> contains(s.id(), q) || contains(s.customerCompanyName(), q) || contains(s.projectTitle(), q)
                || contains(s.partnerOpportunityIdentifier(), q);
    }

    private Predicate<OpportunitySummary> matchingWithTitles(String q) {
        Predicate<OpportunitySummary> base = matching(q);
        return s -> base.test(s) || contains(titles.get(s.id()), q);
    }

    private static boolean contains(String field, String q) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(q);
    }

    private void updateStatus() {
        String count = Formats.count(rows.size());
        String text;
        if (failure.get() != null) text = Messages.format("opportunities.status.failed", count);
        else if (loading.get()) text = Messages.format("opportunities.status.loading", count);
        else text = Messages.format("opportunities.status.loaded", count);
        if (visible.getPredicate() != null) {
            text = Messages.format("opportunities.status.matching", Formats.count(visible.size())) + " · " + text;
        }
        if (!notice.get().isEmpty()) text = notice.get() + " · " + text;
        status.set(text);
    }
}
