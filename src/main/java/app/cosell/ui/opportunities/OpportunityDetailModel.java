package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The detail pane of the selected opportunity: the full record (fetched in the background), the readiness check
 * run on it, and the engagement tasks already run for it.
 */
public final class OpportunityDetailModel {

    private final OpportunitySource source;
    private final ReadinessItem.Check readiness;
    private final Background background;

    private final ObjectProperty<OpportunitySummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Opportunity> opportunity = new SimpleObjectProperty<>(this, "opportunity");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>(this, "failure");
    private final ObservableList<ReadinessItem> findings = FXCollections.observableArrayList();
    private final ObservableList<TaskProgress> tasks = FXCollections.observableArrayList();
    private final BooleanBinding ready;
    private final ObjectProperty<app.cosell.model.StartVerdict> verdict = new SimpleObjectProperty<>(this, "verdict");
    private final BooleanBinding startBlocked;
    private final javafx.beans.binding.StringBinding startBlockedReason;
    private java.util.function.BiConsumer<String, app.cosell.model.EditableField> onFix = (id, f) -> {};
    private final AtomicInteger generation = new AtomicInteger();
    private List<TaskProgress> allTasks = List.of();

    public OpportunityDetailModel(OpportunitySource source, ReadinessItem.Check readiness, Background background) {
        this.source = source;
        this.readiness = readiness;
        this.background = background;
        this.ready = Bindings.createBooleanBinding(
                () -> opportunity.get() != null && findings.stream().noneMatch(ReadinessItem::blocking),
                opportunity, findings);
        this.startBlocked = Bindings.createBooleanBinding(
                () -> verdict.get() != null && verdict.get().isBlocked(), verdict);
        this.startBlockedReason = Bindings.createStringBinding(() -> verdict.get() == null || !verdict.get().isBlocked()
                ? null : readiness.describe(verdict.get()), verdict);
        selected.addListener((o, was, now) -> {
            // The same opportunity's row replaced by a fresher one (a task ended): its record comes with it.
            if (was != null && now != null && was.id().equals(now.id()) && (opportunity.get() != null || loading.get())) {
                showTasks();
                return;
            }
            load(now);
        });
    }

    public ObjectProperty<OpportunitySummary> selectedProperty() { return selected; }

    /** The full record of the selected opportunity, once fetched (null while loading or when none is selected). */
    public ReadOnlyObjectProperty<Opportunity> opportunityProperty() { return opportunity; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure; }

    /** What the readiness check found (empty: nothing would fail). */
    public ObservableList<ReadinessItem> findings() { return findings; }

    /** True when the record is loaded and nothing blocking was found. */
    public BooleanBinding readyProperty() { return ready; }

    /** The start guard's verdict on the selected opportunity (null while loading, or without a guard). */
    public ReadOnlyObjectProperty<app.cosell.model.StartVerdict> verdictProperty() { return verdict; }

    /** True when the guard blocks a start of the selected opportunity: Start is disabled everywhere. */
    public BooleanBinding startBlockedProperty() { return startBlocked; }

    /** Why Start is disabled, in words (null when it is not). */
    public javafx.beans.binding.StringBinding startBlockedReasonProperty() { return startBlockedReason; }

    /** Where "Fix it" on a finding goes: the editor, opened on the finding's field. */
    public void setOnFix(java.util.function.BiConsumer<String, app.cosell.model.EditableField> onFix) {
        this.onFix = onFix;
    }

    /** "Fix it" on a finding: opens the editor on its field. */
    public void fix(ReadinessItem item) {
        OpportunitySummary s = selected.get();
        if (s != null && item.field() != null) onFix.accept(s.id(), item.field());
    }

    /** The engagement tasks of the selected opportunity, newest first. */
    public ObservableList<TaskProgress> tasks() { return tasks; }

    /**
     * Takes the task history in (newest first). A record changed by an ended task arrives through
     * {@link #showRefreshed} (the list fetches it once for its row and this pane). FX thread.
     */
    public void updateTasks(List<TaskProgress> newestFirst) {
        allTasks = List.copyOf(newestFirst);
        showTasks();
    }

    /** Fetches the selected record again. */
    public void reload() { load(selected.get()); }

    /**
     * A fresher copy of an opportunity's record (fetched after one of its tasks ended): shown, with the readiness
     * check run again in the background, when it is the selected one; ignored otherwise. FX thread.
     */
    public void showRefreshed(Opportunity fresh) {
        OpportunitySummary s = selected.get();
        if (s == null || !s.id().equals(fresh.id())) return;
        int gen = generation.incrementAndGet();
        background.run(() -> readiness.check(fresh), found -> {
            if (generation.get() != gen) return;
            loading.set(false);
            failure.set(null);
            findings.setAll(found);
            opportunity.set(fresh);
            showVerdict();
        }, error -> {});
    }

    private void load(OpportunitySummary summary) {
        int gen = generation.incrementAndGet();
        opportunity.set(null);
        verdict.set(null);
        findings.clear();
        failure.set(null);
        showTasks();
        if (summary == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        background.run(() -> {
            Opportunity full = source.get(summary.id());
            return new Loaded(full, readiness.check(full));
        }, loaded -> {
            if (generation.get() != gen) return;
            loading.set(false);
            findings.setAll(loaded.findings());
            opportunity.set(loaded.opportunity());
            showVerdict();
        }, error -> {
            if (generation.get() != gen) return;
            loading.set(false);
            failure.set(error);
        });
    }

    private void showTasks() {
        OpportunitySummary s = selected.get();
        List<TaskProgress> mine = new ArrayList<>();
        if (s != null) for (TaskProgress t : allTasks) {
            if (t.request() != null && s.id().equals(t.request().opportunityId())) mine.add(t);
        }
        tasks.setAll(mine);
        showVerdict();
    }

    /** The guard's verdict on the record shown and whether one of its tasks is still running (cheap: no I/O). */
    private void showVerdict() {
        Opportunity o = opportunity.get();
        boolean running = tasks.stream().anyMatch(t -> !t.isEnded());
        verdict.set(o == null ? null : readiness.verdict(o, running));
    }

    private record Loaded(Opportunity opportunity, List<ReadinessItem> findings) {}
}
