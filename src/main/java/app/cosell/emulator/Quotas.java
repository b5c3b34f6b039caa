package app.cosell.emulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The service's quotas (API-NOTES §9), per operation as AWS states them: read operations 10 requests per second
 * (a bucket of 10) and 100,000 per rolling 24 hours; write operations, StartEngagementFromOpportunityTask among
 * them, 1 request per second (a small burst) and 10,000 per rolling 24 hours. Operations without a published quota
 * (task listing, engagement evidence) are not limited. A call over a quota fails with ThrottlingException, as the
 * service answers; SDKs retry it. {@code --no-throttling} switches all of it off.
 */
final class Quotas {

    static final Set<String> READ_OPERATIONS = Set.of("GetOpportunity", "GetAwsOpportunitySummary",
            "ListOpportunities", "ListSolutions", "GetEngagementInvitation", "ListEngagementInvitations");
    static final Set<String> WRITE_OPERATIONS = Set.of("CreateOpportunity", "UpdateOpportunity",
            "AssociateOpportunity", "DisassociateOpportunity", "RejectEngagementInvitation", "AssignOpportunity",
            "StartEngagementFromOpportunityTask", "StartEngagementByAcceptingInvitationTask");
    static final int BURST = 3;
    static final int READS_PER_SECOND = 10;
    static final long READS_PER_DAY = 100_000;
    static final long WRITES_PER_DAY = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final LongSupplier nanoClock;
    private final long readsPerDay;
    private final long writesPerDay;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, DayWindow> days = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    /** A token bucket: {@code rate} tokens a second, at most {@code capacity}. */
    private static final class Bucket {
        final double rate;
        final double capacity;
        double tokens;
        long last;

        Bucket(double rate, double capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }
    }

    /** A rolling 24 hours of calls counted by minute: the count is the sum of the last 1,440 minutes. */
    private static final class DayWindow {
        final long[] perMinute = new long[MINUTES_PER_DAY];
        long minute = Long.MIN_VALUE;
        long total;

        void advanceTo(long now) {
            if (minute == Long.MIN_VALUE || now - minute >= MINUTES_PER_DAY) {
                java.util.Arrays.fill(perMinute, 0);
                total = 0;
            } else {
                for (long m = minute + 1; m <= now; m++) {
                    int slot = (int) Math.floorMod(m, MINUTES_PER_DAY);
                    total -= perMinute[slot];
                    perMinute[slot] = 0;
                }
            }
            minute = Math.max(minute, now);
        }
    }

    Quotas(LongSupplier nanoClock, boolean enabled) {
        this(nanoClock, enabled, READS_PER_DAY, WRITES_PER_DAY);
    }

    Quotas(LongSupplier nanoClock, boolean enabled, long readsPerDay, long writesPerDay) {
        this.nanoClock = nanoClock;
        this.enabled = enabled;
        this.readsPerDay = readsPerDay;
        this.writesPerDay = writesPerDay;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        buckets.clear();
        days.clear();
    }

    boolean enabled() {
        return enabled;
    }

    /** Takes a token for this call (and counts it in its day) or throws ThrottlingException. */
    void acquire(String operation) {
        boolean read = READ_OPERATIONS.contains(operation);
        if (!enabled || !(read || WRITE_OPERATIONS.contains(operation))) {
            return;
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(operation, op -> read
                ? new Bucket(READS_PER_SECOND, READS_PER_SECOND, now) : new Bucket(1, BURST, now));
        DayWindow day = days.computeIfAbsent(operation, op -> new DayWindow());
        long perDay = read ? readsPerDay : writesPerDay;
        synchronized (bucket) {
            synchronized (day) {
                long minute = Math.floorDiv(now, NANOS_PER_MINUTE);
                day.advanceTo(minute);
                if (day.total >= perDay) {
                    throw AwsError.throttling("Rate exceeded for " + operation + ": the quota is " + perDay
                            + " requests per rolling 24 hours.");
                }
                bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.last) * bucket.rate / NANOS_PER_SECOND);
                bucket.last = now;
                if (bucket.tokens < 1) {
                    throw AwsError.throttling("Rate exceeded for " + operation + ": the quota is "
                            + (read ? READS_PER_SECOND + " requests" : "1 request") + " per second.");
                }
                bucket.tokens -= 1;
                day.perMinute[(int) Math.floorMod(minute, MINUTES_PER_DAY)]++;
                day.total++;
            }
        }
    }
}
