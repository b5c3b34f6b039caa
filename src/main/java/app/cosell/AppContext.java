package app.cosell;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.engagement.AppDataFolder;
import app.cosell.engagement.AppJson;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.JsonFileStore;
import app.cosell.engagement.ReadinessCheck;
import app.cosell.engagement.ReadinessIssue;
import app.cosell.engagement.TaskHistory;
import app.cosell.model.AwsProfile;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.TaskProgress;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.partner.SsoSignIn;
import app.cosell.ui.common.FxBackground;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.engage.AwsCliText;
import app.cosell.ui.engage.EngageWindows;
import app.cosell.ui.main.ConnectionInfo;
import app.cosell.ui.main.EngageLauncher;
import app.cosell.ui.main.ShellServices;
import app.cosell.ui.main.SignInService;
import app.cosell.ui.opportunities.OpportunityFilter;
import app.cosell.ui.opportunities.OpportunitySource;
import app.cosell.ui.opportunities.ReadinessItem;
import app.cosell.ui.settings.EmulatorAdmin;
import app.cosell.ui.settings.FaultScenarios;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.SettingsModel;
import app.cosell.ui.settings.UiSettings;
import app.cosell.ui.settings.UiSettingsStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring of the app, by constructor: the one application executor, the JSON mapper, the settings, the task
 * history, the connection to Partner Central (an AWS profile, or the embedded emulator, started lazily off the FX
 * thread) and the engagement runner. The only class besides {@link Launcher} that knows every package, and the only
 * one that constructs the emulator. Construction does no I/O except reading the small settings file.
 */
public final class AppContext implements AutoCloseable {

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
    private final FailureAdviceCatalogue advice = FailureAdviceCatalogue.forLocale(Locale.getDefault());
    private final List<Runnable> historyListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Function<Stage, EngageLauncher> engageScreens = this::engageWindows;

    // Guarded by this: created on first use, off the FX thread.
    private TaskHistory history;
    private PartnerCentralEmulator emulator;
    private PartnerCentral gateway;
    private EngagementRunner runner;
    private EmulatorAdmin emulatorAdmin;
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
        this.connections = new Connections(options.profiles(), AppContext.class.getPackage().getImplementationVersion());
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

    /** The embedded emulator's endpoint, if it runs (tests, diagnostics). */
    public synchronized java.net.URI emulatorEndpoint() { return emulator == null ? null : emulator.endpoint(); }

