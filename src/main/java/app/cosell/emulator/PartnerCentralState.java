package app.cosell.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The emulator's whole state, the moto "models" half: both catalogs, the partner's account, a lock that
 * serialises compound writes, and a change counter that persistence watches. It knows nothing of HTTP or
 * JSON wire shapes.
 */
final class PartnerCentralState {

    static final String AWS = "AWS";
    static final String SANDBOX = "Sandbox";

    private final String partnerAccount;
    private final Map<String, CatalogState> catalogs = new TreeMap<>();
    private final Object writeLock = new Object();
    private final AtomicLong version = new AtomicLong();

    PartnerCentralState(String partnerAccount) {
        this.partnerAccount = partnerAccount;
        catalogs.put(AWS, new CatalogState(AWS));
        catalogs.put(SANDBOX, new CatalogState(SANDBOX));
    }

    String partnerAccount() {
        return partnerAccount;
    }

    /** The catalog's state, or null when the name is neither AWS nor Sandbox. */
    CatalogState catalog(String name) {
        return catalogs.get(name);
    }

    Iterable<CatalogState> catalogs() {
        return catalogs.values();
    }

    /** Runs a compound change atomically with respect to other writers and counts it as a change. */
    <T> T write(Supplier<T> change) {
        synchronized (writeLock) {
            try {
                return change.get();
            } finally {
                version.incrementAndGet();
            }
        }
    }

    /** Reads under the writers' lock, so the read sees no compound change half done; not counted as a change. */
    <T> T readSettled(Supplier<T> read) {
        synchronized (writeLock) {
            return read.get();
        }
    }

    void write(Runnable change) {
        write(() -> {
            change.run();
            return null;
        });
    }

    long version() {
        return version.get();
    }
}
