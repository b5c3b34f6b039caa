package app.cosell.ui.opportunities;

import app.cosell.engagement.CallBudget;
import app.cosell.engagement.ListReadiness;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What store-backed loads tell the list (FX thread): when the stored rows on screen were last synced ("as of", until a
 * sync confirms them), the day's calls, how many rows are stored; and, once a load ended, whether to read the rows
 * again or to check records.
 */
final class StoreStatus implements PagedLoader.StoreListener {

    private final IntPredicate isCurrent;
    private final BiConsumer<Map<String, ListReadiness.Verdict>, Boolean> restoreVerdicts;
    private final Runnable changed;
    private final Runnable reread;
    private final Runnable checkRecords;
    private final ObjectProperty<Instant> asOf = new SimpleObjectProperty<>(this, "asOf");
    private final ObjectProperty<CallBudget.Usage> usage = new SimpleObjectProperty<>(this, "usage");
    private int storedCount;

    StoreStatus(IntPredicate isCurrent, BiConsumer<Map<String, ListReadiness.Verdict>, Boolean> restoreVerdicts, Runnable changed,
                Runnable reread, Runnable checkRecords) {
        this.isCurrent = isCurrent;
        this.restoreVerdicts = restoreVerdicts;
        this.changed = changed;
        this.reread = reread;
        this.checkRecords = checkRecords;
    }

    ObjectProperty<Instant> asOfProperty() { return asOf; }

    ObjectProperty<CallBudget.Usage> usageProperty() { return usage; }

    /** Rows stored at the last load (the size of a full reload). */
    int storedCount() { return storedCount; }

    @Override
    public void storedRead(int gen, OpportunitySource.Stored chunk, int total, boolean first) {
        storedCount = total;
        if (!isCurrent.test(gen)) return;
        restoreVerdicts.accept(chunk.readiness(), first);
        if (!first) return;
        asOf.set(total > 0 ? chunk.asOf() : null);
        changed.run();
    }

    @Override
    public void synced(int gen, CallBudget.Usage u) {
        usage.set(u);
        if (!isCurrent.test(gen)) return;
        asOf.set(null);
        changed.run();
    }

    @Override
    public void ended(int gen, boolean rereadRows) {
        if (rereadRows) reread.run();
        else checkRecords.run();
    }
}
