package app.cosell.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * The calls this connection sent, by minute and kind ({@code read}, {@code write}, {@code other}), kept for a
 * rolling 24 hours so the day's budget survives a restart. One row per minute and kind: a call is one upsert.
 */
public final class CallLedger {

    public static final Duration WINDOW = Duration.ofHours(24);
    private final Database db;

    /** The totals of the rolling window. */
    public record Totals(long reads, long writes, long other, long throttled) {
        public static final Totals NONE = new Totals(0, 0, 0, 0);
    }

    CallLedger(Database db) {
        this.db = db;
    }

    /** Adds {@code calls} calls (and {@code throttled} ThrottlingExceptions) of {@code kind} at {@code at}. */
    public void add(String kind, Instant at, int calls, int throttled) {
        long minute = at.getEpochSecond() / 60;
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO call_ledger (minute, kind, calls, throttled) VALUES (?, ?, ?, ?)
                    ON CONFLICT(minute, kind) DO UPDATE SET calls = calls + excluded.calls,
                                                            throttled = throttled + excluded.throttled""")) {
                s.setLong(1, minute);
                s.setString(2, kind);
                s.setInt(3, calls);
                s.setInt(4, throttled);
                return s.executeUpdate();
            }
        });
    }

    /** The rolling window ending at {@code now}; rows older than the window are dropped on the way. */
    public Totals totals(Instant now) {
        long from = now.minus(WINDOW).getEpochSecond() / 60;
        return db.read(c -> {
            try (PreparedStatement prune = c.prepareStatement("DELETE FROM call_ledger WHERE minute <= ?")) {
                prune.setLong(1, from);
                prune.executeUpdate();
            }
            long reads = 0, writes = 0, other = 0, throttled = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT kind, sum(calls), sum(throttled) FROM call_ledger WHERE minute > ? GROUP BY kind")) {
                s.setLong(1, from);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long n = r.getLong(2);
                        throttled += r.getLong(3);
                        switch (r.getString(1)) {
                            case "read" -> reads += n;
                            case "write" -> writes += n;
                            default -> other += n;
                        }
                    }
                }
            }
            return new Totals(reads, writes, other, throttled);
        });
    }
}
