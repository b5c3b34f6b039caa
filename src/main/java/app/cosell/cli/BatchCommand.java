package app.cosell.cli;

import app.cosell.engagement.Batches;
import app.cosell.engagement.BatchRun;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.EngagementRunner;
import app.cosell.model.Batch;
import app.cosell.model.BatchItem;
import app.cosell.model.BatchItemState;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.store.BatchQueue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cosell-console batch}: many opportunities started at once, paced to the 1 write/s quota, each exactly once,
 * resumable after a crash. Triage first (blocked ones listed and skipped), then a progress line with the ETA (a bar on
 * a terminal, plain lines otherwise), then a summary table.
 */
@Command(name = "batch", sortOptions = false,
        description = {"Start engagements for many opportunities, paced to the write quota, each exactly once.",
                "The batch id is the first line of output; --resume continues a batch after a crash."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every ready opportunity completed", "1:could not run (connection, sign-in, store)",
                "2:usage error", "3:none was ready: nothing sent", "4:at least one task failed"})
public final class BatchCommand implements Callable<Integer> {

    @Option(names = "--ids", paramLabel = "FILE", description = "File with one opportunity id per line (- for standard input).")
    Path idsFile;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Opportunity ids (after --).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--involvement", paramLabel = "Co-Sell|For Visibility Only", defaultValue = "Co-Sell",
            converter = Converters.Involvement.class, description = "AWS involvement (default: ${DEFAULT-VALUE}).")
    InvolvementType involvement = InvolvementType.CO_SELL;

    @Option(names = "--visibility", paramLabel = "Full|Limited", converter = Converters.VisibilityValue.class,
            description = "Visibility of the opportunity to AWS (default: the service's, Full).")
    Visibility visibility;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", converter = Converters.TagValue.class,
            description = "A tag for every Start (repeatable).")
    List<Tag> tags = new ArrayList<>();

    @Option(names = "--include-unknown", description = "Also send the opportunities whose record could not be read.")
    boolean includeUnknown;

    @Option(names = "--dry-run", description = "Triage only: list what is ready and what is blocked; send nothing.")
    boolean dryRun;

    @Option(names = "--resume", arity = "0..1", paramLabel = "BATCH_ID", fallbackValue = "",
            description = "Continue a batch after a crash (default: the last unfinished one).")
    String resume;

    @Option(names = "--export", paramLabel = "FILE", description = "Also write the results as CSV.")
    Path export;

    @Option(names = "--json", description = "Print the final batch as JSON on standard output (progress on standard error).")
    boolean json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        PrintStream out = json ? System.err : System.out;
        PrintStream err = System.err;
        Converters.checkTags(tags, spec.commandLine());
        List<String> wanted;
        try {
            wanted = resume == null ? wantedIds() : List.of();
        } catch (IOException e) {
            err.println("Cannot read " + idsFile + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (resume == null && wanted.isEmpty()) {
            err.println("No opportunity ids: give --ids FILE or -- ID…");
            return ExitCode.USAGE;
        }
        try (CliSession session = new CliSession(connection);
             BatchQueue queue = BatchQueue.open(session.dataDir)) {
            Clock clock = Clock.systemUTC();
            EngagementRunner runner = new EngagementRunner(session.partnerCentral, session.history);
            Batches batches = new Batches(queue, session.history, () -> session.partnerCentral, () -> runner,
                    session::writesLeftToday, session.executor, clock, session::words);
            Batch batch;
            if (resume != null) {
                Optional<Batch> found = resume.isBlank() ? queue.lastOpen() : queue.batch(resume);
                if (found.isEmpty()) {
                    err.println(resume.isBlank() ? "No unfinished batch to resume." : "No batch " + resume + ".");
                    return ExitCode.ERROR;
                }
                batch = found.get();
                if (batch.catalog() != connection.catalog()) {
                    err.println(batch.id() + " is a " + batch.catalog().wire() + " batch: add --catalog "
                            + batch.catalog().wire());
                    return ExitCode.USAGE;
                }
                out.println(batch.id());
                out.println("Resuming " + batch.id() + " (" + batch.status().name().toLowerCase() + ").");
            } else {
                BatchTriage.Result triage = batches.triage(wanted, involvement, entry -> {});
                if (includeUnknown) {
                    List<BatchTriage.Entry> ready = new ArrayList<>(triage.ready());
                    ready.addAll(triage.unknown());
                    triage = new BatchTriage.Result(ready, triage.blocked(), List.of());
                }
                if (dryRun) {
                    for (BatchTriage.Entry e : triage.all())
                        out.printf("%-12s %-8s %-28s %s%n", e.opportunityId(), e.verdict().name().toLowerCase(),
                                cut(e.customer(), 28), session.words(e.reasonKey(), e.reasonArgs()));
                    out.printf("Triage: %d ready, %d blocked, %d not checked. Nothing was sent.%n",
                            triage.ready().size(), triage.blocked().size(), triage.unknown().size());
                    return triage.ready().isEmpty() ? ExitCode.REFUSED : ExitCode.OK;
                }
                Batch settings = new Batch("new", connection.catalog(), involvement, visibility, tags,
                        Batch.Status.RUNNING, null, null);
                batch = batches.plan(settings, triage, java.util.Map.of()).batch();
                out.println(batch.id());
                out.printf("Triage: %d ready, %d blocked, %d not checked.%n", triage.ready().size(),
                        triage.blocked().size(), triage.unknown().size());
                for (BatchTriage.Entry e : triage.blocked())
                    out.printf("  skipped %s  %s%n", e.opportunityId(), session.words(e.reasonKey(), e.reasonArgs()));
                for (BatchTriage.Entry e : triage.unknown())
                    out.printf("  not checked %s  %s%n", e.opportunityId(), session.words(e.reasonKey(), e.reasonArgs()));
                if (triage.ready().isEmpty()) {
                    queue.setStatus(batch.id(), Batch.Status.FINISHED, clock.instant());
                    err.println("None of the opportunities is ready: nothing was sent.");
                    if (json) printJson(session, batch, queue.items(batch.id()), null);
                    return ExitCode.REFUSED;
                }
                out.printf("Sending %d at %s (about %s).%n", triage.ready().size(), "1 per second",
                        clockText(Duration.ofSeconds(triage.ready().size())));
                long left = batches.writesLeftToday();
                if (triage.ready().size() > left)
                    err.printf("Warning: the day's write budget allows about %d more writes; the rest of the batch "
                            + "waits until it frees up.%n", left);
            }
            BatchRun run = batches.open(batch.id());
            ProgressPrinter printer = new ProgressPrinter(out, System.console() != null && !json, run);
            BatchRun.Progress end = run.run(printer);
            printer.finish();
            List<BatchItem> items = run.items();
            printSummary(out, items);
            if (export != null) {
                batches.export(run, export);
                out.println("Results written to " + export);
            }
            if (json) printJson(session, run.batch(), items, end);
            if (run.stoppedBy().isPresent()) {
                err.println("Stopped: " + run.stoppedBy().get().message() + " — sign in, then run with --resume "
                        + batch.id());
                return ExitCode.ERROR;
            }
            if (end.failed() > 0) return ExitCode.FAILED;
            return end.done() > 0 || end.waiting() == 0 ? ExitCode.OK : ExitCode.REFUSED;
        }
    }

    private List<String> wantedIds() throws IOException {
        List<String> out = new ArrayList<>();
        if (idsFile != null) {
            List<String> lines = idsFile.toString().equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()
                    : Files.readAllLines(idsFile, StandardCharsets.UTF_8);
            for (String line : lines) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) out.add(id.split("[,;\\s]")[0]);
            }
        }
        for (String id : ids) out.addAll(Arrays.stream(id.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        return out;
    }

    private static void printSummary(PrintStream out, List<BatchItem> items) {
        out.println();
        out.printf("%-12s %-28s %-10s %-20s %s%n", "OPPORTUNITY", "CUSTOMER", "OUTCOME", "TASK", "REASON");
        for (BatchItem item : items) {
            String reason = item.state() == BatchItemState.BLOCKED ? item.blockedReason()
                    : item.outcome() == null ? "" : item.outcome() + (item.message() == null ? "" : ": " + item.message());
            out.printf("%-12s %-28s %-10s %-20s %s%n", item.opportunityId(), cut(item.customer(), 28),
                    item.state().name(), item.taskId() == null ? "" : item.taskId(), reason == null ? "" : reason);
        }
    }

    private void printJson(CliSession session, Batch batch, List<BatchItem> items, BatchRun.Progress end)
            throws IOException {
        ObjectNode root = session.json.createObjectNode();
        root.put("batchId", batch.id());
        root.put("catalog", batch.catalog().wire());
        root.put("status", batch.status().name());
        ArrayNode rows = root.putArray("items");
        for (BatchItem item : items) {
            ObjectNode row = rows.addObject();
            row.put("opportunityId", item.opportunityId());
            row.put("customer", item.customer());
            row.put("state", item.state().name());
            row.put("taskId", item.taskId());
            row.put("outcome", item.outcome());
            row.put("message", item.state() == BatchItemState.BLOCKED ? item.blockedReason() : item.message());
        }
        if (end != null) {
            ObjectNode counts = root.putObject("counts");
            for (BatchItemState s : BatchItemState.values()) counts.put(s.name(), end.count(s));
        }
        System.out.println(session.json.writeValueAsString(root));
    }

    static String cut(String text, int width) {
        if (text == null) return "";
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static String clockText(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Prints progress: a redrawn bar on a terminal, a line per item change otherwise. */
    static final class ProgressPrinter implements BatchRun.Listener {
        private final PrintStream out;
        private final boolean terminal;
        private final BatchRun run;
        private long lastDraw;
        private final java.util.Map<Integer, BatchItemState> printed = new java.util.HashMap<>();

        ProgressPrinter(PrintStream out, boolean terminal, BatchRun run) {
            this.out = out;
            this.terminal = terminal;
            this.run = run;
        }

        @Override
        public synchronized void itemChanged(BatchItem item, TaskProgress latest) {
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastDraw < 100_000_000L && !item.state().isFinal()) return;
                lastDraw = now;
                out.print("\r" + bar(run.progress()) + "\u001b[K");
                out.flush();
            } else if (printed.put(item.position(), item.state()) != item.state()
                    && (item.state() == BatchItemState.RUNNING || item.state().isFinal())) {
                BatchRun.Progress p = run.progress();
                out.printf("%s %-9s %s  [%d/%d done, %d failed, %d waiting, ETA %s]%n", item.opportunityId(),
                        item.state().name(), item.taskId() == null ? "" : item.taskId(), p.done(), p.total() - p.skipped(),
                        p.failed(), p.waiting(), clockText(p.eta()));
            }
        }

        synchronized void finish() {
            if (terminal) out.println("\r" + bar(run.progress()) + "\u001b[K");
        }

        static String bar(BatchRun.Progress p) {
            int total = Math.max(1, p.total() - p.skipped());
            int width = 30;
            int filled = Math.min(width, (p.done() + p.failed()) * width / total);
            return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + (p.done() + p.failed()) + "/" + total
                    + " · " + p.running() + " running · " + p.failed() + " failed · " + p.waiting() + " waiting · ETA "
                    + clockText(p.eta());
        }
    }
}
