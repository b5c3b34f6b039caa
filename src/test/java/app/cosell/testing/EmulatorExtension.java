package app.cosell.testing;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.model.Catalog;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded emulator in a test: the emulator on a loopback port, and a gateway to it through the real SDK client
 * (the catalog chosen here) that counts every HTTP attempt per operation. Register it on a static field for one
 * emulator per test class (the usual case: starting one costs far more than a test), or on an instance field for a
 * fresh one per test:
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(40).resetBeforeEach();
 * }</pre>
 * With {@link #resetBeforeEach()}, every test starts from the seeded data with no faults, the configured speeds and
 * zero counts, so tests sharing the class's emulator do not see each other's tasks.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private int opportunities = 40;
    private Duration stepDelay = Duration.ZERO;
    private boolean throttling;
    private Catalog catalog = Catalog.Sandbox;
    private String accessKeyId;
    private String secretAccessKey;
    private UnaryOperator<PartnerCentralEmulator.Builder> more = b -> b;
    private boolean resetBeforeEach;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private PartnerCentralEmulator emulator;
    private PartnerCentral partnerCentral;
    private boolean perTest;
    /** The class whose beforeAll started the emulator (its afterAll stops it). */
    private String startedBy;

    private EmulatorExtension() {}

    /**
     * 40 seeded opportunities per catalog, random credentials, instant-ish steps (no step delay), quotas off, the
     * gateway on the Sandbox catalog.
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

    /** Any other setting of the emulator's builder (review delay, seed, ...). */
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
                .stepDelay(stepDelay).throttling(throttling);
        builder = accessKeyId == null ? builder.randomCredentials() : builder.credentials(accessKeyId, secretAccessKey);
        emulator = more.apply(builder).start();
        Connections connections = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"),
                null, Path.of("no-cache")), "test")
                .observedBy(op -> calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet());
        partnerCentral = connections.forEmulator(emulator.endpoint(), emulator.accessKeyId(),
                emulator.secretAccessKey(), catalog);
    }

    private void stop() {
        if (partnerCentral != null) partnerCentral.close();
        if (emulator != null) emulator.close();
        partnerCentral = null;
        emulator = null;
        calls.clear();
    }

    public PartnerCentralEmulator emulator() {
        return Objects.requireNonNull(emulator, "the emulator runs only inside a test of its class");
    }

    /** The real SDK gateway to the emulator, on the configured catalog. */
    public PartnerCentral partnerCentral() {
        return Objects.requireNonNull(partnerCentral, "the emulator runs only inside a test of its class");
    }

    public URI endpoint() { return emulator().endpoint(); }

    public String accessKeyId() { return emulator().accessKeyId(); }

    public String secretAccessKey() { return emulator().secretAccessKey(); }

    /** The seeded data again, no faults, the configured speeds and quotas, zero counts. */
    public void reset() {
        PartnerCentralEmulator e = emulator();
        e.reset();
        e.faults().clear();
        e.setInstant(false);
        e.setStepDelay(stepDelay);
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
