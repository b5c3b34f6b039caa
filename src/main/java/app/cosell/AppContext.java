package app.cosell;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.engagement.Batches;
import app.cosell.engagement.ChangeWatchStore;
import app.cosell.engagement.ChangeWatcher;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.LogTail;
import app.cosell.engagement.PipelineSync;
import app.cosell.engagement.ReviewChange;
import app.cosell.engagement.ReviewReport;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppDataFolder;
import app.cosell.files.AppJson;
import app.cosell.files.JsonFileStore;
import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.TaskProgress;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.PartnerCentral;
import app.cosell.store.BatchQueue;
import app.cosell.ui.common.FxBackground;
import app.cosell.ui.common.LogTailSource;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.main.ConnectionInfo;
import app.cosell.ui.main.EngageLauncher;
import app.cosell.ui.main.MainWindow;
import app.cosell.ui.main.MainWindowReviews;
import app.cosell.ui.main.ShellServices;
import app.cosell.ui.review.ChangeAlertsModel;
import app.cosell.ui.review.ChangeAlertsView;
import app.cosell.ui.review.FixRequest;
import app.cosell.ui.review.ReviewScreens;
import app.cosell.ui.review.ReviewSource;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.UiSettings;
import app.cosell.ui.settings.UiSettingsStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring of the app, by constructor, and its public façade: the one application executor, the JSON mapper, the
 * settings, the task history, batch engagement, AWS's review and alerts, and the closing of it all. Construction does
 * no I/O except reading the small settings file. With {@link Launcher} it is the composition root, the one place
 * allowed to know every package (the ArchUnit rules hold the other packages to fewer); its parts in this package
 * share that place:
 * <ul>
 *   <li>{@link ConnectionKeeper}: the connection to Partner Central (an AWS profile, or the embedded emulator, which
 *       only it constructs, started lazily off the FX thread), its paced gateway, pipeline store and sync, and the
 *       one engagement runner;</li>
 *   <li>{@link OpportunityListSource}: the opportunity list's source over that connection and its store (the rows
 *       read ahead at launch, the saved views);</li>
 *   <li>{@link ScreenServices}: the adapters the console's screens are given (engagement with guard and fix,
 *       batches, referrals inbox, readiness, settings, sign-in).</li>
 * </ul>
 * The lazily made parts (connection, emulator, stores, runner, history, batch queue) share one lock ({@code lock},
 * handed to the parts) and one order of closing, kept here in {@link #close}. Wiring that belongs to one family of
 * screens lives on the ui side instead (e.g. {@link MainWindowReviews} for AWS's review and alerts).
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    static final String SETTINGS_FILE = "settings.json";

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
    /** The one lock of the lazily made parts, shared with them: connecting, first uses and closing never interleave. */
    private final Object lock = new Object();
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cosell-", 0).factory());
    private final ObjectMapper json = AppJson.newMapper();
    private final JsonFileStore<UiSettings> settingsFile;
    private final SettingsKeeper settings;
    private final FailureAdviceCatalogue advice = FailureAdviceCatalogue.forLocale(Locale.getDefault());
    private final List<Runnable> historyListeners = new CopyOnWriteArrayList<>();
    private final ConnectionKeeper connection;
    private final OpportunityListSource opportunityList;
    private final ScreenServices screens;
    private Function<Stage, EngageLauncher> engageScreens;
    // After submission (AWS's review, alerts): see the block "AWS's review and alerts" below.
    private Duration reviewFollowEvery = Duration.ofSeconds(5);
    /** Null: the rep's setting (Settings → Alerts), default ChangeWatcher.DEFAULT_INTERVAL. */
    private Duration alertInterval;
    private volatile FixRequest fixRequest;

    // Guarded by lock: created on first use, off the FX thread.
    private TaskHistory history;
    private BatchQueue batchQueue;
    private Batches batches;
    private MainWindowReviews reviews;
    private ChangeWatcher changeWatcher;

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
        this.connection = new ConnectionKeeper(options, json, settings, this::history, lock);
        this.opportunityList = new OpportunityListSource(connection, settings, json, executor, options.dataDir(), lock);
        this.screens = new ScreenServices(this, connection, options);
        this.engageScreens = screens::engageWindows;
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
    public TaskHistory history() {
        synchronized (lock) {
            if (history == null) {
                history = TaskHistory.open(options.dataDir(), json);
                history.addListener(t -> historyListeners.forEach(Runnable::run));
                history.loadProblem().ifPresent(p -> LOG.warn("Task history unreadable, moved to {}: {}", p.movedTo(), p.reason()));
            }
            return history;
        }
    }

    /** The runner of the current connection (after {@link #connect}). */
    public EngagementRunner runner() { return connection.runner(); }

    /** The gateway of the current connection (after {@link #connect}). */
    public PartnerCentral partnerCentral() { return connection.partnerCentral(); }

    /** The embedded emulator, if it runs: for tests in this package (they hold its tasks with the step hook). */
    PartnerCentralEmulator embeddedEmulator() { return connection.embeddedEmulator(); }

    /** The embedded emulator's endpoint, if it runs (tests, diagnostics). */
    public URI emulatorEndpoint() { return connection.emulatorEndpoint(); }

    /** The embedded emulator's admin secret (its per-launch one), if it runs (tests, diagnostics); never logged. */
    public String emulatorAdminToken() { return connection.emulatorAdminToken(); }

    /**
     * Opens the connection the settings ask for, closing the previous one: the emulator when asked, or when
     * AUTOMATIC and this machine has no AWS profile; else the chosen (or default) profile. Blocking.
     */
    public ConnectionInfo connect() throws IOException, InterruptedException { return connection.connect(); }

    /**
     * Reads, in the background, the first stored rows of the view the rep left (the last filter), so that the list
     * has them when the main window's first frame is drawn; the list's first read of that view takes them. Also
     * opens the store the settings' connection will use. A launch with nothing stored reads nothing.
     */
    public void prefetchStoredRows() { opportunityList.prefetchStoredRows(); }

    /** The pipeline sync of the current connection (after {@link #connect}). */
    public PipelineSync pipelineSync() { return connection.pipelineSync(); }

    /** The last lines of the app's log file (the support texts carry them), read on the executor. */
    public LogTailSource logTail() {
        Path file = AppLog.file(options.dataDir());
        return onFx -> executor.execute(() -> {
            String tail = LogTail.read(file, 60);
            Platform.runLater(() -> onFx.accept(tail));
        });
    }

    /** What the console shell needs, backed by this context; {@code openInBrowser} shows web pages (sign-in). */
    public ShellServices shell(Consumer<String> openInBrowser) {
        screens.openPagesWith(openInBrowser);
        return new ShellServices(this::connect, opportunityList, screens.readinessCheck(), historyFeed(), settings,
                screens.settingsServices(), new FxBackground(executor), engageScreens, screens::beginSignIn,
                openInBrowser, screens.batchServices(), screens.invitationSource());
    }

    private TaskHistoryFeed historyFeed() {
        return new TaskHistoryFeed() {
            @Override public List<TaskProgress> all() { return history().all(); }
            @Override public void addListener(Runnable listener) { historyListeners.add(listener); }
        };
    }

    /** Batch engagement (queue file opened on first use, off the FX thread). */
    public Batches batches() {
        synchronized (lock) {
            if (batches == null) {
                batchQueue = BatchQueue.open(options.dataDir());
                batches = new Batches(batchQueue, history(), this::partnerCentral, this::runner,
                        connection::writesLeftToday, executor, Clock.systemUTC(), ScreenServices::words);
            }
            return batches;
        }
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
        connection.emulatorReviewDelay(delay);
        return this;
    }

    /**
     * The embedded emulator's review hook (default none): tests hold AWS's simulated review before each stage with it
     * instead of waiting for the review delay.
     */
    public AppContext withEmulatorReviewHook(PartnerCentralEmulator.ReviewHook hook) {
        connection.emulatorReviewHook(hook);
        return this;
    }

    /** Where "Fix in the app" goes (the opportunity editor); until set, the main window shows the opportunity. */
    public AppContext withFixRequest(FixRequest fix) {
        this.fixRequest = fix;
        return this;
    }

    /** AWS's review and alerts on the ui side (made on first use, with the settings of the {@code with…} calls). */
    private MainWindowReviews reviews() {
        synchronized (lock) {
            if (reviews == null) {
                reviews = new MainWindowReviews(reviewSource(), alertsWatcher(), new FxBackground(executor),
                        reviewFollowEvery,
                        () -> alertInterval != null ? alertInterval : Duration.ofMinutes(settings.get().alerts().pollMinutes()),
                        () -> fixRequest, screens::editor);
            }
            return reviews;
        }
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
    private ChangeWatcher changeWatcher() {
        synchronized (lock) {
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
    }

    private ChangeAlertsModel.Watcher alertsWatcher() {
        return new ChangeAlertsModel.Watcher() {
            @Override public List<ReviewChange> poll() { return changeWatcher().poll(); }
            @Override public List<ReviewChange> recent() { return changeWatcher().recent(); }
            @Override public Instant since() { return changeWatcher().since(); }
        };
    }

    /**
     * Saves the settings, closes the connection and stops the emulator (its state is saved), then the executor and
     * the stores, in this order.
     */
    @Override
    public void close() {
        synchronized (lock) {
            settings.flush();
            connection.closeConnection();
            executor.shutdownNow();
            if (batchQueue != null) batchQueue.close();
            batchQueue = null;
            if (history != null) history.close();
            opportunityList.closeSavedViews();
            connection.closeEarlyStore();
        }
    }
}
