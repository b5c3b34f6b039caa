package app.cosell.ui.opportunities;

import app.cosell.engagement.ListReadiness;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The Readiness column's verdicts: from the records checked (stored, fetched for the detail pane or a title, or
 * fetched here in the background within the session's budget), else from what a row's review status and stage say.
 * FX thread.
 */
final class RecordChecker {

    /** Full records fetched in the background per session, unless the rep changes it. */
    static final int DEFAULT_BUDGET = 200;

    private final OpportunitySource source;
    private final Background background;
    /** The current load's number: a check started for an older load stops. */
    private final IntSupplier generation;
    private final ObservableMap<String, ListReadiness.Verdict> readiness = FXCollections.observableHashMap();
    private final IntegerProperty budget = new SimpleIntegerProperty(this, "recordBudget", DEFAULT_BUDGET);
    private final IntegerProperty checked = new SimpleIntegerProperty(this, "recordsChecked");
    private BiConsumer<String, String> onTitle = (id, title) -> {};
    private boolean checking;

    RecordChecker(OpportunitySource source, Background background, IntSupplier generation) {
        this.source = source;
        this.background = background;
        this.generation = generation;
    }

    /** Told the title of each record checked here. */
    void setOnTitle(BiConsumer<String, String> onTitle) { this.onTitle = onTitle; }

    ObservableMap<String, ListReadiness.Verdict> readiness() { return readiness; }

    IntegerProperty budgetProperty() { return budget; }

    ReadOnlyIntegerProperty checkedProperty() { return checked; }

    /** The verdicts kept with the stored rows a load read ({@code first}: its first chunk, which replaces the old). */
    void restore(Map<String, ListReadiness.Verdict> stored, boolean first) {
        if (first) readiness.clear();
        readiness.putAll(stored);
    }

    ListReadiness.Verdict readinessOf(OpportunitySummary row) {
        if (row == null) return ListReadiness.Verdict.NOT_CHECKED;
        ListReadiness.Verdict v = readiness.get(row.id());
        return v != null ? v : source.readiness(row, null);
    }

    /** A full record fetched (its row, when loaded, may be null): its verdict is known now. */
    void recordFetched(Opportunity o, OpportunitySummary row) {
        readiness.put(o.id(), source.readiness(OpportunitySummary.of(o, row), o));
    }

    void recordFetched(Opportunity o) { recordFetched(o, null); }

    /**
     * Fetches, in the background and within the budget, the full records of the rows that could still be submitted
     * (Pending Submission, Action Required) and are not yet checked, in the order given, so their Readiness is known.
     * One at a time, through the call budget; a new load stops it.
     */
    void check(List<List<OpportunitySummary>> rows) {
        if (checking) return;
        int left = budget.get() - checked.get();
        if (left <= 0) return;
        List<OpportunitySummary> candidates = new ArrayList<>();
        for (List<OpportunitySummary> list : rows) {
            for (OpportunitySummary r : list) {
                if (candidates.size() >= left) break;
                if (ListReadiness.worthChecking(r) && readinessOf(r).state() == ListReadiness.State.UNKNOWN) candidates.add(r);
            }
        }
        if (candidates.isEmpty()) return;
        checking = true;
        int gen = generation.getAsInt();
        background.run(() -> {
            for (OpportunitySummary row : candidates) {
                if (generation.getAsInt() != gen) break;
                try {
                    Opportunity o = source.get(row.id());
                    ListReadiness.Verdict v = source.readiness(OpportunitySummary.of(o, row), o);
                    background.onFx(() -> {
                        checked.set(checked.get() + 1);
                        readiness.put(row.id(), v);
                        if (o.project() != null) onTitle.accept(row.id(), o.project().title());
                    });
                } catch (Exception e) {
                    background.onFx(() -> checked.set(checked.get() + 1));
                }
            }
            return null;
        }, done -> checking = false, e -> checking = false);
    }
}
