package app.cosell.engagement;

import app.cosell.files.AtomicFile;
import app.cosell.model.Batch;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.partner.PartnerCentral;
import app.cosell.store.BatchQueue;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;

/**
 * Batch engagement for the window and the command line alike: triage, plan (the queue saved, nothing sent), runs of
 * saved batches, the open ones to resume after a relaunch, the day's write budget, CSV export. Every call goes through
 * the connection's gateway, which the app paces to the quotas ({@link PacedPartnerCentral}): batches share the write
 * quota with the app's other writes.
 */
public final class Batches {


    private final BatchQueue queue;
    private final TaskHistory history;
    private final Supplier<PartnerCentral> partnerCentral;
    private final Supplier<EngagementRunner> runner;
    private final java.util.function.LongSupplier writesLeft;
    private final ExecutorService executor;
    private final Clock clock;
    private final BiFunction<String, List<String>, String> words;

    public Batches(BatchQueue queue, TaskHistory history, Supplier<PartnerCentral> partnerCentral,
                   Supplier<EngagementRunner> runner, java.util.function.LongSupplier writesLeft, ExecutorService executor,
                   Clock clock, BiFunction<String, List<String>, String> words) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.history = Objects.requireNonNull(history, "history");
        this.partnerCentral = Objects.requireNonNull(partnerCentral, "partnerCentral");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.writesLeft = Objects.requireNonNull(writesLeft, "writesLeft");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.words = Objects.requireNonNull(words, "words");
    }

    /** Reads and judges each opportunity; blocks (background thread). */
    public BatchTriage.Result triage(List<String> ids, InvolvementType involvement, Consumer<BatchTriage.Entry> onEntry)
            throws InterruptedException {
        return new BatchTriage(partnerCentral.get(), history, clock).triage(ids, involvement, onEntry);
    }

    /** Saves a batch from a triage (nothing sent) and returns its run. */
    public BatchRun plan(Batch settings, BatchTriage.Result triage, Map<String, List<Tag>> extraTags) {
        Batch batch = BatchRun.plan(queue, settings, triage, extraTags, words, clock);
        return open(batch.id());
    }

    /** A saved batch's run, on the current connection. */
    public BatchRun open(String batchId) {
        return new BatchRun(batchId, queue, history, runner.get(), executor, clock);
    }

    /** Batches still running or paused when the app last stopped, newest first. */
    public List<Batch> unfinished() {
        return queue.batches().stream().filter(b -> b.status().isOpen()).toList();
    }

    /** The task-history ids of the open batches' items in flight: the batches resume them, nobody else. */
    public java.util.Set<String> inFlightTaskIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Batch b : unfinished())
            for (var item : queue.items(b.id())) if (item.state().isInFlight() && item.localId() != null) ids.add(item.localId());
        return ids;
    }

    /** Writes the rolling 24 hours still allow (the call budget's count; the service has the last word). */
    public long writesLeftToday() {
        return writesLeft.getAsLong();
    }

    /** The run's results as CSV, written whole or not at all. */
    public void export(BatchRun run, Path file) throws java.io.IOException {
        AtomicFile.write(file, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                BatchReport.writeCsv(out, run.items(), run::task);
            }
        });
    }
}
