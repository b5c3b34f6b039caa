package app.cosell;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.engagement.CallBudget;
import app.cosell.engagement.CurrentConnection;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.PacedPartnerCentral;
import app.cosell.engagement.PipelineSync;
import app.cosell.engagement.PollSchedule;
import app.cosell.engagement.TaskHistory;
import app.cosell.model.AwsProfile;
import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.partner.CallObserver;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.store.PipelineStore;
import app.cosell.store.StoreFiles;
import app.cosell.ui.common.Messages;
import app.cosell.ui.main.ConnectionInfo;
import app.cosell.ui.settings.EmulatorAdmin;
import app.cosell.ui.settings.FaultScenarios;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.UiSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live connection to Partner Central and what belongs to it: the gateway the settings ask for (an AWS profile, or
 * the embedded emulator, started here on first use), paced through the one call budget; the pipeline store and sync
 * of that connection and catalog; the one engagement runner, switched to each new gateway; and the store opened
 * before the launch's first connection, which that connection adopts.
 *
 * <p>Its state is guarded by the context's one lock ({@code lock}, shared with {@link AppContext} so that connecting,
 * first uses and closing never interleave); the early store has a lock of its own ({@code earlyLock}), so the list can
 * open it while a connection is being made.
 */
final class ConnectionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionKeeper.class);
    static final String EMULATOR_FILE = "emulator-state.json";

    private final AppContext.Options options;
    private final ObjectMapper json;
    private final SettingsKeeper settings;
    private final Supplier<TaskHistory> history;
    /** The context's one lock (see {@link AppContext}). */
    private final Object lock;
    /** Hands the SDK's attempts and throttled answers to the current connection's budget. */
    private final CallRelay callRelay = new CallRelay();
    private final Connections connections;
    /**
     * What the runner calls through: switched to each new gateway, so tasks running across a reconnect are handed to
     * the new connection instead of failing on the closed one (issue #17).
     */
    private final CurrentConnection liveConnection = CurrentConnection.switchable();
    /** The embedded emulator's time between review stages (null: from the demo speed; tests shorten it). */
    private Duration emulatorReviewDelay;
    /** The embedded emulator's review hook (null: none; tests hold the review at each stage with it). */
    private PartnerCentralEmulator.ReviewHook emulatorReviewHook;

    // Guarded by lock: created on first use, off the FX thread.
    private PartnerCentralEmulator emulator;
    private EmulatorAdmin emulatorAdmin;
    private PartnerCentral gateway;
    private EngagementRunner runner;
    private PipelineSync sync;
    // --- the pipeline store of the current connection (store/sync feature) ---
    private volatile PipelineStore pipeline;
    /** Opened before the launch's first connection to show the stored rows at once; adopted by it when the same file. */
    private final Object earlyLock = new Object();
    private PipelineStore earlyPipeline;
    /** The connection made last (read without the lock by FX-thread callers). */
    private volatile ConnectionInfo current;

    ConnectionKeeper(AppContext.Options options, ObjectMapper json, SettingsKeeper settings,
                     Supplier<TaskHistory> history, Object lock) {
        this.options = options;
        this.json = json;
        this.settings = settings;
        this.history = history;
        this.lock = lock;
        this.connections = new Connections(options.profiles(), AppContext.class.getPackage().getImplementationVersion())
                .observedBy(callRelay);
    }

    void emulatorReviewDelay(Duration delay) { this.emulatorReviewDelay = delay; }

    void emulatorReviewHook(PartnerCentralEmulator.ReviewHook hook) { this.emulatorReviewHook = hook; }

    /** The runner of the current connection (after {@link #connect}). */
    EngagementRunner runner() {
        synchronized (lock) {
            if (runner == null) throw new IllegalStateException("Not connected");
            return runner;
        }
    }

    /** The gateway of the current connection (after {@link #connect}). */
    PartnerCentral partnerCentral() {
        synchronized (lock) {
            if (gateway == null) throw PartnerCentralFailure.of(FailureKind.NETWORK, Messages.get("header.notConnected"), null);
            return gateway;
        }
    }

    /** The call budget's usage of the current connection, or null when not connected or not paced. */
    CallBudget.Usage usage() {
        PartnerCentral pc;
        synchronized (lock) {
            pc = gateway;
        }
        return pc instanceof PacedPartnerCentral paced ? paced.budget().usage() : null;
    }

    /** Writes the day's budget still allows, as the current connection's call budget counts them. */
    long writesLeftToday() {
        PartnerCentral pc = partnerCentral();
        if (!(pc instanceof PacedPartnerCentral paced)) return CallBudget.WRITES_PER_DAY;
        return Math.max(0, CallBudget.WRITES_PER_DAY - paced.budget().usage().writesToday());
    }

    /** The connection made last, or null (no lock: FX-thread callers). */
    ConnectionInfo current() { return current; }

    PartnerCentralEmulator embeddedEmulator() {
        synchronized (lock) {
            return emulator;
        }
    }

    /**
     * Opens the connection the settings ask for, closing the previous one: the emulator when asked, or when
     * AUTOMATIC and this machine has no AWS profile; else the chosen (or default) profile. Blocking.
     */
    ConnectionInfo connect() throws IOException, InterruptedException {
        synchronized (lock) {
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
                    : StoreFiles.connectionKey(info.profileName(), null, false), wanted.catalog(),
                    useEmulator ? emulator.endpoint() : null);
            liveConnection.switchTo(gateway);
            if (previous != null) previous.close();
            // One runner for the app's life: it asks the live connection for the gateway at every call.
            if (runner == null) runner = new EngagementRunner(liveConnection, history.get(), Clock.systemUTC(),
                    PollSchedule.standard());
            current = info;
            LOG.info("Connected: {}", gateway.describe());
            return info;
        }
    }

    /**
     * The pipeline store the list reads: the connection's, or before the first connection the one the settings'
     * connection will use, when it exists (opened without connecting: no SDK client, no call). Null when none.
     */
    PipelineStore listStore() {
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
     * waits in the one call budget (its day's counts kept in that store), paced for {@code endpoint} (null: AWS's).
     * Under the lock (from {@link #connect}).
     */
    private PartnerCentral pacedWithStore(PartnerCentral sdk, String connectionKey, Catalog catalog, URI endpoint) {
        Path file = StoreFiles.pipelineFile(options.dataDir(), connectionKey, catalog);
        synchronized (earlyLock) {
            if (earlyPipeline != null && earlyPipeline.file().equals(file)) pipeline = earlyPipeline;
            else if (earlyPipeline != null) earlyPipeline.close();
            earlyPipeline = null;
        }
        if (pipeline == null) pipeline = PipelineStore.open(file, json);
        CallBudget budget = CallBudget.forEndpoint(pipeline.ledger(), Clock.systemUTC(), endpoint);
        callRelay.target = budget;
        PacedPartnerCentral paced = new PacedPartnerCentral(sdk, budget);
        sync = new PipelineSync(paced, pipeline, Clock.systemUTC());
        return paced;
    }

    /** Under the lock. */
    private void closePipeline() {
        callRelay.target = CallObserver.NONE;
        sync = null;
        if (pipeline != null) pipeline.close();
        pipeline = null;
    }

    /** The pipeline sync of the current connection (after {@link #connect}). */
    PipelineSync pipelineSync() {
        synchronized (lock) {
            if (sync == null) throw PartnerCentralFailure.of(FailureKind.NETWORK, Messages.get("header.notConnected"), null);
            return sync;
        }
    }

    /** Forwards to the budget of the connection made last. */
    private static final class CallRelay implements CallObserver {
        volatile CallObserver target = CallObserver.NONE;

        @Override public void onAttempt(String operation) { target.onAttempt(operation); }

        @Override public void onThrottled(String operation) { target.onThrottled(operation); }
    }

    /** Under the lock (from {@link #connect}). */
    private void startEmulator() throws IOException, InterruptedException {
        if (emulator != null) return;
        AppContext.EmulatorSetup setup = options.emulator();
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
        b.reviewHook(emulatorReviewHook);
        if (demo.faultScenario() != null) b.faults(json.writeValueAsString(FaultScenarios.faultJson(demo.faultScenario())));
        emulator = b.start();
    }

    /** The embedded emulator's endpoint, if it runs. */
    URI emulatorEndpoint() {
        synchronized (lock) {
            return emulator == null ? null : emulator.endpoint();
        }
    }

    /** The embedded emulator's admin secret (its per-launch one), if it runs; never logged. */
    String emulatorAdminToken() {
        synchronized (lock) {
            return emulator == null ? null : emulator.adminToken();
        }
    }

    /** The fault scenarios the settings offer: none unless the embedded emulator runs. */
    List<String> faultScenarios() {
        synchronized (lock) {
            return emulator == null ? List.of() : FaultScenarios.ids();
        }
    }

    /** The admin client of the running embedded emulator (made on first use), or null. */
    EmulatorAdmin emulatorAdmin() {
        synchronized (lock) {
            if (emulator == null) return null;
            if (emulatorAdmin == null) emulatorAdmin = new EmulatorAdmin(emulator.endpoint(), json, emulator.adminToken());
            return emulatorAdmin;
        }
    }

    /** Closes the connection and its pipeline store, then stops the emulator (its state is saved). Under the lock. */
    void closeConnection() {
        if (gateway != null) liveConnection.disconnect();
        if (gateway != null) gateway.close();
        gateway = null;
        closePipeline();
        if (emulator != null) emulator.close();
        emulator = null;
        emulatorAdmin = null;
    }

    /** Closes the store opened before a connection, if no connection adopted it (last of all in closing). */
    void closeEarlyStore() {
        synchronized (earlyLock) {
            if (earlyPipeline != null) earlyPipeline.close();
            earlyPipeline = null;
        }
    }
}
