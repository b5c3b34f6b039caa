package app.cosell.testing;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.model.Catalog;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/**
 * An embedded emulator in a test: the emulator on a loopback port; a gateway to it through the real SDK client (the
 * catalog chosen here) that counts every HTTP attempt per operation; and raw SDK clients ({@link #client()},
 * {@link #noRetryClient()}) for the emulator's own tests, which speak the service's API without the app between.
 * Register it on a static field for one emulator per test class (the usual case: starting one costs far more than a
 * test), or on an instance field for a fresh one per test:
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(40).resetBeforeEach();
 * }</pre>
 * With {@link #resetBeforeEach()}, every test starts from the seeded data with no faults, no step hook (and a fresh
 * review gate with {@link #holdReviews()}), the configured speeds and zero counts, so tests sharing the class's emulator do not see each other's tasks. The
 * gateway and the clients are made on first use and closed with the emulator.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    /** The emulator's own default review delay; kept here so that a reset restores it. */
    private static final Duration EMULATOR_REVIEW_DELAY = Duration.ofMinutes(1);

    private int opportunities = 40;
    private Duration stepDelay = Duration.ZERO;
    private boolean instant;
    private Duration reviewDelay = EMULATOR_REVIEW_DELAY;
    private boolean throttling;
    private Catalog catalog = Catalog.Sandbox;
    private String accessKeyId;
    private String secretAccessKey;
    private UnaryOperator<PartnerCentralEmulator.Builder> more = b -> b;
    private boolean resetBeforeEach;
    private boolean holdReviews;
    /** The review's gate with {@link #holdReviews()}: a fresh one per emulator and per reset. */
    private volatile ReviewGate reviewGate;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private PartnerCentralEmulator emulator;
    private PartnerCentral partnerCentral;
    private PartnerCentralSellingClient client;
    private PartnerCentralSellingClient noRetryClient;
    private boolean perTest;
    /** The class whose beforeAll started the emulator (its afterAll stops it). */
    private String startedBy;

    private EmulatorExtension() {}

    /**
     * 40 seeded opportunities per catalog, random credentials, instant-ish steps (no step delay, though tasks run on
     * the emulator's scheduler), the emulator's review delay (a minute per stage), quotas off, the gateway on the
     * Sandbox catalog.
     */
    public static EmulatorExtension sandbox() {
        return new EmulatorExtension();
    }

    public EmulatorExtension opportunities(int count) {
        opportunities = count;
        return this;
    }

    public EmulatorExtension stepDelay(Duration delay) {
        stepDelay = delay;
        return this;
    }

    /** Tasks complete inside their Start call (default off: they run step by step on the emulator's scheduler). */
    public EmulatorExtension instant(boolean on) {
        instant = on;
        return this;
    }

    /** Time between the stages of AWS's simulated review after a submission. */
    public EmulatorExtension reviewDelay(Duration delay) {
        reviewDelay = delay;
        return this;
    }

    /**
     * Holds every stage of AWS's simulated review at a {@link ReviewGate} ({@link #reviewGate()}) until the test lets it
     * through, so tests see each stage without racing the review delay (usually with {@code reviewDelay(ZERO)}).
     * A reset opens the gate of the test before and sets a fresh one.
     */
    public EmulatorExtension holdReviews() {
        holdReviews = true;
        return this;
    }

    /** Whether the emulator enforces the service's quotas (ThrottlingException past them). */
    public EmulatorExtension throttling(boolean on) {
        throttling = on;
        return this;
    }

    /** The catalog of {@link #partnerCentral()}. */
    public EmulatorExtension catalog(Catalog value) {
        catalog = value;
        return this;
    }

    /** Fixed credentials (default: a random pair per emulator). */
    public EmulatorExtension credentials(String keyId, String secret) {
        accessKeyId = keyId;
        secretAccessKey = secret;
        return this;
    }

    /** The seed of the generated data and of the simulated review's decisions (the emulator's default: 42). */
    public EmulatorExtension seed(long value) {
        return configure(b -> b.seed(value));
    }

    /** Keeps the emulator's state in this JSON file: loaded when it starts, written as it changes and when it stops. */
    public EmulatorExtension dataFile(Path file) {
        return configure(b -> b.dataFile(file));
    }

    /** Turns the emulator's admin endpoint ({@code /_emulator/}) on with a fresh secret per start. */
    public EmulatorExtension admin() {
        return configure(b -> b.admin(true));
    }

    /** Turns the emulator's admin endpoint ({@code /_emulator/}) on with this secret. */
    public EmulatorExtension adminToken(String token) {
        return configure(b -> b.adminToken(token));
    }

    /**
     * Any other setting of the emulator's builder (initial fault rules, the HTTP executor, ...). A {@link #reset()}
     * restores only the speeds and quotas set through this class's own methods.
     */
    public EmulatorExtension configure(UnaryOperator<PartnerCentralEmulator.Builder> settings) {
        UnaryOperator<PartnerCentralEmulator.Builder> before = more;
        more = b -> settings.apply(before.apply(b));
        return this;
    }

    /** Before each test: the seeded data, no faults, the configured speeds and quotas, zero counts. */
    public EmulatorExtension resetBeforeEach() {
        resetBeforeEach = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (emulator != null) return; // a @Nested class: the outer class's emulator goes on
        startedBy = context.getUniqueId();
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (emulator == null) {
            perTest = true;
            start();
        } else if (resetBeforeEach) {
            reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) stop();
    }

    private void start() throws Exception {
        PartnerCentralEmulator.Builder builder = PartnerCentralEmulator.builder().port(0).opportunities(opportunities)
                .stepDelay(stepDelay).instant(instant).reviewDelay(reviewDelay).throttling(throttling);
        builder = accessKeyId == null ? builder.randomCredentials() : builder.credentials(accessKeyId, secretAccessKey);
        reviewGate = holdReviews ? new ReviewGate() : null;
        builder.reviewHook(reviewGate);
        emulator = more.apply(builder).start();
    }

    private synchronized void stop() {
        List<AutoCloseable> open = new ArrayList<>();
        if (partnerCentral != null) open.add(partnerCentral);
        if (client != null) open.add(client);
        if (noRetryClient != null) open.add(noRetryClient);
        if (emulator != null) open.add(emulator);
        partnerCentral = null;
        client = null;
        noRetryClient = null;
        emulator = null;
        reviewGate = null;
        calls.clear();
        IllegalStateException failed = null;
        for (AutoCloseable each : open) { // every one, even after one fails
            try {
                each.close();
            } catch (Exception e) {
                if (failed == null) failed = new IllegalStateException("could not close " + each, e);
                else failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }

    public PartnerCentralEmulator emulator() {
        return Objects.requireNonNull(emulator, "the emulator runs only inside a test of its class");
    }

    /** The real SDK gateway to the emulator, on the configured catalog. */
    public synchronized PartnerCentral partnerCentral() {
        if (partnerCentral == null) {
            PartnerCentralEmulator e = emulator();
            Connections connections = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"),
                    null, Path.of("no-cache")), "test")
                    .observedBy(op -> calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet());
            partnerCentral = connections.forEmulator(e.endpoint(), e.accessKeyId(), e.secretAccessKey(), catalog);
        }
        return partnerCentral;
    }

    /**
     * The raw SDK client of the service (partnercentral-selling) on the emulator's keys, with the SDK's legacy retries
     * (throttling, 5xx answers and dropped connections are retried with back-off). Closed with the emulator.
     */
    public synchronized PartnerCentralSellingClient client() {
        if (client == null) client = newClient();
        return client;
    }

    /** A raw SDK client that makes exactly one attempt per call, to observe errors as the service sends them. */
    public synchronized PartnerCentralSellingClient noRetryClient() {
        if (noRetryClient == null) {
            PartnerCentralEmulator e = emulator();
            noRetryClient = sdkClient(e, e.accessKeyId(), e.secretAccessKey(),
                    c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()));
        }
        return noRetryClient;
    }

    /** A raw SDK client of its own (legacy retries, the emulator's keys) that the caller closes. */
    public PartnerCentralSellingClient newClient() {
        return clientFor(emulator());
    }

    /** A raw SDK client with other keys (a stranger, a forger) that the caller closes. */
    public PartnerCentralSellingClient newClient(String keyId, String secret, RetryMode retryMode) {
        return sdkClient(emulator(), keyId, secret, c -> c.retryStrategy(retryMode));
    }

    /**
     * A raw SDK client with legacy retries to an emulator a test started itself (one restarted on its data file, say);
     * the caller closes it.
     */
    public static PartnerCentralSellingClient clientFor(PartnerCentralEmulator emulator) {
        return sdkClient(emulator, emulator.accessKeyId(), emulator.secretAccessKey(),
                c -> c.retryStrategy(RetryMode.LEGACY));
    }

    private static PartnerCentralSellingClient sdkClient(PartnerCentralEmulator emulator, String keyId, String secret,
                                                         Consumer<ClientOverrideConfiguration.Builder> retries) {
        ClientOverrideConfiguration.Builder config = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(60));
        retries.accept(config);
        return PartnerCentralSellingClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(config.build())
                .build();
    }

    /** The gate that holds the review's stages (see {@link #holdReviews()}). */
    public ReviewGate reviewGate() {
        return Objects.requireNonNull(reviewGate, "holdReviews() was not set or the emulator is not running");
    }

    public URI endpoint() { return emulator().endpoint(); }

    public String accessKeyId() { return emulator().accessKeyId(); }

    public String secretAccessKey() { return emulator().secretAccessKey(); }

    /**
     * The seeded data again, no faults, no step hook, the configured speeds and quotas, zero counts; with
     * {@link #holdReviews()} a fresh review gate (reviews the test before left held go on and find nothing to do).
     */
    public void reset() {
        PartnerCentralEmulator e = emulator();
        e.reset();
        ReviewGate before = reviewGate;
        reviewGate = holdReviews ? new ReviewGate() : null;
        e.setReviewHook(reviewGate);
        if (before != null) before.open();
        e.faults().clear();
        e.setInstant(instant);
        e.setStepDelay(stepDelay);
        e.setReviewDelay(reviewDelay);
        e.setThrottling(throttling);
        e.setStepHook(null);
        calls.clear();
    }

    /** HTTP attempts of one operation through {@link #partnerCentral()} (SDK retries included). */
    public int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public int totalCalls() { return calls.values().stream().mapToInt(AtomicInteger::get).sum(); }

    public Map<String, Integer> callsByOperation() {
        Map<String, Integer> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void resetCounts() { calls.clear(); }
}
