package app.cosell;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.engagement.BatchRun;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.Batches;
import app.cosell.engagement.CallBudget;
import app.cosell.engagement.ChangeWatchStore;
import app.cosell.engagement.ChangeWatcher;
import app.cosell.engagement.CurrentConnection;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.InvitationReplies;
import app.cosell.engagement.ListReadiness;
import app.cosell.engagement.LogTail;
import app.cosell.engagement.PacedPartnerCentral;
import app.cosell.engagement.PipelineSync;
import app.cosell.engagement.PollSchedule;
import app.cosell.engagement.ReadinessCheck;
import app.cosell.engagement.ReadinessIssue;
import app.cosell.engagement.ReviewChange;
import app.cosell.engagement.ReviewReport;
import app.cosell.engagement.StartGuard;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppDataFolder;
import app.cosell.files.AppJson;
import app.cosell.files.JsonFileStore;
import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.AwsProfile;
import app.cosell.model.Batch;
import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.FailureKind;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.Solution;
import app.cosell.model.StartVerdict;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.CallObserver;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.partner.SsoSignIn;
import app.cosell.store.BatchQueue;
import app.cosell.store.Database;
import app.cosell.store.PipelineStore;
import app.cosell.store.SavedViewStore;
import app.cosell.store.StoreFiles;
import app.cosell.ui.batch.BatchModel;
import app.cosell.ui.common.FxBackground;
import app.cosell.ui.common.LogTailSource;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.edit.EditWindows;
import app.cosell.ui.edit.OpportunityEditModel;
import app.cosell.ui.edit.OpportunityEditor;
import app.cosell.ui.engage.AwsCliText;
import app.cosell.ui.engage.EngageWindows;
import app.cosell.ui.invitations.InboxModel;
import app.cosell.ui.main.ConnectionInfo;
import app.cosell.ui.main.EngageLauncher;
import app.cosell.ui.main.MainWindow;
import app.cosell.ui.main.MainWindowReviews;
import app.cosell.ui.main.ShellServices;
import app.cosell.ui.main.SignInService;
import app.cosell.ui.opportunities.OpportunityFilter;
import app.cosell.ui.opportunities.OpportunitySource;
import app.cosell.ui.opportunities.ReadinessItem;
import app.cosell.ui.opportunities.SavedView;
import app.cosell.ui.review.ChangeAlertsModel;
import app.cosell.ui.review.ChangeAlertsView;
import app.cosell.ui.review.FixRequest;
import app.cosell.ui.review.ReviewScreens;
import app.cosell.ui.review.ReviewSource;
import app.cosell.ui.settings.EmulatorAdmin;
import app.cosell.ui.settings.FaultScenarios;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.SettingsModel;
import app.cosell.ui.settings.UiSettings;
import app.cosell.ui.settings.UiSettingsStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring of the app, by constructor: the one application executor, the JSON mapper, the settings, the task
 * history, the connection to Partner Central (an AWS profile, or the embedded emulator, started lazily off the FX
 * thread) and the engagement runner. The only class besides {@link Launcher} that knows every package, and the only
 * one that constructs the emulator. Construction does no I/O except reading the small settings file.
 *
 * <p>It stays one class although it is long: it is the composition root, the one place allowed to know every package
 * (the ArchUnit rules hold everything else to fewer), and its lazily made parts (connection, emulator, stores,
 * runner, history) share one lock and one order of closing, which a split would spread over classes that would then
 * each need every package. Wiring that belongs to one family of screens lives on the ui side instead (e.g.
 * {@link MainWindowReviews} for AWS's review and alerts).
 */
public final class AppContext implements AutoCloseable {

    /** Stored rows per chunk the list reads (the first chunk is on screen while the next are read). */
    private static final int STORED_CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    static final String SETTINGS_FILE = "settings.json";
    static final String EMULATOR_FILE = "emulator-state.json";

    /**
     * How to build the context.
     *
     * @param dataDir         where settings, task history and the emulator's state live
     * @param profiles        where AWS profiles are discovered
     * @param emulator        how the embedded emulator is set up when it is used
     * @param settingsQuiet   how long the settings wait after a change before they are saved
     */
    public record Options(Path dataDir, AwsProfiles profiles, EmulatorSetup emulator, Duration settingsQuiet) {

        /** The desktop app: the per-OS data folder, the rep's AWS profiles, a realistic emulator. */
        public static Options desktop() {
            return new Options(AppDataFolder.resolve(), AwsProfiles.fromEnvironment(),
                    new EmulatorSetup(2_000, null, true), Duration.ofMillis(400));
        }
    }

    /**
     * @param opportunities seeded opportunities per catalog
     * @param stepDelay     the delay of each task step; null: from the settings' emulator speed
     * @param throttling    whether the emulator enforces the write quota
     */
    public record EmulatorSetup(int opportunities, Duration stepDelay, boolean throttling) {}

    private final Options options;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cosell-", 0).factory());
    private final ObjectMapper json = AppJson.newMapper();
    private final JsonFileStore<UiSettings> settingsFile;
    private final SettingsKeeper settings;
    private final Connections connections;
    private final ReadinessCheck readiness = new ReadinessCheck();
    /** The list's Readiness column (store feature): the one place its rules are chosen. */
    private final ListReadiness listReadiness = new ListReadiness(readiness);
    private final FailureAdviceCatalogue advice = FailureAdviceCatalogue.forLocale(Locale.getDefault());
    private final List<Runnable> historyListeners = new CopyOnWriteArrayList<>();
    private Function<Stage, EngageLauncher> engageScreens = this::engageWindows;
    // After submission (AWS's review, alerts): see the block "AWS's review and alerts" below.
    private Duration reviewFollowEvery = Duration.ofSeconds(5);
    /** Null: the rep's setting (Settings → Alerts), default ChangeWatcher.DEFAULT_INTERVAL. */
    private Duration alertInterval;
    private Duration emulatorReviewDelay;
    private volatile FixRequest fixRequest;
    private MainWindowReviews reviews;
    private ChangeWatcher changeWatcher;

    // Guarded by this: created on first use, off the FX thread.
    private TaskHistory history;
    private PartnerCentralEmulator emulator;
    private PartnerCentral gateway;
    private EngagementRunner runner;
    /**
     * What the runner calls through: switched to each new gateway, so tasks running across a reconnect are handed to
     * the new connection instead of failing on the closed one (issue #17).
     */
    private final CurrentConnection liveConnection = CurrentConnection.switchable();
    private EmulatorAdmin emulatorAdmin;
    private BatchQueue batchQueue;
    private Batches batches;
    // --- the pipeline store of the current connection (store/sync feature) ---
    /** Hands the SDK's attempts and throttled answers to the current connection's budget. */
    private final CallRelay callRelay = new CallRelay();
    private volatile PipelineStore pipeline;
    private PipelineSync sync;
    /** Opened before the launch's first connection to show the stored rows at once; adopted by it when the same file. */
    private final Object earlyLock = new Object();
    private PipelineStore earlyPipeline;
    private Database savedViewsDb;
    private SavedViewStore savedViews;
    /** The connection made last (read without the lock by FX-thread callers). */
    private volatile ConnectionInfo current;

    public AppContext(Options options) {
        this.options = options;
        this.settingsFile = new JsonFileStore<>(options.dataDir().resolve(SETTINGS_FILE), json, UiSettings.class,
                () -> UiSettings.DEFAULTS);
        JsonFileStore.Loaded<UiSettings> loaded = settingsFile.load();
        if (loaded.hasProblem()) LOG.warn("Settings unreadable, starting with defaults: {}", loaded.problem());
        UiSettingsStore store = new UiSettingsStore() {
            @Override public UiSettings load() { return settingsFile.load().value(); }
            @Override public void save(UiSettings s) { settingsFile.save(s); }
        };
        this.settings = new SettingsKeeper(store, loaded.value(), executor, options.settingsQuiet());
        this.connections = new Connections(options.profiles(), AppContext.class.getPackage().getImplementationVersion())
                .observedBy(callRelay);
    }

    /** Replaces the engagement screens (UI tests of the shell alone). */
    public AppContext withEngageScreens(Function<Stage, EngageLauncher> factory) {
        this.engageScreens = factory;
        return this;
    }

    public ExecutorService executor() { return executor; }

    public ObjectMapper json() { return json; }

    public SettingsKeeper settings() { return settings; }

    public FailureAdviceCatalogue advice() { return advice; }

    /** The task history (read from disk on first use: call off the FX thread). */
    public synchronized TaskHistory history() {
        if (history == null) {
            history = TaskHistory.open(options.dataDir(), json);
            history.addListener(t -> historyListeners.forEach(Runnable::run));
            history.loadProblem().ifPresent(p -> LOG.warn("Task history unreadable, moved to {}: {}", p.movedTo(), p.reason()));
        }
        return history;
    }

    /** The runner of the current connection (after {@link #connect}). */
    public synchronized EngagementRunner runner() {
        if (runner == null) throw new IllegalStateException("Not connected");
        return runner;
    }

    /** The gateway of the current connection (after {@link #connect}). */
    public synchronized PartnerCentral partnerCentral() {
        if (gateway == null) throw PartnerCentralFailure.of(FailureKind.NETWORK, Messages.get("header.notConnected"), null);
        return gateway;
    }

    /** The embedded emulator, if it runs: for tests in this package (they hold its tasks with the step hook). */
    synchronized PartnerCentralEmulator embeddedEmulator() { return emulator; }

    /** The embedded emulator's endpoint, if it runs (tests, diagnostics). */
    public synchronized URI emulatorEndpoint() { return emulator == null ? null : emulator.endpoint(); }

    /** The embedded emulator's admin secret (its per-launch one), if it runs (tests, diagnostics); never logged. */
    public synchronized String emulatorAdminToken() { return emulator == null ? null : emulator.adminToken(); }

    /**
     * Opens the connection the settings ask for, closing the previous one: the emulator when asked, or when
     * AUTOMATIC and this machine has no AWS profile; else the chosen (or default) profile. Blocking.
     */
    public synchronized ConnectionInfo connect() throws IOException, InterruptedException {
        UiSettings.Connection wanted = settings.get().connection();
        List<AwsProfile> profiles = wanted.target() == UiSettings.Target.EMULATOR ? List.of() : options.profiles().discover();
        boolean useEmulator = wanted.target() == UiSettings.Target.EMULATOR
                || (wanted.target() == UiSettings.Target.AUTOMATIC && profiles.isEmpty());
        // The old gateway stays in use by running tasks until the new one replaces it; if opening the new one
        // fails, running tasks wait (paused) for the next connection instead of calling a closed client.
        PartnerCentral previous = gateway;
        gateway = null;
        current = null;
        closePipeline();
        ConnectionInfo info;
        try {
            if (useEmulator) {
                startEmulator();
                gateway = connections.forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(),
                        wanted.catalog());
                info = new ConnectionInfo(ConnectionInfo.Kind.EMULATOR, null, wanted.catalog(), emulator.endpoint().toString());
            } else {
                String name = profileName(wanted, profiles);
                gateway = connections.open(ConnectionSettings.profile(name, wanted.catalog()));
                info = new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, name, wanted.catalog(), gateway.describe());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            liveConnection.disconnect();
            if (previous != null) previous.close();
            throw e;
        }
        gateway = pacedWithStore(gateway, useEmulator ? StoreFiles.connectionKey(null, null, true)
                : StoreFiles.connectionKey(info.profileName(), null, false), wanted.catalog());
        liveConnection.switchTo(gateway);
        if (previous != null) previous.close();
        // One runner for the app's life: it asks the live connection for the gateway at every call.
        if (runner == null) runner = new EngagementRunner(liveConnection, history(), Clock.systemUTC(),
                PollSchedule.standard());
        current = info;
        LOG.info("Connected: {}", gateway.describe());
        return info;
    }

    /** The first stored rows of a view, read at launch before the main window is drawn. */
    private record Prefetched(PipelineStore.RowFilter filter, List<PipelineStore.StoredRow> rows) {}

    /** What the launch read ahead; {@link #PREFETCH_TAKEN} once the list read stored rows (later reads are fresher). */
    private final AtomicReference<Prefetched> prefetched = new AtomicReference<>();
    private static final Prefetched PREFETCH_TAKEN = new Prefetched(null, List.of());

    /**
     * Reads, in the background, the first stored rows of the view the rep left (the last filter), so that the list
     * has them when the main window's first frame is drawn; the list's first read of that view takes them. Also
     * opens the store the settings' connection will use. A launch with nothing stored reads nothing.
     */
    public void prefetchStoredRows() {
        executor.execute(() -> {
            try {
                PipelineStore store = listStore();
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

    /** Stored rows as the list takes them: the rows, when they were last synced, and the readiness known of each. */
    private OpportunitySource.Stored stored(List<PipelineStore.StoredRow> rows, Instant asOf) {
        LocalDate today = LocalDate.now();
        Map<String, ListReadiness.Verdict> verdicts = new HashMap<>();
        List<OpportunitySummary> summaries = new ArrayList<>(rows.size());
        for (PipelineStore.StoredRow r : rows) {
            summaries.add(r.summary());
            ListReadiness.Verdict v = listReadiness.of(r.summary(), r.record(), today);
            if (v.state() != ListReadiness.State.UNKNOWN) verdicts.put(r.summary().id(), v);
        }
        return new OpportunitySource.Stored(summaries, asOf, verdicts);
    }

    /**
     * The pipeline store the list reads: the connection's, or before the first connection the one the settings'
     * connection will use, when it exists (opened without connecting: no SDK client, no call). Null when none.
     */
    private PipelineStore listStore() {
        PipelineStore connected = pipeline;
        if (connected != null) return connected;
        synchronized (earlyLock) {
            if (earlyPipeline == null) {
                UiSettings.Connection wanted = settings.get().connection();
                List<AwsProfile> profiles = wanted.target() == UiSettings.Target.EMULATOR ? List.of()
                        : options.profiles().discover();
                boolean useEmulator = wanted.target() == UiSettings.Target.EMULATOR
                        || (wanted.target() == UiSettings.Target.AUTOMATIC && profiles.isEmpty());
                String key = useEmulator ? StoreFiles.connectionKey(null, null, true)
                        : StoreFiles.connectionKey(profileName(wanted, profiles), null, false);
                Path file = StoreFiles.pipelineFile(options.dataDir(), key, wanted.catalog());
                if (Files.exists(file)) earlyPipeline = PipelineStore.open(file, json);
            }
            return earlyPipeline;
        }
    }

    private static String profileName(UiSettings.Connection wanted, List<AwsProfile> profiles) {
        return wanted.target() == UiSettings.Target.AWS_PROFILE ? wanted.profileName()
                : profiles.stream().filter(AwsProfile::isDefault).findFirst().orElse(profiles.getFirst()).name();
    }

    /**
     * Opens the pipeline store of this connection and catalog, and wraps the gateway so every call of the app
     * waits in the one call budget (its day's counts kept in that store).
     */
    private PartnerCentral pacedWithStore(PartnerCentral sdk, String connectionKey, Catalog catalog) {
        Path file = StoreFiles.pipelineFile(options.dataDir(), connectionKey, catalog);
        synchronized (earlyLock) {
            if (earlyPipeline != null && earlyPipeline.file().equals(file)) pipeline = earlyPipeline;
            else if (earlyPipeline != null) earlyPipeline.close();
            earlyPipeline = null;
        }
        if (pipeline == null) pipeline = PipelineStore.open(file, json);
        CallBudget budget = new CallBudget(pipeline.ledger(), Clock.systemUTC());
        callRelay.target = budget;
        PacedPartnerCentral paced = new PacedPartnerCentral(sdk, budget);
        sync = new PipelineSync(paced, pipeline, Clock.systemUTC());
        return paced;
    }

    private void closePipeline() {
        callRelay.target = CallObserver.NONE;
        sync = null;
        if (pipeline != null) pipeline.close();
        pipeline = null;
    }

    /** The pipeline sync of the current connection (after {@link #connect}). */
    public synchronized PipelineSync pipelineSync() {
        if (sync == null) throw PartnerCentralFailure.of(FailureKind.NETWORK, Messages.get("header.notConnected"), null);
        return sync;
    }

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

    private synchronized SavedViewStore savedViewStore() {
        if (savedViews == null) {
            savedViewsDb = Database.open(StoreFiles.appFile(options.dataDir()));
            savedViews = new SavedViewStore(savedViewsDb);
        }
        return savedViews;
    }

    /** Forwards to the budget of the connection made last. */
    private static final class CallRelay implements CallObserver {
        volatile CallObserver target = CallObserver.NONE;

        @Override public void onAttempt(String operation) { target.onAttempt(operation); }

        @Override public void onThrottled(String operation) { target.onThrottled(operation); }
    }

    private void startEmulator() throws IOException, InterruptedException {
        if (emulator != null) return;
        EmulatorSetup setup = options.emulator();
        UiSettings.EmulatorDemo demo = settings.get().emulator();
        PartnerCentralEmulator.Builder b = PartnerCentralEmulator.builder().port(0).randomCredentials().admin(true)
                .opportunities(setup.opportunities()).throttling(setup.throttling())
                .dataFile(options.dataDir().resolve(EMULATOR_FILE));
        // The rep's demo settings (speed, fault scenario) go in with the start, not through the admin endpoint
        // afterwards: tasks resumed from the state file run at the chosen speed from their first step, and no admin
        // client (an HTTP client with a thread of its own) is made on the way to the first page. The settings screen
        // uses the admin endpoint (emulatorAdmin(), made on first use).
        // A fixed step delay (tests, benchmarks) wins over the rep's speed.
        Duration delay = setup.stepDelay() != null ? setup.stepDelay() : Duration.ofMillis(demo.speed().stepDelayMillis());
        b.stepDelay(delay).instant(delay.isZero());
        b.reviewDelay(emulatorReviewDelay != null ? emulatorReviewDelay
                : setup.stepDelay() != null ? Duration.ofMinutes(1) : Duration.ofMillis(demo.speed().reviewDelayMillis()));
        if (demo.faultScenario() != null) b.faults(json.writeValueAsString(FaultScenarios.faultJson(demo.faultScenario())));
        emulator = b.start();
    }

    /** The admin client of the running embedded emulator (made on first use), or null. */
    private synchronized EmulatorAdmin emulatorAdmin() {
        if (emulator == null) return null;
        if (emulatorAdmin == null) emulatorAdmin = new EmulatorAdmin(emulator.endpoint(), json, emulator.adminToken());
        return emulatorAdmin;
    }

    /** The engagement screens (ui.engage, ui.progress) for the main window {@code owner}. */
    private EngageLauncher engageWindows(Stage owner) {
        // "Open the opportunity" brings the main window, where the opportunity is listed, to the front.
        EngageWindows windows = EngageWindows.create(owner, executor, this::runner, advice, options.dataDir(), json,
                this::cliTarget, AppContext.class.getPackage().getImplementationVersion(), id -> owner.toFront());
        windows.progressWindows().setAfterComplete(id -> reviewScreens().following(id));
        windows.progressWindows().setLogTail(logTail());
        UiSettings.WindowSize size = settings.get().progressWindow();
        windows.progressWindows().rememberSize(size == null ? null : new Dimension2D(size.width(), size.height()),
                d -> settings.update(x -> x.withProgressWindow(new UiSettings.WindowSize(d.getWidth(), d.getHeight()))));
        guardAndFix(windows, owner);
        return windows;
    }

    /** The last lines of the app's log file (the support texts carry them), read on the executor. */
    public LogTailSource logTail() {
        Path file = AppLog.file(options.dataDir());
        return onFx -> executor.execute(() -> {
            String tail = LogTail.read(file, 60);
            Platform.runLater(() -> onFx.accept(tail));
        });
    }

    // --- guard & fix (issue 11): the start guard for the form and the detail pane, the opportunity editor --------

    private final StartGuard startGuard = new StartGuard();
    private volatile Consumer<String> browser = url -> {};

    /** The opportunity editor of the main window (set with its engagement screens; read on the FX thread). */
    private volatile OpportunityEditor editor;

    private void guardAndFix(EngageWindows windows, Stage owner) {
        FxBackground background = new FxBackground(executor);
        EditWindows editor = new EditWindows(() -> owner, background,
                new OpportunityEditModel.Services() {
                    @Override public Opportunity load(String id) { return partnerCentral().getOpportunity(id); }
                    @Override public Opportunity save(OpportunityUpdate u) {
                        return partnerCentral().updateOpportunity(u);
                    }
                    @Override public List<Solution> solutions() { return partnerCentral().listSolutions(); }
                    @Override public StartVerdict verdict(Opportunity o) {
                        return startGuard.decide(o, ourTaskRunning(o.id()), LocalDate.now());
                    }
                }, LocalDate::now);
        this.editor = editor;
        windows.guardAndFix(id -> {
            Opportunity o = partnerCentral().getOpportunity(id);
            boolean running = ourTaskRunning(id);
            Map<InvolvementType, StartVerdict> byInvolvement =
                    new EnumMap<>(InvolvementType.class);
            for (InvolvementType t : InvolvementType.values())
                byInvolvement.put(t, startGuard.decide(o, t, running, LocalDate.now()));
            return byInvolvement;
        }, background, editor, url -> browser.accept(url));
    }

    /** Whether a task of ours for the opportunity has not ended (the history, which the runner keeps current). */
    private boolean ourTaskRunning(String opportunityId) {
        return history().forOpportunity(opportunityId).stream().anyMatch(t -> !t.isEnded());
    }

    /** Where a copied AWS CLI command points: the current connection. Called on the FX thread: takes no lock. */
    private AwsCliText.Target cliTarget() {
        ConnectionInfo c = current;
        if (c == null || c.isEmulator()) {
            return new AwsCliText.Target(ConnectionSettings.DEFAULT_REGION, c == null ? null : c.endpoint(), null);
        }
        return new AwsCliText.Target(ConnectionSettings.DEFAULT_REGION, null, c.profileName());
    }

    /** What the console shell needs, backed by this context; {@code openInBrowser} shows web pages (sign-in). */
    public ShellServices shell(Consumer<String> openInBrowser) {
        this.browser = openInBrowser;
        return new ShellServices(this::connect, opportunitySource(), readinessCheck(), historyFeed(), settings,
                settingsServices(), new FxBackground(executor), engageScreens, this::beginSignIn, openInBrowser,
                batchServices(), invitationSource());
    }

    /** Batch engagement (queue file opened on first use, off the FX thread). */
    public synchronized Batches batches() {
        if (batches == null) {
            batchQueue = BatchQueue.open(options.dataDir());
            batches = new Batches(batchQueue, history(), this::partnerCentral, this::runner, this::writesLeftToday, executor,
                    Clock.systemUTC(), AppContext::words);
        }
        return batches;
    }

    /** Writes the day's budget still allows, as the current connection's call budget counts them. */
    private long writesLeftToday() {
        PartnerCentral pc = partnerCentral();
        if (!(pc instanceof PacedPartnerCentral paced)) return CallBudget.WRITES_PER_DAY;
        return Math.max(0, CallBudget.WRITES_PER_DAY - paced.budget().usage().writesToday());
    }

    /** A bundle text with its arguments (the key itself when the bundle has none). */
    private static String words(String key, List<String> args) {
        if (key == null) return "";
        return Messages.bundle().containsKey(key) ? MessageFormat.format(Messages.get(key), args.toArray()) : key;
    }

    private BatchModel.Services batchServices() {
        return new BatchModel.Services() {
            @Override public Catalog catalog() { return partnerCentral().catalog(); }
            @Override public BatchTriage.Result triage(List<String> ids, InvolvementType involvement,
                                                       Consumer<BatchTriage.Entry> onEntry)
                    throws InterruptedException {
                return batches().triage(ids, involvement, onEntry);
            }
            @Override public BatchRun plan(Batch settings, BatchTriage.Result triage, Map<String, List<Tag>> extraTags) {
                return batches().plan(settings, triage, extraTags);
            }
            @Override public long writesLeftToday() { return batches().writesLeftToday(); }
            @Override public void export(BatchRun run, Path file) throws Exception { batches().export(run, file); }
            @Override public String words(String key, List<String> args) { return AppContext.words(key, args); }
            @Override public FailureAdviceCatalogue advice() { return advice; }
            @Override public List<BatchRun> unfinished() {
                // Only the batches of the connected catalog can go on now; the others wait for theirs.
                Catalog connected = partnerCentral().catalog();
                return batches().unfinished().stream().filter(b -> b.catalog() == connected)
                        .map(b -> batches().open(b.id())).toList();
            }
        };
    }

    /** The AWS referrals inbox's reads over the current connection, with the invitation guard. */
    private InboxModel.Source invitationSource() {
        return new InboxModel.Source() {
            @Override
            public List<ReceivedInvitation> list() {
                return partnerCentral().receivedInvitations(List.of());
            }

            @Override
            public ReceivedInvitation detail(String invitationId) {
                return partnerCentral().receivedInvitation(invitationId);
            }

            @Override
            public InvitationReplies.Decision checkAccept(String invitationId) {
                return new InvitationReplies(partnerCentral(), history(),
                        Clock.systemUTC()).checkAccept(invitationId);
            }

            @Override
            public InvitationReplies.Decision checkReject(String invitationId) {
                return new InvitationReplies(partnerCentral(), history(),
                        Clock.systemUTC()).checkReject(invitationId);
            }

            /** A minute, or {@code -Dcosell.invitationPollMillis} (tests, demos). */
            @Override
            public Duration pollEvery() {
                return Duration.ofMillis(Long.getLong("cosell.invitationPollMillis", 60_000L));
            }
        };
    }


    private SignInService.Attempt beginSignIn(String profile) {
        SsoSignIn.Attempt a = new SsoSignIn(options.profiles()).begin(profile);
        return new SignInService.Attempt() {
            @Override public String userCode() { return a.deviceCode().userCode(); }
            @Override public URI pageToOpen() {
                SsoSignIn.DeviceCode c = a.deviceCode();
                return c.verificationUriComplete() != null ? c.verificationUriComplete() : c.verificationUri();
            }
            @Override public void awaitToken() throws InterruptedException { a.awaitToken(); }
            @Override public void close() { a.close(); }
        };
    }

    private OpportunitySource opportunitySource() {
        return new OpportunitySource() {
            @Override
            public Page list(OpportunityFilter f, String nextToken, int maxResults) {
                OpportunityQuery q = OpportunityQuery.all()
                        .withStages(List.copyOf(f.stages()))
                        .withReviewStatuses(List.copyOf(f.reviewStatuses()))
                        .withCompanyNames(f.company().isEmpty() ? List.of() : List.of(f.company()));
                OpportunityPage page = partnerCentral().listOpportunities(q, nextToken, maxResults);
                return new Page(page.opportunities(), page.nextToken());
            }

            @Override
            public Opportunity get(String id) { return pipelineSync().fetchRecord(id); }

            // The pipeline store of the current connection (store feature).
            @Override public boolean keepsStore() { return true; }

            @Override
            public int storedCount() {
                PipelineStore store = listStore();
                return store == null ? 0 : store.count();
            }

            @Override
            public void readStored(OpportunityFilter filter, Predicate<Stored> chunk) {
                PipelineStore store = listStore();
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

            @Override
            public SavedView.Storage savedViews() { return savedViewStorage(); }

            @Override
            public ListReadiness.Verdict readiness(OpportunitySummary row, Opportunity record) {
                return listReadiness.of(row, record, LocalDate.now());
            }

            @Override
            public boolean sync(boolean full, Consumer<List<OpportunitySummary>> pageStored) {
                PipelineSync.Result r = pipelineSync().sync(full, (rows, merge) -> pageStored.accept(rows));
                return r.added() + r.changed() + r.removed() > 0;
            }

            @Override
            public CallBudget.Usage usage() {
                PartnerCentral pc;
                synchronized (AppContext.this) {
                    pc = gateway;
                }
                return pc instanceof PacedPartnerCentral paced ? paced.budget().usage() : null;
            }
        };
    }

    private List<ReadinessItem> readinessOf(Opportunity o) {
        List<ReadinessItem> out = new ArrayList<>();
        for (ReadinessIssue i : startGuard.findings(o, InvolvementType.CO_SELL, LocalDate.now())) {
            out.add(new ReadinessItem(i.severity() == ReadinessIssue.Severity.WILL_FAIL,
                    i.what(Messages.bundle()), i.fix(Messages.bundle()), StartGuard.editableOf(i)));
        }
        return out;
    }

    /** The detail pane's readiness list and the start guard's verdict, from the one rule set. */
    private ReadinessItem.Check readinessCheck() {
        return new ReadinessItem.Check() {
            @Override public List<ReadinessItem> check(Opportunity o) { return readinessOf(o); }
            @Override public StartVerdict verdict(Opportunity o, boolean running) {
                return startGuard.decide(o, running, LocalDate.now());
            }
            @Override public String describe(StartVerdict v) {
                return StartGuard.summary(v, Messages.bundle());
            }
        };
    }

    private TaskHistoryFeed historyFeed() {
        return new TaskHistoryFeed() {
            @Override public List<TaskProgress> all() { return history().all(); }
            @Override public void addListener(Runnable listener) { historyListeners.add(listener); }
        };
    }

    private SettingsModel.Services settingsServices() {
        return new SettingsModel.Services() {
            @Override
            public List<String> awsProfiles() {
                return options.profiles().discover().stream().map(AwsProfile::name).toList();
            }

            @Override
            public List<String> faultScenarios() {
                synchronized (AppContext.this) {
                    return emulator == null ? List.of() : FaultScenarios.ids();
                }
            }

            @Override
            public void applyEmulatorDemo(UiSettings.EmulatorDemo demo) throws Exception {
                EmulatorAdmin admin = emulatorAdmin();
                if (admin != null) admin.apply(demo);
            }
        };
    }

    // ---- AWS's review and alerts (after submission) -----------------------------------------------------------

    /** How often review panels re-read a review AWS has not decided yet (tests shorten it). */
    public AppContext withReviewFollow(Duration every) {
        this.reviewFollowEvery = every;
        return this;
    }

    /** How often the change watcher polls (default 5 minutes; tests shorten it). */
    public AppContext withAlertInterval(Duration interval) {
        this.alertInterval = interval;
        return this;
    }

    /** The embedded emulator's time between review stages (default: from the demo speed; tests shorten it). */
    public AppContext withEmulatorReviewDelay(Duration delay) {
        this.emulatorReviewDelay = delay;
        return this;
    }

    /** Where "Fix in the app" goes (the opportunity editor); until set, the main window shows the opportunity. */
    public AppContext withFixRequest(FixRequest fix) {
        this.fixRequest = fix;
        return this;
    }

    /** AWS's review and alerts on the ui side (made on first use, with the settings of the {@code with…} calls). */
    private synchronized MainWindowReviews reviews() {
        if (reviews == null) {
            reviews = new MainWindowReviews(reviewSource(), alertsWatcher(), new FxBackground(executor),
                    reviewFollowEvery,
                    () -> alertInterval != null ? alertInterval : Duration.ofMinutes(settings.get().alerts().pollMinutes()),
                    () -> fixRequest, () -> editor);
        }
        return reviews;
    }

    /** The review panels (made on first use; FX thread). */
    public ReviewScreens reviewScreens() { return reviews().screens(); }

    /** Adds AWS's review and its alerts to the main window ({@link MainWindowReviews#attach}). FX thread. */
    public void attachReviews(MainWindow window, Stage stage) { reviews().attach(window, stage); }

    /** The alerts of the main window (after {@link #attachReviews}; tests). */
    public ChangeAlertsView alertsView() { return reviews().alertsView(); }

    private ReviewSource reviewSource() {
        return new ReviewSource() {
            @Override
            public ReviewReport report(String id) {
                return ReviewReport.fetch(partnerCentral(), id);
            }

            @Override
            public AwsOpportunitySummary awsSummary(String id) {
                try {
                    return partnerCentral().awsOpportunitySummary(id);
                } catch (PartnerCentralFailure f) {
                    if (f.kind() == FailureKind.NOT_FOUND) return null;
                    throw f;
                }
            }
        };
    }

    /** The change watcher (state in a small file of the data folder), made on first use. */
    private synchronized ChangeWatcher changeWatcher() {
        if (changeWatcher == null) {
            JsonFileStore<ChangeWatchStore.WatchState> file = new JsonFileStore<>(
                    options.dataDir().resolve("review-watch.json"), json,
                    ChangeWatchStore.WatchState.class,
                    () -> ChangeWatchStore.WatchState.EMPTY);
            // The rep's submissions: the opportunities of the tasks that completed (the task history).
            changeWatcher = new ChangeWatcher(this::partnerCentral,
                    () -> history().all().stream().filter(TaskProgress::isComplete)
                            .map(t -> t.request().opportunityId()).collect(Collectors.toSet()),
                    ChangeWatchStore.inFile(file), Clock.systemUTC());
        }
        return changeWatcher;
    }

    private ChangeAlertsModel.Watcher alertsWatcher() {
        return new ChangeAlertsModel.Watcher() {
            @Override public List<ReviewChange> poll() { return changeWatcher().poll(); }
            @Override public List<ReviewChange> recent() { return changeWatcher().recent(); }
            @Override public Instant since() { return changeWatcher().since(); }
        };
    }

    /** Saves the settings, closes the connection and stops the emulator (its state is saved). */
    @Override
    public synchronized void close() {
        settings.flush();
        if (gateway != null) liveConnection.disconnect();
        if (gateway != null) gateway.close();
        gateway = null;
        closePipeline();
        if (emulator != null) emulator.close();
        emulator = null;
        emulatorAdmin = null;
        executor.shutdownNow();
        if (batchQueue != null) batchQueue.close();
        batchQueue = null;
        if (history != null) history.close();
        if (savedViewsDb != null) savedViewsDb.close();
        synchronized (earlyLock) {
            if (earlyPipeline != null) earlyPipeline.close();
            earlyPipeline = null;
        }
    }
}
