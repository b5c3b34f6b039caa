package app.cosell.emulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The service's request-rate quotas (API-NOTES §9) as token buckets per operation: write operations,
 * StartEngagementFromOpportunityTask among them, 1 request per second with a small burst. Read operations
 * are documented at 10/s; we do not limit them so that the app can page freely (fault injection throttles
 * reads on demand). When a bucket is empty the call fails with ThrottlingException, which SDKs retry.
 */
final class Quotas {

    static final Set<String> WRITE_OPERATIONS = Set.of("CreateOpportunity", "UpdateOpportunity",
            "AssociateOpportunity", "DisassociateOpportunity", "RejectEngagementInvitation", "AssignOpportunity",
            "StartEngagementFromOpportunityTask", "StartEngagementByAcceptingInvitationTask");
    static final int BURST = 3;
    private static final long NANOS_PER_TOKEN = 1_000_000_000L;

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    private static final class Bucket {
        double tokens = BURST;
        long last;

        Bucket(long now) {
            last = now;
        }
    }

    Quotas(LongSupplier nanoClock, boolean enabled) {
        this.nanoClock = nanoClock;
        this.enabled = enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        buckets.clear();
    }

    boolean enabled() {
        return enabled;
    }

    /** Takes a token for this call or throws ThrottlingException. */
    void acquire(String operation) {
        if (!enabled || !WRITE_OPERATIONS.contains(operation)) {
            return;
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(operation, op -> new Bucket(now));
        synchronized (bucket) {
            bucket.tokens = Math.min(BURST, bucket.tokens + (now - bucket.last) / (double) NANOS_PER_TOKEN);
            bucket.last = now;
            if (bucket.tokens < 1) {
                throw AwsError.throttling("Rate exceeded for " + operation + ": the quota is 1 request per second.");
            }
            bucket.tokens -= 1;
        }
    }
}