    /**
     * Opens the connection the settings ask for, closing the previous one: the emulator when asked, or when
     * AUTOMATIC and this machine has no AWS profile; else the chosen (or default) profile. Blocking.
     */
    public synchronized ConnectionInfo connect() throws IOException, InterruptedException {
        UiSettings.Connection wanted = settings.get().connection();
        List<AwsProfile> profiles = wanted.target() == UiSettings.Target.EMULATOR ? List.of() : options.profiles().discover();
        boolean useEmulator = wanted.target() == UiSettings.Target.EMULATOR
                || (wanted.target() == UiSettings.Target.AUTOMATIC && profiles.isEmpty());
        if (gateway != null) gateway.close();
        gateway = null;
        runner = null;
        current = null;
        ConnectionInfo info;
        if (useEmulator) {
            startEmulator();
            gateway = connections.forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(),
                    wanted.catalog());
            info = new ConnectionInfo(ConnectionInfo.Kind.EMULATOR, null, wanted.catalog(), emulator.endpoint().toString());
        } else {
            String name = wanted.target() == UiSettings.Target.AWS_PROFILE ? wanted.profileName()
                    : profiles.stream().filter(AwsProfile::isDefault).findFirst().orElse(profiles.getFirst()).name();
            gateway = connections.open(ConnectionSettings.profile(name, wanted.catalog()));
            info = new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, name, wanted.catalog(), gateway.describe());
        }
        runner = new EngagementRunner(gateway, history());
        current = info;
        LOG.info("Connected: {}", gateway.describe());
        return info;
    }

    private void startEmulator() throws IOException, InterruptedException {
        if (emulator != null) return;
        EmulatorSetup setup = options.emulator();
        UiSettings.EmulatorDemo demo = settings.get().emulator();
        PartnerCentralEmulator.Builder b = PartnerCentralEmulator.builder().port(0).randomCredentials()
                .opportunities(setup.opportunities()).throttling(setup.throttling())
                .dataFile(options.dataDir().resolve(EMULATOR_FILE));
        // The rep's demo settings (speed, fault scenario) go in with the start, not through the admin endpoint
        // afterwards: tasks resumed from the state file run at the chosen speed from their first step, and no admin
        // client (an HTTP client with a thread of its own) is made on the way to the first page. The settings screen
        // uses the admin endpoint (emulatorAdmin(), made on first use).
        // A fixed step delay (tests, benchmarks) wins over the rep's speed.
        Duration delay = setup.stepDelay() != null ? setup.stepDelay() : Duration.ofMillis(demo.speed().stepDelayMillis());
        b.stepDelay(delay).instant(delay.isZero());
        if (demo.faultScenario() != null) b.faults(json.writeValueAsString(FaultScenarios.faultJson(demo.faultScenario())));
        emulator = b.start();
    }

    /** The admin client of the running embedded emulator (made on first use), or null. */
    private synchronized EmulatorAdmin emulatorAdmin() {
        if (emulator == null) return null;
        if (emulatorAdmin == null) emulatorAdmin = new EmulatorAdmin(emulator.endpoint(), json);
        return emulatorAdmin;
    }

    /** The engagement screens (ui.engage, ui.progress) for the main window {@code owner}. */
    private EngageLauncher engageWindows(Stage owner) {
        // "Open the opportunity" brings the main window, where the opportunity is listed, to the front.
        return EngageWindows.create(owner, executor, this::runner, advice, options.dataDir(), json, this::cliTarget,
                AppContext.class.getPackage().getImplementationVersion(), id -> owner.toFront());
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
    public ShellServices shell(java.util.function.Consumer<String> openInBrowser) {
        return new ShellServices(this::connect, opportunitySource(), this::readinessOf, historyFeed(), settings,
                settingsServices(), new FxBackground(executor), engageScreens, this::beginSignIn, openInBrowser,
                invitationSource());
    }

    /** The AWS referrals inbox's reads over the current connection, with the invitation guard. */
    private app.cosell.ui.invitations.InboxModel.Source invitationSource() {
        return new app.cosell.ui.invitations.InboxModel.Source() {
            @Override
            public List<app.cosell.model.ReceivedInvitation> list() {
                return partnerCentral().receivedInvitations(List.of());
            }

            @Override
            public app.cosell.model.ReceivedInvitation detail(String invitationId) {
                return partnerCentral().receivedInvitation(invitationId);
            }

            @Override
            public app.cosell.engagement.InvitationReplies.Decision checkAccept(String invitationId) {
                return new app.cosell.engagement.InvitationReplies(partnerCentral(), history(),
                        java.time.Clock.systemUTC()).checkAccept(invitationId);
            }

            @Override
            public app.cosell.engagement.InvitationReplies.Decision checkReject(String invitationId) {
                return new app.cosell.engagement.InvitationReplies(partnerCentral(), history(),
                        java.time.Clock.systemUTC()).checkReject(invitationId);
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
            @Override public java.net.URI pageToOpen() {
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
            public app.cosell.model.Opportunity get(String id) { return partnerCentral().getOpportunity(id); }
        };
    }

    private List<ReadinessItem> readinessOf(app.cosell.model.Opportunity o) {
        List<ReadinessItem> out = new ArrayList<>();
        for (ReadinessIssue i : readiness.check(o, LocalDate.now())) {
            out.add(new ReadinessItem(i.severity() == ReadinessIssue.Severity.WILL_FAIL,
                    i.what(Messages.bundle()), i.fix(Messages.bundle())));
        }
        return out;
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

    /** Saves the settings, closes the connection and stops the emulator (its state is saved). */
    @Override
    public synchronized void close() {
        settings.flush();
        if (gateway != null) gateway.close();
        gateway = null;
        if (emulator != null) emulator.close();
        emulator = null;
        emulatorAdmin = null;
        executor.shutdownNow();
    }
}
