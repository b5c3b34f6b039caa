package app.cosell.engagement;

import app.cosell.model.Catalog;
import app.cosell.partner.PartnerCentral;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection the engagement runner talks through, which may change while tasks run: the rep reconnects, signs
 * in again, or switches catalog. The runner and tracker ask for the gateway at each call instead of keeping one, so a
 * connection change hands every running tracker to the new gateway instead of failing it; a task whose catalog is not
 * connected waits here until it is. Thread-safe.
 */
public final class CurrentConnection {

    private final boolean changeable;
    // Guarded by this.
    private PartnerCentral gateway;
    private long generation;

    private CurrentConnection(PartnerCentral gateway, boolean changeable) {
        this.gateway = gateway;
        this.changeable = changeable;
    }

    /** A connection that never changes (the command line, tests): a task of another catalog is never resumed. */
    public static CurrentConnection fixed(PartnerCentral gateway) {
        return new CurrentConnection(Objects.requireNonNull(gateway, "gateway"), false);
    }

    /** A connection the app switches as the rep reconnects; empty until {@link #switchTo} is called. */
    public static CurrentConnection switchable() {
        return new CurrentConnection(null, true);
    }

    /** Whether the gateway may change (else waiting for another catalog would wait forever). */
    public boolean changeable() { return changeable; }

    /**
     * Makes {@code next} the gateway of every call from now on and wakes the tasks waiting for its catalog.
     *
     * @return the previous gateway (the caller closes it after the switch, so no call starts on a closed client)
     */
    public synchronized PartnerCentral switchTo(PartnerCentral next) {
        if (!changeable) throw new IllegalStateException("a fixed connection cannot change");
        PartnerCentral previous = gateway;
        gateway = Objects.requireNonNull(next, "next");
        generation++;
        notifyAll();
        return previous;
    }

    /** Takes the gateway away (a reconnect is under way or failed); calls wait for the next one. Returns it. */
    public synchronized PartnerCentral disconnect() {
        if (!changeable) throw new IllegalStateException("a fixed connection cannot change");
        PartnerCentral previous = gateway;
        gateway = null;
        generation++;
        notifyAll();
        return previous;
    }

    /** The gateway now, if any. */
    public synchronized Optional<PartnerCentral> now() { return Optional.ofNullable(gateway); }

    /** The gateway now if it serves {@code catalog}. */
    public synchronized Optional<PartnerCentral> now(Catalog catalog) {
        return gateway != null && gateway.catalog() == catalog ? Optional.of(gateway) : Optional.empty();
    }

    /** Counts switches: a call that failed under an older generation is re-made at once on the new gateway. */
    public synchronized long generation() { return generation; }

    /**
     * Waits until a gateway for {@code catalog} is connected, at most {@code max}.
     *
     * @return the gateway, or empty when {@code max} passed first
     */
    public synchronized Optional<PartnerCentral> await(Catalog catalog, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (gateway == null || gateway.catalog() != catalog) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            // Millisecond resolution is plenty; wait(0) would wait for ever.
            wait(Math.max(1, left / 1_000_000));
        }
        return Optional.of(gateway);
    }

    /** Waits (for as long as it takes, or until interrupted) for a gateway serving {@code catalog}. */
    public synchronized PartnerCentral await(Catalog catalog) throws InterruptedException {
        while (gateway == null || gateway.catalog() != catalog) wait();
        return gateway;
    }
}
