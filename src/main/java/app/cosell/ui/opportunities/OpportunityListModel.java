package app.cosell.ui.opportunities;

import app.cosell.engagement.CallBudget;
import app.cosell.engagement.ListReadiness;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.EngagementState;
import app.cosell.ui.common.ErrorReport;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Messages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
 * The opportunity list's façade: the search, the server-side filter, the status line and the public API the views
 * use. The work is done by its parts: a {@link PagedLoader} fetches pages, a {@link TableFeed} hands them to
 * {@link #rows} (and alone knows frames), a {@link SearchIndex} keeps them in the table's order for the search, a
 * {@link RowRefresher} keeps rows current, a {@link TitleFetcher} fetches the titles of the rows on screen and a
 * {@link RecordChecker} the records the Readiness column needs. The states of a load: see the package comment.
 */
public final class OpportunityListModel {

    /** Who applies a change of {@link #visibleRows} that is not an append (the view keeps its selection around it). */
    @FunctionalInterface
    public interface Publisher {
        /**
         * Runs {@code change}; {@code replacing}: the rows are being swapped for a reload, or a row for its fresher
         * copy, so a selection lost for a moment should not empty the detail pane.
         */
        void publish(Runnable change, boolean replacing);
    }

    private final OpportunitySource source;
    private final Background background;
    private final TableFeed feed;
    private final PagedLoader loader;
    private final TitleFetcher titles;
    private final RowRefresher refresher;
    private final RecordChecker records;
    private final SearchIndex index;
    private final KnownTags tags = new KnownTags();
    private final StoreStatus store;

    /** What the table shows: the rows matching the search, in the table's order (published by {@link #publish}). */
    private final ObservableList<OpportunitySummary> visible = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<OpportunityFilter> filter = new SimpleObjectProperty<>(this, "filter", OpportunityFilter.ANY);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete");
    private final IntegerProperty loaded = new SimpleIntegerProperty(this, "loaded");
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>(this, "failure");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    /** Said in the status line after the list was changed for the rep (search or filters cleared to show a row). */
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    /** The "Ready to submit" quick filter. */
    private final BooleanProperty readyOnly = new SimpleBooleanProperty(this, "readyOnly");
    /** The "Ready to submit" test (one instance: the index refines a search only under the same test). */
    private final Predicate<OpportunitySummary> readyTest = r -> readinessOf(r).isReady();
    /** True while the search box or the quick filter narrows the rows shown. */
    private boolean filtering;
    private Publisher publisher = (change, replacing) -> change.run();
    private Consumer<OpportunitySummary> onShowRow = s -> {};
    private Consumer<Opportunity> onRecordRefreshed = o -> {};
    private SavedViewsModel savedViews;
    private boolean everLoaded;

    public OpportunityListModel(OpportunitySource source, Background background) {
        this.source = source;
        this.background = background;
        this.feed = new TableFeed(background, this::progressed, this::ended);
        this.records = new RecordChecker(source, background, feed::generation);
        this.store = new StoreStatus(feed::isCurrent, records::restore, this::updateStatus,
                () -> load(PagedLoader.Kind.STORED), this::checkRecords);
        this.loader = new PagedLoader(source, background, feed, store);
        this.titles = new TitleFetcher(source, background, records::recordFetched);
        this.refresher = new RowRefresher(source, background, this::refreshed);
        this.index = new SearchIndex(id -> tags.withTitle(titles.titles().get(id), id));
        records.setOnTitle(titles::remember);
        records.budgetProperty().addListener((o, was, now) -> checkRecords()); // the rep allowed more checks
        // The search sees every loaded row: held rows are handed over first.
        search.addListener((o, was, now) -> { notice.set(""); feed.showAllLoaded(); publish(); });
        // Before the first load (not connected yet) a restored filter is only remembered. With a store the filter
        // runs over the stored rows: no call.
        filter.addListener((o, was, now) -> {
            if (everLoaded && !now.equals(was)) load(source.keepsStore() ? PagedLoader.Kind.STORED : PagedLoader.Kind.SYNC);
        });
        readyOnly.addListener((o, was, now) -> { feed.showAllLoaded(); publish(); });
        records.readiness().addListener((MapChangeListener<String, ListReadiness.Verdict>) c -> {
            if (!readyOnly.get()) return;
            index.forgetLastSearch();
            publish();
        });
        // The index follows the rows handed to the table; the table's list follows the index.
        feed.rows().addListener((ListChangeListener<OpportunitySummary>) c -> {
            index.follow(c, feed.rows());
            publish();
        });
        titles.titles().addListener((MapChangeListener<String, String>) c -> index.extraTextChanged(c.getKey()));
    }

    /**
     * The rows handed to the table, in server order: every row loaded so far, except those of a load under way held
     * back until the table needs them; and, until the first page of a reload arrives, the rows of the previous load.
     */
    public ObservableList<OpportunitySummary> rows() { return feed.rows(); }

    /**
     * What the table shows: the loaded rows that match the search box and the quick filter, in the order of
     * {@link #sortBy} (the server's until a column is sorted). Changed by one append or one {@code setAll} per step.
     */
    public ObservableList<OpportunitySummary> visibleRows() { return visible; }

    /**
     * Orders {@link #visibleRows} by {@code order} (null: the server's order, last modified newest first): the
     * table's sort policy. Sorts every loaded row once (rows held back are handed over first); keystrokes never sort.
     */
    public void sortBy(Comparator<? super OpportunitySummary> order) {
        index.setOrder(order);
        if (order == null) index.reset(feed.rows()); // "Not sorted": the server's order again
        feed.showAllLoaded();
        publish();
    }

    /** Who applies each change of {@link #visibleRows} that is not an append. Default: runs it. */
    public void setPublisher(Publisher publisher) { this.publisher = publisher; }

    /** The table shows row {@code index} of {@link #visibleRows}: near their end, rows held back come too. */
    public void rowShown(int index) { feed.rowShown(index, visible.size()); }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<OpportunityFilter> filterProperty() { return filter; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    /** True once the last page arrived. */
    public ReadOnlyBooleanProperty completeProperty() { return complete; }

    /** How many rows the current load has fetched (handed to the table or held back). */
    public ReadOnlyIntegerProperty loadedProperty() { return loaded; }

    /** The failure of the last load, or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure; }

    /** One line for the status bar: how many rows, how many shown, whether more are coming. */
    public ReadOnlyStringProperty statusProperty() { return status; }

    /** What the last "open the opportunity" changed in the list, or empty. */
    public ReadOnlyStringProperty noticeProperty() { return notice; }

    /** When the stored rows shown were last synced, while the sync that confirms them runs (or failed); else null. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() { return store.asOfProperty(); }

    /** The day's calls (after each sync), for the status bar's tooltip; null until known. */
    public ReadOnlyObjectProperty<CallBudget.Usage> usageProperty() { return store.usageProperty(); }

    /** The tooltip text of {@link #usageProperty}. */
    public static String usageText(CallBudget.Usage u) {
        if (u == null) return Messages.get("opportunities.usage.unknown");
        return Messages.format("opportunities.usage", Formats.count(u.readsToday()), Formats.count(CallBudget.READS_PER_DAY),
                Formats.count(u.writesToday()), Formats.count(CallBudget.WRITES_PER_DAY), Formats.count(u.throttledToday()));
    }

    // --- rows kept current, titles, readiness ----------------------------------------------------------------------

    /** Latest engagement task per opportunity id. */
    public ObservableMap<String, TaskProgress> latestTasks() { return refresher.latestTasks(); }

    public EngagementState engagementStateOf(OpportunitySummary row) { return refresher.engagementStateOf(row); }

    /** Takes the task history in (newest first); a row whose task has ended is fetched again. FX thread. */
    public void updateTasks(List<TaskProgress> newestFirst) {
        refresher.updateTasks(newestFirst);
        if (tags.update(newestFirst, index::extraTextChanged) && !SearchIndex.normalize(search.get()).isEmpty()) publish();
    }


    /** Fetches one opportunity again and puts the fresh row in place; the record goes to {@link #setOnRecordRefreshed}. */
    public void refreshRow(String id) { refresher.refresh(id); }

    /** Told the full record of each row fetched again ({@link #refreshRow}). */
    public void setOnRecordRefreshed(Consumer<Opportunity> listener) { this.onRecordRefreshed = listener; }

    /** Project titles learnt from opened opportunities (the list call does not carry them), by id. */
    public ObservableMap<String, String> titles() { return titles.titles(); }

    public String titleOf(String id) { return titles.titleOf(id); }

    public void rememberTitle(String id, String title) { titles.remember(id, title); }

    /** A row showing on screen has no title yet: fetch it in the background (newest requests first). FX thread. */
    public void wantTitle(String id) { titles.want(id); }

    /** The Readiness column's verdicts by id. */
    public ObservableMap<String, ListReadiness.Verdict> readiness() { return records.readiness(); }

    /** The row's verdict: from its checked record, else what its review status and stage alone say. */
    public ListReadiness.Verdict readinessOf(OpportunitySummary row) { return records.readinessOf(row); }

    /** A full record fetched elsewhere (the detail pane, on selection): its row's readiness and title are known now. */
    public void recordFetched(Opportunity o) {
        if (o == null || o.id() == null) return;
        int i = feed.indexOf(o.id());
        records.recordFetched(o, i >= 0 ? feed.rows().get(i) : null);
        titles.remember(o);
    }

    /** The "Ready to submit" quick filter: only rows whose verdict is ready. */
    public BooleanProperty readyOnlyProperty() { return readyOnly; }

    /** Full records the background check may fetch this session; the rep may change it (0: none). */
    public IntegerProperty recordBudgetProperty() { return records.budgetProperty(); }

    /** Full records the background check fetched this session. */
    public ReadOnlyIntegerProperty recordsCheckedProperty() { return records.checkedProperty(); }

    /** Fetches, within the budget, the records of loaded rows that could still be submitted. FX thread. */
    public void checkRecords() {
        if (source.keepsStore()) records.check(List.of(feed.rows(), feed.heldRows()));
    }

    /** The rep's saved views of this list (made on first use). */
    public SavedViewsModel savedViews() {
        if (savedViews == null) savedViews = new SavedViewsModel(this, source.savedViews(), background);
        return savedViews;
    }

    // --- loads ---------------------------------------------------------------------------------------------------

    /**
     * F5: with a store, the stored rows at once (marked "as of" their last sync), then an incremental sync; without
     * one, the list again from the first page with the current filter. A load under way is abandoned, except the
     * launch's preview of the stored rows, which goes on into the sync. FX thread.
     */
    public void refresh() { if (!loader.continuePreview()) load(PagedLoader.Kind.SYNC); }

    /** At launch, while the first connection is made: the stored rows at once, marked "as of" their last sync. */
    public void showStored() { if (source.keepsStore() && !everLoaded) load(PagedLoader.Kind.PREVIEW); }

    /** Shift+F5: with a store, a full sync (every page; rows no longer listed are dropped); else as {@link #refresh}. */
    public void reload() { load(PagedLoader.Kind.FULL); }

    /** Read calls a full reload (Shift+F5) would take: one per hundred stored rows. */
    public long fullReloadReads() { return store.storedCount() / PagedLoader.PAGE_SIZE + 1L; }

    /** Whether Shift+F5 must ask first: it would use more than a tenth of the day's read budget. */
    public boolean fullReloadNeedsConfirmation() {
        return source.keepsStore() && CallBudget.isLargeShareOfDay(fullReloadReads());
    }

    /** Stops a load under way (keeps the rows loaded so far). */
    public void stop() {
        loader.abandonPreview();
        feed.stop();
        loading.set(false);
        updateStatus();
    }

    /** True while rows of the load under way are held back from {@link #rows} (tests). */
    boolean hasHeldRows() { return feed.hasHeldRows(); }

    /** Hands every row loaded so far to {@link #rows} now (tests; the views go through search, sort, rowShown). */
    void showAllLoaded() { feed.showAllLoaded(); }

    /** True while the row of {@code id} is being replaced by its fresher copy, or all rows for a reload. */
    boolean isReplacing(String id) { return feed.isReplacing(id); }

    /** Where the row of {@code id} is in {@link #rows}, or -1. */
    int indexOf(String id) { return feed.indexOf(id); }

    private void load(PagedLoader.Kind kind) {
        everLoaded = true;
        int gen = feed.begin();
        notice.set("");
        loaded.set(0);
        complete.set(false);
        failure.set(null);
        loading.set(true);
        updateStatus();
        loader.load(gen, filter.get(), kind);
    }

    /** The feed took rows in (or handed them over). */
    private void progressed() {
        loaded.set(feed.loadedCount());
        updateStatus();
    }

    /** The feed handed the last row of the load over. */
    private void ended(boolean done, Throwable error) {
        loaded.set(feed.loadedCount());
        loading.set(false);
        complete.set(done);
        failure.set(error);
    }

    // --- open, refreshed rows ------------------------------------------------------------------------------------

    /** Told the row to select and scroll to when {@link #open} has found it. */
    public void setOnShowRow(Consumer<OpportunitySummary> listener) { this.onShowRow = listener; }

    /**
     * "Open the opportunity": shows the row of {@code id}. A search hiding it is cleared; a row not loaded is fetched
     * (GetOpportunity, in the background) and added, and when the server-side filters exclude it they are cleared
     * too. Each change is said in the status line; a failed fetch as well. FX thread.
     */
    public void open(String id) {
        feed.dropStaleRows();
        feed.showAllLoaded();
        int i = feed.indexOf(id);
        if (i >= 0) {
            OpportunitySummary row = feed.rows().get(i);
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
            titles.remember(full);
            int at = feed.indexOf(id); // its page may have arrived meanwhile
            OpportunitySummary row = at >= 0 ? feed.rows().get(at) : OpportunitySummary.of(full, null);
            String said = "opportunities.notice.fetched";
            if (!search.get().isBlank()) {
                search.set("");
                said = "opportunities.notice.searchCleared";
            }
            if (!filter.get().isAny() && !filter.get().matches(row)) {
                filter.set(OpportunityFilter.ANY); // reloads: the row is kept and its page will not add it twice
                said = "opportunities.notice.filtersCleared";
            }
            feed.addOpened(row);
            loaded.set(feed.loadedCount());
            notice.set(Messages.format(said, id));
            updateStatus();
            onShowRow.accept(row);
        }, error -> {
            notice.set(Messages.format("opportunities.notice.openFailed", id,
                    ErrorReport.of(Messages.get("error.action.openOpportunity"), error).message()));
            updateStatus();
        });
    }

    private void refreshed(Opportunity full) {
        titles.remember(full);
        feed.refreshed(full.id(), full);
        onRecordRefreshed.accept(full);
    }

    // --- search --------------------------------------------------------------------------------------------------

    /**
     * Puts the rows matching the search and the quick filter, in order, into {@link #visible}: an append when only
     * rows were added at its end, else one {@code setAll} (through the {@link Publisher}); nothing when unchanged.
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
            publisher.publish(() -> visible.setAll(result), feed.isReplacingRows());
        }
        updateStatus();
    }

    private void updateStatus() {
        status.set(StatusLine.of(feed.loadedCount(), loading.get(), failure.get() != null,
                filtering ? visible.size() : -1, store.asOfProperty().get(), notice.get()));
    }
}
