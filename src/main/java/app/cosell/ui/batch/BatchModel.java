package app.cosell.ui.batch;

import app.cosell.engagement.BatchRun;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.FailureAdvice;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.model.Batch;
import app.cosell.model.BatchItem;
import app.cosell.model.BatchItemState;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Formats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The batch view's state and commands: triage of the chosen opportunities, the rep's choice of involvement, visibility
 * and tags, then the run — counts, ETA, each row's live state — with pause, resume, cancel and export. Decides what
 * the rep may do at each moment ({@link #canStartProperty()} …); the view only binds. Background work goes through
 * {@link Background}; every property changes on the FX thread.
 */
public final class BatchModel {

    /** Where the batch stands, as the view shows it. */
    public enum Phase { TRIAGING, REVIEW, RUNNING, PAUSED, CANCELLED, FINISHED, STOPPED }

    /** What the model needs from the app (wired by the context; tests pass real engagement objects). */
    public interface Services {
        Catalog catalog();

        BatchTriage.Result triage(List<String> ids, InvolvementType involvement, Consumer<BatchTriage.Entry> onEntry)
                throws InterruptedException;

        /** Saves the batch (nothing sent) and returns its run. */
        BatchRun plan(Batch settings, BatchTriage.Result triage, Map<String, List<Tag>> extraTags);

        /** Writes the day's budget still allows (rolling 24 h). */
        long writesLeftToday();

        void export(BatchRun run, Path file) throws Exception;

        /** Message text for a bundle key. */
        String words(String key, List<String> args);

        FailureAdviceCatalogue advice();

        /** The runs of batches left running or paused when the app last stopped (to resume), newest first. */
        List<BatchRun> unfinished();

        /** No batches (shell tests without a connection). */
        Services NONE = new Services() {
            @Override public Catalog catalog() { return Catalog.Sandbox; }
            @Override public BatchTriage.Result triage(List<String> ids, InvolvementType involvement,
                                                       Consumer<BatchTriage.Entry> onEntry) {
                throw new UnsupportedOperationException("No batches here");
            }
            @Override public BatchRun plan(Batch settings, BatchTriage.Result triage, Map<String, List<Tag>> extraTags) {
                throw new UnsupportedOperationException("No batches here");
            }
            @Override public long writesLeftToday() { return 0; }
            @Override public void export(BatchRun run, Path file) { }
            @Override public String words(String key, List<String> args) { return key; }
            @Override public FailureAdviceCatalogue advice() { return FailureAdviceCatalogue.forLocale(Locale.getDefault()); }
            @Override public List<BatchRun> unfinished() { return List.of(); }
        };
    }

    private final Services services;
    private final Background background;
    private final FailureAdviceCatalogue advice;
    private final ObservableList<BatchRow> rows = FXCollections.observableArrayList();
    private final Map<String, BatchRow> byId = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.TRIAGING);
    private final ObjectProperty<InvolvementType> involvement = new SimpleObjectProperty<>(InvolvementType.CO_SELL);
    private final ObjectProperty<Visibility> visibility = new SimpleObjectProperty<>(Visibility.FULL);
    private final ObjectProperty<List<Tag>> tags = new SimpleObjectProperty<>(List.of());
    private final ReadOnlyIntegerWrapper readyCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper budgetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper batchId = new ReadOnlyStringWrapper("");
    private final DoubleProperty fractionDone = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private BatchTriage.Result triage;
    private volatile BatchRun run;

    public BatchModel(Services services, Background background, FailureAdviceCatalogue advice) {
        this.services = Objects.requireNonNull(services, "services");
        this.background = Objects.requireNonNull(background, "background");
        this.advice = Objects.requireNonNull(advice, "advice");
    }

    public ObservableList<BatchRow> rows() { return rows; }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }

    public Phase phase() { return phase.get(); }

    public ObjectProperty<InvolvementType> involvementProperty() { return involvement; }

    public ObjectProperty<Visibility> visibilityProperty() { return visibility; }

    public ObjectProperty<List<Tag>> tagsProperty() { return tags; }

    public ReadOnlyIntegerProperty readyCountProperty() { return readyCount.getReadOnlyProperty(); }

    /** "12 done · 2 running · 0 failed · 16 waiting · about 0:16 left". */
    public ReadOnlyStringProperty countsTextProperty() { return countsText.getReadOnlyProperty(); }

    /** What the day's write budget allows, and a warning when the batch would run past it. */
    public ReadOnlyStringProperty budgetTextProperty() { return budgetText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty batchIdProperty() { return batchId.getReadOnlyProperty(); }

    /** 0..1: the share of the items sent that ended. */
    public DoubleProperty fractionDoneProperty() { return fractionDone; }

    /** A problem that stopped triage or the run (plain words), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public BooleanBinding canStartProperty() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.REVIEW && readyCount.get() > 0,
                phase, readyCount);
    }

    public BooleanBinding canPauseProperty() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
    }

    public BooleanBinding canResumeProperty() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED || phase.get() == Phase.STOPPED, phase);
    }

    public BooleanBinding canCancelProperty() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING || phase.get() == Phase.PAUSED, phase);
    }

    public BooleanBinding canRemoveProperty() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.REVIEW, phase);
    }

    public BooleanBinding canExportProperty() {
        return Bindings.createBooleanBinding(() -> run != null && phase.get() != Phase.REVIEW, phase);
    }

    /** Reads and judges each opportunity (in the background); the rows fill in as verdicts come. */
    public void triage(List<String> opportunityIds) {
        rows.clear();
        byId.clear();
        for (String id : new LinkedHashSet<>(opportunityIds)) {
            BatchRow row = new BatchRow(id);
            byId.put(id, row);
            rows.add(row);
        }
        phase.set(Phase.TRIAGING);
        InvolvementType chosen = involvement.get();
        background.run(() -> services.triage(List.copyOf(byId.keySet()), chosen,
                        entry -> background.onFx(() -> judged(entry))),
                result -> {
                    triage = result;
                    for (BatchTriage.Entry e : result.all()) judged(e);
                    phase.set(Phase.REVIEW);
                    refreshCounts();
                },
                failure -> {
                    problem.set(failure.getMessage());
                    phase.set(Phase.REVIEW);
                });
    }

    private void judged(BatchTriage.Entry entry) {
        BatchRow row = byId.get(entry.opportunityId());
        if (row == null) return;
        row.judged(entry, entry.reasonKey() == null ? "" : services.words(entry.reasonKey(), entry.reasonArgs()));
        refreshCounts();
    }

    /** Takes rows out of the batch before it starts. */
    public void remove(Collection<BatchRow> chosen) {
        if (phase.get() != Phase.REVIEW) return;
        List<BatchRow> gone = new ArrayList<>(chosen);
        rows.removeAll(gone);
        gone.forEach(r -> byId.remove(r.opportunityId()));
        refreshCounts();
    }

    /** Saves the batch and runs it in the background: Starts paced to the quota, every item followed. */
    public void start() {
        if (phase.get() != Phase.REVIEW || triage == null || readyCount.get() == 0) return;
        BatchTriage.Result kept = new BatchTriage.Result(keep(triage.ready()), keep(triage.blocked()),
                keep(triage.unknown()));
        Map<String, List<Tag>> extra = new LinkedHashMap<>();
        for (BatchRow r : rows) if (!r.extraTagsProperty().get().isEmpty()) extra.put(r.opportunityId(), r.extraTagsProperty().get());
        Batch settings = new Batch("new", services.catalog(), involvement.get(), visibility.get(), tags.get(),
                Batch.Status.RUNNING, null, null);
        BatchRun planned = services.plan(settings, kept, extra);
        follow(planned);
    }

    /** Shows and runs a batch saved earlier (after a relaunch): in-flight items resume with their saved tokens. */
    public void open(BatchRun saved) {
        rows.clear();
        byId.clear();
        for (BatchItem item : saved.items()) {
            BatchRow row = new BatchRow(item.opportunityId());
            row.judged(new BatchTriage.Entry(item.opportunityId(), item.customer(),
                    item.state() == BatchItemState.BLOCKED ? BatchTriage.Verdict.BLOCKED : BatchTriage.Verdict.READY,
                    null, List.of()), item.blockedReason());
            byId.put(item.opportunityId(), row);
            rows.add(row);
        }
        follow(saved);
    }

    private List<BatchTriage.Entry> keep(List<BatchTriage.Entry> entries) {
        return entries.stream().filter(e -> byId.containsKey(e.opportunityId())).toList();
    }

    private void follow(BatchRun planned) {
        run = planned;
        batchId.set(planned.id());
        for (BatchItem item : planned.items()) {
            BatchRow row = byId.get(item.opportunityId());
            if (row != null) {
                row.queued(item.position(), item.state());
                planned.task(item.position()).ifPresent(t -> row.progressed(item.state(), t, null));
            }
        }
        phase.set(planned.batch().status() == Batch.Status.PAUSED ? Phase.PAUSED : Phase.RUNNING);
        refreshCounts();
        tick(planned);
        background.run(() -> planned.run(new BatchRun.Listener() {
                    @Override
                    public void itemChanged(BatchItem item, TaskProgress latest) {
                        background.onFx(() -> changed(item, latest));
                    }

                    @Override
                    public void batchChanged(Batch batch) {
                        background.onFx(() -> {
                            if (batch.status() == Batch.Status.PAUSED) phase.set(Phase.PAUSED);
                            else if (batch.status() == Batch.Status.RUNNING) phase.set(Phase.RUNNING);
                            else if (batch.status() == Batch.Status.CANCELLED && phase.get() != Phase.FINISHED)
                                phase.set(Phase.CANCELLED);
                        });
                    }
                }),
                end -> {
                    refreshCounts();
                    if (planned.stoppedBy().isPresent()) {
                        problem.set(planned.stoppedBy().get().message());
                        phase.set(Phase.STOPPED);
                    } else {
                        phase.set(planned.batch().status() == Batch.Status.CANCELLED ? Phase.CANCELLED : Phase.FINISHED);
                    }
                },
                failure -> {
                    problem.set(failure.getMessage());
                    phase.set(Phase.STOPPED);
                });
    }

    /** The time left counts down every second while the batch runs. */
    private void tick(BatchRun planned) {
        boolean[] scheduling = {true};
        background.onFxAfter(Duration.ofSeconds(1), () -> {
            if (scheduling[0]) return;               // ran at once: a background without a clock (model tests)
            if (run != planned || !(phase.get() == Phase.RUNNING || phase.get() == Phase.PAUSED)) return;
            refreshCounts();
            tick(planned);
        });
        scheduling[0] = false;
    }

    private void changed(BatchItem item, TaskProgress latest) {
        BatchRow row = byId.get(item.opportunityId());
        if (row == null) return;
        String outcome = null;
        if (item.state() == BatchItemState.FAILED && latest != null)
            outcome = advice.forTask(latest).map(FailureAdvice::title).orElse(item.outcome());
        else if (item.state() == BatchItemState.COMPLETE && latest != null && latest.engagementId() != null)
            outcome = services.words("batch.outcome.engaged", List.of(latest.engagementId()));
        row.progressed(item.state(), latest, outcome);
        refreshCounts();
    }

    public void pause() {
        if (run != null) run.pause();
    }

    /** Resumes a paused batch, or runs again one that stopped (a sign-in expired): same tokens, nothing twice. */
    public void resume() {
        if (run == null) return;
        if (phase.get() == Phase.STOPPED) {
            problem.set("");
            follow(run);
        } else {
            run.resume();
        }
    }

    public void cancel() {
        if (run != null) run.cancel();
    }

    /** Writes the results as CSV in the background. */
    public void export(Path file, Runnable onDone, Consumer<Throwable> onFailure) {
        BatchRun current = run;
        if (current == null) return;
        background.run(() -> {
            services.export(current, file);
            return null;
        }, ignored -> onDone.run(), onFailure);
    }

    private void refreshCounts() {
        int ready = 0;
        for (BatchRow r : rows) if (r.verdict() == BatchTriage.Verdict.READY) ready++;
        readyCount.set(ready);
        BatchRun current = run;
        if (current == null) {
            int blocked = (int) rows.stream().filter(r -> r.verdict() == BatchTriage.Verdict.BLOCKED).count();
            int unknown = (int) rows.stream().filter(r -> r.verdict() == BatchTriage.Verdict.UNKNOWN).count();
            int pending = rows.size() - ready - blocked - unknown;
            countsText.set(counts(new String[] {"batch.count.ready", "batch.count.blocked", "batch.count.unknown",
                    "batch.count.checking"}, new long[] {ready, blocked, unknown, pending}, 2));
            long left = services.writesLeftToday();
            budgetText.set(ready > left
                    ? services.words("batch.budget.short", List.of(Formats.count(left), Formats.count(ready)))
                    : services.words("batch.budget.ok", List.of(Formats.count(ready), Formats.count(left))));
            fractionDone.set(0);
            return;
        }
        BatchRun.Progress p = current.progress();
        int sendable = p.total() - p.count(BatchItemState.BLOCKED);
        fractionDone.set(sendable == 0 ? 1 : (double) (p.done() + p.failed() + p.count(BatchItemState.CANCELLED)) / sendable);
        String counts = counts(new String[] {"batch.count.engaged", "batch.count.running", "batch.count.failed",
                "batch.count.waiting"}, new long[] {p.done(), p.running(), p.failed(), p.waiting()}, 1);
        countsText.set(p.running() + p.waiting() == 0 ? counts
                : counts + services.words("batch.count.separator", List.of())
                        + services.words("batch.count.left", List.of(clock(p.eta()))));
    }

    /**
     * "2 ready · 1 blocked": the first {@code always} parts always, the others only when not zero, so the rep does
     * not read a row of "0 not checked · 0 still being checked" noise.
     */
    private String counts(String[] keys, long[] values, int always) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.length; i++)
            if (i < always || values[i] != 0) parts.add(services.words(keys[i], List.of(Formats.count(values[i]))));
        return String.join(services.words("batch.count.separator", List.of()), parts);
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
