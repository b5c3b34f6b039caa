package app.cosell.testing;

import app.cosell.emulator.PartnerCentralEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's review hook as a gate: every stage of AWS's simulated review waits at the gate until the test lets
 * it through, so a test reads each stage while the review is held there instead of racing the review delay.
 * <pre>{@code
 * ReviewGate.Held held = gate.awaitHeld("Sandbox", id);   // the opportunity shows Submitted; In review is next
 * ... read it ...
 * held.release();                                        // the review writes In review
 * }</pre>
 * {@link #open()} lets everything through from then on (what {@link EmulatorExtension}'s reset does to the gate of
 * the test before, so no review stays held on one of the emulator's two task threads).
 */
public final class ReviewGate implements PartnerCentralEmulator.ReviewHook {

    /** How long {@link #awaitHeld} waits for the review to reach the gate. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A review held before its next stage; {@link #release()} lets it write that stage. */
    public static final class Held {
        private final String catalog;
        private final String opportunityId;
        private final String stage;
        private final CountDownLatch passed = new CountDownLatch(1);

        private Held(String catalog, String opportunityId, String stage) {
            this.catalog = catalog;
            this.opportunityId = opportunityId;
            this.stage = stage;
        }

        public String catalog() { return catalog; }

        public String opportunityId() { return opportunityId; }

        /** The review status the review writes when released (In review, or AWS's decision). */
        public String stage() { return stage; }

        public void release() { passed.countDown(); }

        @Override
        public String toString() { return catalog + "/" + opportunityId + " before " + stage; }
    }

    private final Map<String, BlockingQueue<Held>> arrivals = new ConcurrentHashMap<>();
    private final List<Held> all = new ArrayList<>();
    private boolean open;

    @Override
    public void beforeStage(String catalog, String opportunityId, String stage) throws InterruptedException {
        Held held = new Held(catalog, opportunityId, stage);
        synchronized (this) {
            if (open) return;
            all.add(held);
        }
        queue(catalog, opportunityId).add(held);
        held.passed.await();
    }

    /**
     * The next stage of this opportunity's review once it reaches the gate (the opportunity still shows the stage
     * before); fails when it does not within 20 seconds.
     */
    public Held awaitHeld(String catalog, String opportunityId) throws InterruptedException {
        Held held = queue(catalog, opportunityId).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (held == null) {
            throw new AssertionError("the review of " + catalog + "/" + opportunityId + " did not reach its next stage "
                    + "within " + WAIT);
        }
        return held;
    }

    /** Lets every held review through, and all later stages without stopping. */
    public void open() {
        synchronized (this) {
            open = true;
            all.forEach(Held::release);
            all.clear();
        }
    }

    private BlockingQueue<Held> queue(String catalog, String opportunityId) {
        return arrivals.computeIfAbsent(catalog + "/" + opportunityId, k -> new LinkedBlockingQueue<>());
    }
}
