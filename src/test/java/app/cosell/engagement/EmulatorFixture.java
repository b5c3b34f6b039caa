package app.cosell.engagement;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.model.Catalog;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator on a loopback port and a gateway to it through the real SDK client, counting every HTTP attempt per
 * operation. Shared by the engagement tests and the benchmark.
 */
final class EmulatorFixture implements AutoCloseable {

    /** Seeded Sandbox scenarios (see the emulator's seed data). */
    static final String SUBMITTABLE = "O20000001";
    static final String SUBMITTABLE_SECOND = "O20000002";
    static final String EXISTING_ENGAGEMENT = "O20000003";
    static final String MISSING_WEBSITE = "O20000005";
    static final String IN_REVIEW = "O20000015";

    /** Polls fast so tests run quickly; the standard schedule is measured by the benchmark. */
    static final PollSchedule FAST = new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(30),
            Duration.ofMillis(150), Duration.ofMillis(300), 3, Duration.ofMillis(300));

    final PartnerCentralEmulator emulator;
    final PartnerCentral partnerCentral;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    EmulatorFixture() throws Exception {
        emulator = PartnerCentralEmulator.builder().port(0).randomCredentials().opportunities(40)
                .stepDelay(Duration.ZERO).throttling(false).start();
        Connections connections = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"),
                null, Path.of("no-cache")), "test")
                .observedBy(op -> calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet());
        partnerCentral = connections.forEmulator(emulator.endpoint(), emulator.accessKeyId(),
                emulator.secretAccessKey(), Catalog.Sandbox);
    }

    void reset() {
        emulator.reset();
        emulator.faults().clear();
        emulator.setInstant(false);
        emulator.setStepDelay(Duration.ZERO);
        emulator.setThrottling(false);
        calls.clear();
    }

    int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    int totalCalls() { return calls.values().stream().mapToInt(AtomicInteger::get).sum(); }

    Map<String, Integer> callsByOperation() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void resetCounts() { calls.clear(); }

    @Override
    public void close() {
        partnerCentral.close();
        emulator.close();
    }
}
