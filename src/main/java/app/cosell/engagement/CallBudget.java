package app.cosell.engagement;

import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.partner.CallObserver;
import app.cosell.store.CallLedger;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of Partner Central's quotas (API-NOTES §9): one token bucket for reads (10/s) and one for writes
 * (1/s) that every call of the app waits in, spaced evenly so that no second ever holds more than the quota, and the
 * rolling 24 hours' count of reads and writes (100,000 and 10,000 a day), kept in the pipeline store's call ledger so
 * a restart does not forget them. A write the day's budget no longer allows is refused here, never sent. Calls the
 * service does not count (task tracking, engagement evidence) wait in the read bucket too, but are not counted as
 * reads. Also a {@link CallObserver}: it counts the HTTP attempts and the ThrottlingExceptions the service answered,
 * SDK retries included. Thread-safe.
 *
 * <p>Made with {@link #forEndpoint}, a budget paces at the service's quotas whatever the settings, except for a
 * loopback endpoint (a local emulator, whose own quotas can be switched off) when the system property
 * {@value #EMULATOR_CALLS_PER_SECOND} gives a faster pace: then reads and writes alike wait for that many calls a second
 * (never fewer than the quota's). The tests set it (surefire's {@code cosell.test.emulatorCallsPerSecond}) so that tasks
 * against an emulator with its quotas off do not take a second per write; tests of the pacing itself make their budget
 * with the constructor and the real rates. Should the endpoint answer a ThrottlingException all the same (an emulator
 * with its quotas on), that budget goes back to the service's quotas for the rest of its life. The daily budgets are
 * never changed.
 */
public final class CallBudget implements CallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(CallBudget.class);

    public static final int READS_PER_SECOND = 10;
    public static final int WRITES_PER_SECOND = 1;
    public static final long READS_PER_DAY = 100_000;
    public static final long WRITES_PER_DAY = 10_000;
    /** Calls a second (reads and writes alike) allowed against a loopback endpoint; unset or blank: the quotas. */
    public static final String EMULATOR_CALLS_PER_SECOND = "cosell.emulator.callsPerSecond";

    /** The operations the service counts as reads (API-NOTES §9). */
    static final Set<String> READS = Set.of("GetOpportunity", "GetAwsOpportunitySummary", "ListOpportunities",
            "ListSolutions", "GetEngagementInvitation", "ListEngagementInvitations");
    /** The operations the service counts as writes. */
    static final Set<String> WRITES = Set.of("CreateOpportunity", "UpdateOpportunity", "AssociateOpportunity",
            "DisassociateOpportunity", "RejectEngagementInvitation", "AssignOpportunity",
            "StartEngagementFromOpportunityTask", "StartEngagementByAcceptingInvitationTask");

    /** What kind of call an operation is for the quotas. */
    public enum Kind {
        READ("read"), WRITE("write"), OTHER("other");

        final String ledgerName;

        Kind(String ledgerName) { this.ledgerName = ledgerName; }

        public static Kind of(String operation) {
            return READS.contains(operation) ? READ : WRITES.contains(operation) ? WRITE : OTHER;
        }
    }

    /** The day so far (rolling 24 hours) and this session's counters, for the status bar's tooltip. */
    public record Usage(long readsToday, long writesToday, long throttledToday, long attempts, long throttled) {
        public long readsLeft() { return Math.max(0, READS_PER_DAY - readsToday); }
    }

    /** Waits; a seam for tests of the pacing. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final CallLedger ledger;
    // Guarded by this: the spacing of each bucket (faster than the quotas only on a loopback endpoint, until throttled).
    private long readNanos;
    private long writeNanos;
    private boolean fasterThanQuota;
    private final AtomicLong attempts = new AtomicLong();
    private final java.util.Map<String, AtomicLong> attemptsByOperation = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    // Guarded by this: when each bucket next has a token (nano time), and the day's counts.
    private long nextRead;
    private long nextWrite;
    private long readsToday;
    private long writesToday;
    private long throttledToday;

    /**
     * @param ledger where the day's counts are kept (null: in memory only)
     */
    public CallBudget(CallLedger ledger, Clock clock) {
        this(ledger, clock, d -> Thread.sleep(d), READS_PER_SECOND, WRITES_PER_SECOND);
    }

    public CallBudget(CallLedger ledger, Clock clock, Sleeper sleeper, int readsPerSecond, int writesPerSecond) {
        this.ledger = ledger;
        this.clock = clock;
        this.sleeper = sleeper;
        this.readNanos = 1_000_000_000L / readsPerSecond;
        this.writeNanos = 1_000_000_000L / writesPerSecond;
        this.fasterThanQuota = readsPerSecond > READS_PER_SECOND || writesPerSecond > WRITES_PER_SECOND;
        if (ledger != null) {
            CallLedger.Totals t = ledger.totals(clock.instant());
            readsToday = t.reads();
            writesToday = t.writes();
            throttledToday = t.throttled();
        }
    }

    /**
     * The budget of a connection to {@code endpoint} (null: the service's own): at the quotas, or at the pace of
     * {@value #EMULATOR_CALLS_PER_SECOND} when that property is set and the endpoint is a loopback address.
     *
     * @param ledger where the day's counts are kept (null: in memory only)
     */
    public static CallBudget forEndpoint(CallLedger ledger, Clock clock, URI endpoint) {
        int pace = emulatorPace(endpoint, System.getProperty(EMULATOR_CALLS_PER_SECOND));
        if (pace == 0) return new CallBudget(ledger, clock);
        LOG.info("Calls to the loopback endpoint {} paced at {} a second ({})", endpoint, pace, EMULATOR_CALLS_PER_SECOND);
        return new CallBudget(ledger, clock, d -> Thread.sleep(d), Math.max(READS_PER_SECOND, pace),
                Math.max(WRITES_PER_SECOND, pace));
    }

    /** The calls a second {@code setting} allows against {@code endpoint}; 0: the quotas (not loopback, no setting). */
    static int emulatorPace(URI endpoint, String setting) {
        if (setting == null || setting.isBlank() || !isLoopback(endpoint)) return 0;
        try {
            return Math.max(0, Integer.parseInt(setting.strip()));
        } catch (NumberFormatException e) {
            LOG.warn("{} is not a number of calls a second: {}", EMULATOR_CALLS_PER_SECOND, setting);
            return 0;
        }
    }

    /** Whether the endpoint's host is {@code localhost} or a loopback address literal (never looked up). */
    static boolean isLoopback(URI endpoint) {
        String host = endpoint == null ? null : endpoint.getHost();
        if (host == null || host.isBlank()) return false;
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) return true;
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) { // a name, not an address: only "localhost" counts
            return false;
        }
    }

    /** The spacing of the reads' bucket now. */
    synchronized Duration readInterval() { return Duration.ofNanos(readNanos); }

    /** The spacing of the writes' bucket now. */
    synchronized Duration writeInterval() { return Duration.ofNanos(writeNanos); }

    /**
     * Waits for this operation's bucket, counts the call, and returns. A write past the day's budget is refused
     * with {@link FailureKind#THROTTLED} before anything is sent.
     */
    public void acquire(String operation) {
        Kind kind = Kind.of(operation);
        long wait;
        synchronized (this) {
            if (kind == Kind.WRITE && writesToday >= WRITES_PER_DAY) {
                throw new PartnerCentralFailure(FailureKind.THROTTLED, "DailyWriteBudget",
                        "Today's " + WRITES_PER_DAY + " writes to Partner Central are used up; try again later.",
                        null, null, java.util.List.of(), null, null);
            }
            long now = System.nanoTime();
            long at;
            if (kind == Kind.WRITE) {
                at = Math.max(now, nextWrite);
                nextWrite = at + writeNanos;
            } else {
                at = Math.max(now, nextRead);
                nextRead = at + readNanos;
            }
            wait = at - now;
            if (kind == Kind.READ) readsToday++;
            if (kind == Kind.WRITE) writesToday++;
        }
        if (wait > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PartnerCentralFailure.of(FailureKind.NETWORK, "Interrupted while waiting for the call quota", e);
            }
        }
        record(kind, 1, 0);
    }

    private void record(Kind kind, int calls, int throttledCalls) {
        if (ledger == null) return;
        try {
            ledger.add(kind.ledgerName, clock.instant(), calls, throttledCalls);
        } catch (RuntimeException e) {
            LOG.warn("Call ledger not updated: {}", e.getMessage());
        }
    }

    @Override
    public void onAttempt(String operation) {
        attempts.incrementAndGet();
        if (operation != null) attemptsByOperation.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void onThrottled(String operation) {
        throttled.incrementAndGet();
        synchronized (this) {
            throttledToday++;
            if (fasterThanQuota) { // the endpoint has quotas of its own after all: the service's from now on
                fasterThanQuota = false;
                readNanos = Math.max(readNanos, 1_000_000_000L / READS_PER_SECOND);
                writeNanos = Math.max(writeNanos, 1_000_000_000L / WRITES_PER_SECOND);
                LOG.warn("Throttled at a pace faster than the quotas: back to {} reads/s and {} write/s",
                        READS_PER_SECOND, WRITES_PER_SECOND);
            }
            // The service said slow down: the next call of that kind waits one more interval.
            long now = System.nanoTime();
            if (Kind.of(operation) == Kind.WRITE) nextWrite = Math.max(nextWrite, now) + writeNanos;
            else nextRead = Math.max(nextRead, now) + readNanos;
        }
        record(Kind.of(operation), 0, 1);
    }

    /** The day's counts; re-read from the ledger, so calls of other processes on the same store count too. */
    public Usage usage() {
        Instant now = clock.instant();
        synchronized (this) {
            if (ledger != null) {
                try {
                    CallLedger.Totals t = ledger.totals(now);
                    readsToday = t.reads();
                    writesToday = t.writes();
                    throttledToday = t.throttled();
                } catch (RuntimeException e) {
                    LOG.warn("Call ledger unreadable: {}", e.getMessage());
                }
            }
            return new Usage(readsToday, writesToday, throttledToday, attempts.get(), throttled.get());
        }
    }

    /** HTTP attempts seen (SDK retries included) since this budget was made. */
    public long attempts() { return attempts.get(); }

    /** HTTP attempts of one operation (SDK retries included) since this budget was made. */
    public long attempts(String operation) {
        AtomicLong n = attemptsByOperation.get(operation);
        return n == null ? 0 : n.get();
    }

    /** ThrottlingExceptions the service answered (SDK retries included) since this budget was made. */
    public long throttled() { return throttled.get(); }

    /** Whether {@code reads} more reads would use more than a tenth of the daily read budget. */
    public static boolean isLargeShareOfDay(long reads) { return reads > READS_PER_DAY / 10; }
}
