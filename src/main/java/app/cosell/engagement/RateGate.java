package app.cosell.engagement;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A token bucket of one permit: callers get permits no faster than {@code permitsPerSecond}, in the order they ask.
 * A throttled answer pushes the next permit back ({@link #slowDown}), so the quota is kept on our side instead of
 * being learned again from the service. Thread-safe.
 */
public final class RateGate {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextFreeAt;

    public RateGate(double permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime);
    }

    RateGate(double permitsPerSecond, LongSupplier nanoClock) {
        if (permitsPerSecond <= 0) throw new IllegalArgumentException("permitsPerSecond must be positive");
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.nanoClock = nanoClock;
        this.nextFreeAt = nanoClock.getAsLong();
    }

    /** Blocks until the caller may send. */
    public void acquire() throws InterruptedException {
        long waitUntil;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            waitUntil = Math.max(now, nextFreeAt);
            nextFreeAt = waitUntil + intervalNanos;
        }
        for (long left = waitUntil - nanoClock.getAsLong(); left > 0; left = waitUntil - nanoClock.getAsLong()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    /** The service said slow down: no permit for {@code pause} from now. */
    public synchronized void slowDown(Duration pause) {
        nextFreeAt = Math.max(nextFreeAt, nanoClock.getAsLong() + pause.toNanos());
    }

    /** The pace this gate keeps. */
    public Duration interval() { return Duration.ofNanos(intervalNanos); }
}
