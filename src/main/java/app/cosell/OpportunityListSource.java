package app.cosell;

import app.cosell.engagement.CallBudget;
import app.cosell.engagement.ListReadiness;
import app.cosell.engagement.PipelineSync;
import app.cosell.engagement.ReadinessCheck;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.store.Database;
import app.cosell.store.PipelineStore;
import app.cosell.store.SavedViewStore;
import app.cosell.store.StoreFiles;
import app.cosell.ui.opportunities.OpportunityFilter;
import app.cosell.ui.opportunities.OpportunitySource;
import app.cosell.ui.opportunities.SavedView;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.UiSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opportunity list's source over the {@link ConnectionKeeper}: pages of the live connection, the stored rows of
 * its pipeline store (or, before the first connection, of the store that connection will use), the rows read ahead
 * at launch, the sync, the Readiness column's verdicts, and the saved views in the app-wide store.
 */
final class OpportunityListSource implements OpportunitySource {

    /** Stored rows per chunk the list reads (the first chunk is on screen while the next are read). */
    private static final int STORED_CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(OpportunityListSource.class);

    private final ConnectionKeeper connection;
    private final SettingsKeeper settings;
    private final ObjectMapper json;
    private final Executor executor;
    private final Path dataDir;
    /** The context's one lock (see {@link AppContext}): guards the saved views' store. */
    private final Object lock;
    /** The list's Readiness column (store feature): the one place its rules are chosen. */
    private final ListReadiness listReadiness = new ListReadiness(new ReadinessCheck());

    // Guarded by lock: opened on first use, off the FX thread.
    private Database savedViewsDb;
    private SavedViewStore savedViews;

    /** The first stored rows of a view, read at launch before the main window is drawn. */
    private record Prefetched(PipelineStore.RowFilter filter, List<PipelineStore.StoredRow> rows) {}

    /** What the launch read ahead; {@link #PREFETCH_TAKEN} once the list read stored rows (later reads are fresher). */
    private final AtomicReference<Prefetched> prefetched = new AtomicReference<>();
    private static final Prefetched PREFETCH_TAKEN = new Prefetched(null, List.of());

    OpportunityListSource(ConnectionKeeper connection, SettingsKeeper settings, ObjectMapper json, Executor executor,
                          Path dataDir, Object lock) {
        this.connection = connection;
        this.settings = settings;
        this.json = json;
        this.executor = executor;
        this.dataDir = dataDir;
        this.lock = lock;
    }

    /**
     * Reads, in the background, the first stored rows of the view the rep left (the last filter), so that the list
     * has them when the main window's first frame is drawn; the list's first read of that view takes them. Also
     * opens the store the settings' connection will use. A launch with nothing stored reads nothing.
     */
    void prefetchStoredRows() {
        executor.execute(() -> {
            try {
                PipelineStore store = connection.listStore();
                if (store == null) return;
                UiSettings.LastFilter last = settings.get().filter();
                PipelineStore.RowFilter filter = new PipelineStore.RowFilter(last.stages(), last.reviewStatuses(),
                        last.company());
                List<PipelineStore.StoredRow> first = new ArrayList<>();
                store.readRows(filter, STORED_CHUNK, read -> { first.addAll(read); return false; });
                prefetched.compareAndSet(null, new Prefetched(filter, List.copyOf(first))); // unless the list read first
            } catch (RuntimeException e) {
                LOG.warn("Could not read the stored rows ahead (the list reads them itself)", e);
            }
        });
    }

    @Override
    public Page list(OpportunityFilter f, String nextToken, int maxResults) {
        OpportunityQuery q = OpportunityQuery.all()
                .withStages(List.copyOf(f.stages()))
                .withReviewStatuses(List.copyOf(f.reviewStatuses()))
                .withCompanyNames(f.company().isEmpty() ? List.of() : List.of(f.company()));
        OpportunityPage page = connection.partnerCentral().listOpportunities(q, nextToken, maxResults);
        return new Page(page.opportunities(), page.nextToken());
    }

    @Override
    public Opportunity get(String id) { return connection.pipelineSync().fetchRecord(id); }

