package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Partner Central: a loopback HTTP server speaking the partnercentral-selling wire protocol (AWS JSON
 * 1.0, SigV4), with seeded opportunities, the engagement task engine, quotas, fault injection and optional
 * persistence. The app starts one embedded (with per-launch credentials); {@link EmulatorCommand} runs one
 * standalone. Any AWS SDK or the AWS CLI talks to it unchanged through an endpoint override.
 *
 * <p>It stays one class with its {@link Builder}: the two are the emulator's public API (the app and the command line
 * name {@code PartnerCentralEmulator.Builder}); what remains here is the lifecycle (start, save, close) and the
 * settings a running emulator takes.
 */
public final class PartnerCentralEmulator implements AutoCloseable {

    /** The documented AWS example key pair: the default credentials, so copy-paste examples work. */
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    /** The partner's AWS account as the emulator reports it (CreatedBy, ARNs). */
    public static final String PARTNER_ACCOUNT = "111122223333";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCentralEmulator.class);

    private final Builder settings;
    private final Supplier<Instant> clock = () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final PartnerCentralState state = new PartnerCentralState(PARTNER_ACCOUNT);
    private final Faults faults;
    private final Quotas quotas;
    private ScheduledExecutorService scheduler;
    private ExecutorService ownHttpExecutor;
    private TaskEngine engine;
    private HttpFront front;
    private StateFile stateFile;
    private long savedVersion = -1;
    private URI endpoint;

    private PartnerCentralEmulator(Builder settings) {
        this.settings = settings;
        this.faults = new Faults(settings.seed);
        this.quotas = new Quotas(System::nanoTime, settings.throttling);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads or seeds the data, starts the task scheduler and the HTTP server. */
    public synchronized PartnerCentralEmulator start() throws IOException {
        if (front != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("emulator-tasks-", 0)
                .factory());
        engine = new TaskEngine(state, faults, clock, scheduler, new SplittableRandom(settings.seed ^ System.nanoTime()),
                settings.stepDelay, settings.instant);
        ReviewSimulation review = new ReviewSimulation(state, clock, scheduler, settings.seed, settings.reviewDelay);
        review.setHook(settings.reviewHook);
        engine.setReview(review);
        if (settings.dataFile != null) {
            stateFile = new StateFile(settings.dataFile);
        }
        long loadedVersion = -1;
        if (stateFile != null && stateFile.exists()) {
            stateFile.read(state);
            loadedVersion = state.version();
            LOG.info("emulator state loaded from {}", stateFile.path());
            resumeRunningTasks();
        } else {
            seed();
        }
        if (settings.faultsJson != null) {
            faults.replace(settings.faultsJson);
        }
        Operations operations = new Operations(state, engine, clock);
        SigV4Verifier verifier = new SigV4Verifier(settings.accessKeyId, settings.secretAccessKey, Instant::now);
        if (settings.admin && settings.adminToken == null) {
            settings.adminToken = newAdminToken();
        }
        front = new HttpFront(verifier, ServiceModel.load(), operations, faults, quotas,
                new AdminApi(new EmulatorControls(this, state, engine, quotas, clock, settings.opportunities, settings.seed),
                        settings.admin ? settings.adminToken : null));
        ExecutorService httpExecutor = settings.executor;
        if (httpExecutor == null) {
            // A platform thread per connection: in the benchmark's request/response ping-pong it served 10-60% more
            // calls per second than virtual threads (whose blocking reads hand over to a poller thread each time),
            // and clients keep few connections (the server caps them). A "slow" fault blocks only its connection.
            ownHttpExecutor = Executors.newThreadPerTaskExecutor(
                    Thread.ofPlatform().daemon().name("emulator-http-", 0).factory());
            httpExecutor = ownHttpExecutor;
        }
        int port = front.start(settings.port, httpExecutor);
        endpoint = URI.create("http://127.0.0.1:" + port);
        if (stateFile != null) {
            // State just read from the file is not written back (about 7 MB with 2,000 opportunities per catalog, at
            // every start, while the app asks for its first page) until something changes; seeded state is saved
            // at once.
            savedVersion = loadedVersion;
            scheduler.scheduleWithFixedDelay(this::saveQuietly, 0, 500, TimeUnit.MILLISECONDS);
        }
        LOG.info("Partner Central emulator on {} ({} opportunities per catalog, step delay {} ms{}{})", endpoint,
                settings.opportunities, engine.stepDelay().toMillis(), engine.instant() ? ", instant" : "",
                quotas.enabled() ? ", quotas on" : ", quotas off");
        return this;
    }

    private void seed() {
        state.write(() -> {
            if (engine != null && engine.review() != null) {
                engine.review().clear();
            }
            state.catalogs().forEach(CatalogState::clear);
            Instant now = clock.get();
            SeedData.populate(state, settings.seed, settings.opportunities, LocalDate.ofInstant(now, ZoneOffset.UTC),
                    now);
        });
    }

    private void resumeRunningTasks() {
        for (CatalogState catalog : state.catalogs()) {
            for (EngagementTask task : catalog.tasks.values()) {
                if (!task.finished()) {
                    engine.run(task);
                }
            }
        }
    }

    public URI endpoint() {
        return Objects.requireNonNull(endpoint, "not started");
    }

    public String accessKeyId() {
        return settings.accessKeyId;
    }

    public String secretAccessKey() {
        return settings.secretAccessKey;
    }

    /** The header that carries the admin secret on every {@code /_emulator/} call. */
    public static final String ADMIN_TOKEN_HEADER = AdminApi.TOKEN_HEADER;

    /** Whether the admin endpoint ({@code /_emulator/}) exists on this emulator. */
    public boolean adminEnabled() {
        return settings.admin;
    }

    /** The admin endpoint's secret (send it in {@link #ADMIN_TOKEN_HEADER}); null when the endpoint is off. */
    public String adminToken() {
        return settings.admin ? settings.adminToken : null;
    }

    /** A per-launch secret: 128 random bits, URL-safe, so it can be pasted into a curl command. */
    private static String newAdminToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Fault injection; the admin endpoint drives the same object. */
    public Faults faults() {
        return faults;
    }

    public void setStepDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("step delay must not be negative");
        }
        engine.setStepDelay(delay);
    }

    public void setInstant(boolean instant) {
        engine.setInstant(instant);
    }

    /** Time between the stages of AWS's simulated review (Submitted → In review → decision). */
    public void setReviewDelay(Duration delay) {
        engine.review().setDelay(delay);
    }

    /**
     * Forces AWS's review decision for one opportunity (what {@code POST /_emulator/review} does): Approved, Action
     * Required, Rejected, or Submitted / In review to start the review again. {@code text}: the ReviewComments of
     * Action Required or the ReviewStatusReason of Rejected (null: the simulated ones).
     */
    public void forceReview(String catalog, String opportunityId, String decision, String text) {
        engine.review().force(catalog, opportunityId, decision, text);
    }

    public void setThrottling(boolean throttling) {
        quotas.setEnabled(throttling);
    }

    /** Restores the seeded data (what {@code POST /_emulator/reset} does); faults are kept. */
    public void reset() {
        seed();
    }

    /** Test hook: lets a test hold a task before each step. */
    void setStepObserver(TaskEngine.StepObserver observer) {
        engine.setObserver(observer);
    }

    /** Called on the emulator's task thread before each step of a running task; may block to hold tasks mid-run. */
    @FunctionalInterface
    public interface StepHook {
        /**
         * @param taskId the task about to run a step
         * @param step   the step's operation name (GetOpportunity ... SubmitOpportunity)
         */
        void beforeStep(String taskId, String step) throws InterruptedException;
    }

    /**
     * Sets (null: removes) the step hook: tests and the reliability suite synchronise with task steps through it
     * instead of sleeping. Ignored in instant mode, where steps run inside the Start call.
     */
    public void setStepHook(StepHook hook) {
        engine.setObserver(hook == null ? null : (taskId, step) -> hook.beforeStep(taskId, step.wireName));
    }

    /**
     * Called on the emulator's task thread before AWS's simulated review writes its next stage for one opportunity;
     * may block to hold the review at the stage it shows now (a held review keeps one of the emulator's two task
     * threads). The test hook of the review, as {@link StepHook} is the tasks': tests see every stage by holding the
     * review instead of racing the review delay.
     */
    @FunctionalInterface
    public interface ReviewHook {
        /**
         * @param catalog       AWS or Sandbox
         * @param opportunityId the opportunity under review; until this returns it shows the stage before {@code stage}
         * @param stage         the review status about to be written: In review, or AWS's decision (Approved,
         *                      Action Required, Rejected)
         */
        void beforeStage(String catalog, String opportunityId, String stage) throws InterruptedException;
    }

    /**
     * Sets (null: removes) the review hook ({@link Builder#reviewHook(ReviewHook)} sets it from the start). Each stage
     * still waits the review delay first; a test usually sets the delay to zero and holds the review with the hook.
     */
    public void setReviewHook(ReviewHook hook) {
        engine.review().setHook(hook);
    }

    PartnerCentralState state() {
        return state;
    }

    /** The running emulator's request handler, as its HTTP server calls it (the HTTP-server benchmark serves it too). */
    LoopbackHttpServer.Handler httpHandler() {
        return front.handler();
    }

    /** Stops the server and the task scheduler; with a data file, writes the final state. */
    @Override
    public synchronized void close() {
        if (front == null) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            return;
        }
        front.stop();
        scheduler.shutdownNow();
        if (ownHttpExecutor != null) {
            ownHttpExecutor.shutdownNow();
        }
        if (stateFile != null) {
            saveQuietly();
        }
        front = null;
        LOG.info("Partner Central emulator on {} stopped", endpoint);
    }

    private synchronized void saveQuietly() {
        long version = state.version();
        if (version == savedVersion) {
            return;
        }
        try {
            // The version the capture reflects is taken inside the same write (which itself counts as one
            // change), so changes made while the file is being written are saved next time.
            long[] captured = new long[1];
            ObjectNode snapshot = state.write(() -> {
                captured[0] = state.version() + 1;
                return StateFile.capture(state);
            });
            stateFile.write(snapshot);
            savedVersion = captured[0];
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save emulator state to {}: {}", stateFile.path(), e.toString());
        }
    }

    /** Settings of an emulator; {@link #start()} builds and starts one. */
    public static final class Builder {
        private int port = 0;
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;
        private int opportunities = 250;
        private long seed = 42;
        private Duration stepDelay = Duration.ofMillis(800);
        private Duration reviewDelay = Duration.ofMinutes(1);
        private boolean instant;
        private ReviewHook reviewHook;
        private boolean throttling = true;
        private Path dataFile;
        private ExecutorService executor;
        private String faultsJson;
        private boolean admin;
        private String adminToken;

        private Builder() {
        }

        /**
         * Turns the admin endpoint ({@code /_emulator/}) on or off (default off). On, it needs a secret: the one
         * given to {@link #adminToken(String)}, else a fresh one per start ({@link PartnerCentralEmulator#adminToken()}).
         */
        public Builder admin(boolean enabled) {
            this.admin = enabled;
            return this;
        }

        /** Turns the admin endpoint on with this secret (tests, scripts); see {@link #admin(boolean)}. */
        public Builder adminToken(String token) {
            if (token == null || token.isBlank() || !token.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("the admin token must be printable ASCII without spaces");
            }
            this.adminToken = token;
            this.admin = true;
            return this;
        }

        /** Port on 127.0.0.1; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535");
            }
            this.port = port;
            return this;
        }

        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = Objects.requireNonNull(accessKeyId);
            this.secretAccessKey = Objects.requireNonNull(secretAccessKey);
            return this;
        }

        /** A fresh key pair for this launch (embedded mode): nothing else on the machine can call in. */
        public Builder randomCredentials() {
            SecureRandom random = new SecureRandom();
            String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            String any = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            StringBuilder key = new StringBuilder("AKIA");
            for (int i = 0; i < 16; i++) {
                key.append(upper.charAt(random.nextInt(upper.length())));
            }
            StringBuilder secret = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                secret.append(any.charAt(random.nextInt(any.length())));
            }
            return credentials(key.toString(), secret.toString());
        }

        /** Opportunities per catalog (default 250; the first 20 of each are the fixed scenarios). */
        public Builder opportunities(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            this.opportunities = count;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Time between task steps (default 800 ms, so a task takes about five seconds). */
        public Builder stepDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("step delay must not be negative");
            }
            this.stepDelay = delay;
            return this;
        }

        /** Time between the stages of AWS's simulated review (default one minute). */
        public Builder reviewDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("review delay must not be negative");
            }
            this.reviewDelay = delay;
            return this;
        }

        /**
         * The review's test hook from the start (default none): told before each stage of AWS's simulated review and
         * able to hold it there; see {@link ReviewHook}. Not a command-line or admin setting.
         */
        public Builder reviewHook(ReviewHook hook) {
            this.reviewHook = hook;
            return this;
        }

        /** Tasks complete inside the Start call, as the real service often does. */
        public Builder instant(boolean instant) {
            this.instant = instant;
            return this;
        }

        /** The quotas: reads 10/s and 100,000 a day, writes 1/s (burst 3) and 10,000 a day; on by default. */
        public Builder throttling(boolean throttling) {
            this.throttling = throttling;
            return this;
        }

        /** Keep the state in this JSON file (loaded on start, written atomically as it changes). */
        public Builder dataFile(Path file) {
            this.dataFile = file;
            return this;
        }

        /**
         * Executor for HTTP connections: one task per connection, for as long as the connection stays open (so a
         * bounded pool also bounds the open connections). Default: a platform thread per connection. Not shut down
         * by close().
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /** Initial fault rules, in the JSON format of {@link Faults#replace(String)}. */
        public Builder faults(String json) {
            this.faultsJson = json;
            return this;
        }

        /** The emulator, not yet started. */
        public PartnerCentralEmulator build() {
            return new PartnerCentralEmulator(this);
        }

        /** Builds and starts the emulator. */
        public PartnerCentralEmulator start() throws IOException {
            PartnerCentralEmulator emulator = build();
            try {
                return emulator.start();
            } catch (IOException | RuntimeException e) {
                emulator.close();
                throw e;
            }
        }
    }
}