    // The pipeline store of the current connection (store feature).
    @Override public boolean keepsStore() { return true; }

    @Override
    public int storedCount() {
        PipelineStore store = connection.listStore();
        return store == null ? 0 : store.count();
    }

    @Override
    public void readStored(OpportunityFilter filter, Predicate<Stored> chunk) {
        PipelineStore store = connection.listStore();
        if (store == null) {
            chunk.test(new Stored(List.of(), null, Map.of()));
            return;
        }
        PipelineStore.RowFilter rows = new PipelineStore.RowFilter(filter.stages(), filter.reviewStatuses(),
                filter.company());
        Instant asOf = PipelineSync.lastSync(store).orElse(null);
        boolean[] any = {false};
        // The first rows of this view may have been read at launch, before the window was drawn.
        Prefetched ready = prefetched.getAndSet(PREFETCH_TAKEN); // only the list's first read may use it
        Set<String> given = new HashSet<>();
        if (ready != null && ready != PREFETCH_TAKEN && ready.filter().equals(rows) && !ready.rows().isEmpty()) {
            any[0] = true;
            ready.rows().forEach(r -> given.add(r.summary().id()));
            if (!chunk.test(stored(ready.rows(), asOf))) return;
        }
        store.readRows(rows, STORED_CHUNK, read -> {
            List<PipelineStore.StoredRow> fresh = given.isEmpty() ? read
                    : read.stream().filter(r -> !given.contains(r.summary().id())).toList();
            if (fresh.isEmpty()) return true;
            any[0] = true;
            return chunk.test(stored(fresh, asOf));
        });
        if (!any[0]) chunk.test(new Stored(List.of(), asOf, Map.of()));
    }

    /** Stored rows as the list takes them: the rows, when they were last synced, and the readiness known of each. */
    private Stored stored(List<PipelineStore.StoredRow> rows, Instant asOf) {
        LocalDate today = LocalDate.now();
        Map<String, ListReadiness.Verdict> verdicts = new HashMap<>();
        List<OpportunitySummary> summaries = new ArrayList<>(rows.size());
        for (PipelineStore.StoredRow r : rows) {
            summaries.add(r.summary());
            ListReadiness.Verdict v = listReadiness.of(r.summary(), r.record(), today);
            if (v.state() != ListReadiness.State.UNKNOWN) verdicts.put(r.summary().id(), v);
        }
        return new Stored(summaries, asOf, verdicts);
    }

    @Override
    public SavedView.Storage savedViews() { return savedViewStorage(); }

    @Override
    public ListReadiness.Verdict readiness(OpportunitySummary row, Opportunity record) {
        return listReadiness.of(row, record, LocalDate.now());
    }

    @Override
    public boolean sync(boolean full, Consumer<List<OpportunitySummary>> pageStored) {
        PipelineSync.Result r = connection.pipelineSync().sync(full, (rows, merge) -> pageStored.accept(rows));
        return r.added() + r.changed() + r.removed() > 0;
    }

    @Override
    public CallBudget.Usage usage() { return connection.usage(); }

    /** The saved views in the app-wide store ({@code cosell.db}), opened on first use (off the FX thread). */
    private SavedView.Storage savedViewStorage() {
        return new SavedView.Storage() {
            @Override
            public List<SavedView> load() throws Exception {
                List<SavedView> out = new ArrayList<>();
                for (String text : savedViewStore().all().values()) {
                    out.add(json.readValue(text, SavedView.class));
                }
                return out;
            }

            @Override
            public void save(SavedView view) throws Exception {
                savedViewStore().save(view.name(), json.writeValueAsString(view), Instant.now());
            }

            @Override
            public void delete(String name) { savedViewStore().delete(name); }
        };
    }

    private SavedViewStore savedViewStore() {
        synchronized (lock) {
            if (savedViews == null) {
                savedViewsDb = Database.open(StoreFiles.appFile(dataDir));
                savedViews = new SavedViewStore(savedViewsDb);
            }
            return savedViews;
        }
    }

    /** Closes the app-wide store of the saved views, if it was opened. Under the lock. */
    void closeSavedViews() {
        if (savedViewsDb != null) savedViewsDb.close();
    }
}
