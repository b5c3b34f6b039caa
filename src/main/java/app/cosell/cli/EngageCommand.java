package app.cosell.cli;

import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdvice;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.StartGuard;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppJson;
import app.cosell.model.FailureKind;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StartVerdict;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.Tag;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.partner.PartnerCentral;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cosell-console engage <OPPORTUNITY_ID>}: starts an engagement from the terminal over the same core as the
 * window — the start guard first (a blocked opportunity is refused before any write, exit 3), then the runner's start
 * (its client token saved in the same task history before the call is sent) and live tracking, one line per step as
 * it completes; the created ids (exit 0) or the failure with its advice (exit 4).
 */
@Command(name = "engage", mixinStandardHelpOptions = true,
        description = "Start an engagement for an opportunity (StartEngagementFromOpportunityTask) and follow it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the task completed (the ids are printed)", "1:could not run (connection, credentials)",
                "2:usage error", "3:refused before any write (the reason is on stderr)", "4:the task failed"})
public final class EngageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OPPORTUNITY_ID", description = "The opportunity, e.g. O1234567.")
    String opportunityId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--involvement", paramLabel = "Co-Sell|\"For Visibility Only\"", converter = Converters.Involvement.class,
            defaultValue = "Co-Sell", description = "AWS involvement (default: ${DEFAULT-VALUE}).")
    InvolvementType involvement = InvolvementType.CO_SELL;

    @Option(names = "--visibility", paramLabel = "Full|Limited", converter = Converters.VisibilityValue.class,
            defaultValue = "Full", description = "Visibility of the opportunity to AWS (default: ${DEFAULT-VALUE}).")
    Visibility visibility = Visibility.FULL;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", converter = Converters.TagValue.class,
            description = "A tag for the task (repeatable).")
    List<Tag> tags = new ArrayList<>();

    @Option(names = "--json", description = "Print the final task as JSON on stdout (progress goes to stderr).")
    boolean json;

    @Option(names = "--no-follow", description = "Return once the service has accepted the start (the task id).")
    boolean noFollow;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ResourceBundle messages = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE);

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? err : out;
        Converters.checkTags(tags, spec.commandLine());

        // The app's data folder and history, every call paced to the quotas and counted, as the app does.
        try (CliSession session = new CliSession(connection)) {
            PartnerCentral pc = session.partnerCentral;
            TaskHistory history = session.history;
            // 1. The guard, on the full record and on whether a task for it still runs.
            Opportunity o;
            boolean running;
            try {
                o = pc.getOpportunity(opportunityId);
                running = taskRunning(pc, history);
            } catch (PartnerCentralFailure f) {
                err.println(text("cli.engage.readFailed", opportunityId, connection.describe(), message(f)));
                return f.kind() == FailureKind.NOT_FOUND ? ExitCode.REFUSED : ExitCode.ERROR;
            }
            StartVerdict verdict = new StartGuard().decide(o, involvement, running, LocalDate.now());
            if (verdict.isBlocked()) {
                err.println(text("cli.engage.refused", opportunityId));
                for (StartVerdict.Reason r : verdict.reasons()) {
                    err.println("  " + StartGuard.what(r, messages));
                    err.println("    " + text("cli.engage.fix", StartGuard.fix(r, messages)));
                }
                err.flush();
                return ExitCode.REFUSED;
            }
            if (verdict.outcome() == StartVerdict.Outcome.UNKNOWN) {
                for (StartVerdict.Reason r : verdict.reasons()) err.println(text("cli.engage.unchecked", StartGuard.what(r, messages)));
            }

            // 2. Start through the runner (token saved before sending) and follow.
            StartEngagementRequest request = new StartEngagementRequest(pc.catalog(), opportunityId, involvement,
                    visibility, tags);
            progress.println(text("cli.engage.starting", opportunityId, involvement.wire(), visibility.wire(),
                    connection.describe()));
            progress.flush();
            TaskProgress end = follow(new EngagementRunner(pc, history), request, progress);

            // 3. The outcome.
            if (json) {
                ObjectMapper mapper = AppJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(end));
                out.flush();
            }
            if (end.isComplete()) {
                PrintWriter ids = json ? err : out;
                ids.println(text("cli.engage.complete"));
                ids.println(text("cli.engage.id.engagement", end.engagementId()));
                ids.println(text("cli.engage.id.invitation", end.engagementInvitationId() == null ? "—" : end.engagementInvitationId()));
                ids.println(text("cli.engage.id.snapshotJob", end.resourceSnapshotJobId()));
                ids.flush();
                return ExitCode.OK;
            }
            if (noFollow && end.isStarted() && !end.isEnded()) {
                progress.println(text("cli.engage.accepted", end.taskId()));
                progress.flush();
                return ExitCode.OK;
            }
            FailureAdvice advice = FailureAdviceCatalogue.forLocale(Locale.getDefault()).forTask(end).orElse(null);
            err.println(text("cli.engage.failed", end.reasonCode() != null ? end.reasonCode()
                    : end.failure() != null && end.failure().errorCode() != null ? end.failure().errorCode() : "—",
                    end.message() != null ? end.message() : end.failure() != null ? end.failure().message() : ""));
            if (advice != null) {
                err.println("  " + advice.title());
                err.println("  " + advice.whatHappened());
                err.println("  " + advice.whatToDo());
            }
            err.flush();
            return end.isStarted() || end.isEnded() ? ExitCode.FAILED : ExitCode.ERROR;
        }
    }

    /** Whether a task for this opportunity has not ended: the service's list, the truth for every client. */
    private boolean taskRunning(PartnerCentral pc, TaskHistory history) {
        for (TaskAnswer a : pc.tasksForOpportunity(opportunityId)) {
            if (a.status() == null || !a.status().isEnd()) return true;
        }
        return false;
    }

    /**
     * Runs the start on a worker while this thread prints: a line per step as it completes, a spinner on a terminal.
     * With --no-follow, tracking is stopped (the runner saves its latest snapshot) once the service has a task id.
     */
    private TaskProgress follow(EngagementRunner runner, StartEngagementRequest request, PrintWriter progress)
            throws InterruptedException {
        LinkedBlockingQueue<TaskProgress> changes = new LinkedBlockingQueue<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("engage-", 0).factory());
        boolean spinner = !json && System.console() != null && System.console().isTerminal();
        Set<app.cosell.model.TaskStep> shown = EnumSet.noneOf(app.cosell.model.TaskStep.class);
        TaskProgress latest = null;
        try {
            Future<TaskProgress> run = worker.submit(() -> runner.start(request, changes::add));
            String frames = "|/-\\";
            int frame = 0;
            while (true) {
                TaskProgress p = changes.poll(120, TimeUnit.MILLISECONDS);
                while (p != null) {
                    latest = p;
                    if (spinner) progress.print("\r  \r");
                    for (StepProgress s : p.steps()) {
                        if (s.state().isEnd() && shown.add(s.step())) progress.println(stepLine(s));
                    }
                    if (noFollow && p.isStarted() && !p.isEnded()) run.cancel(true);
                    p = changes.poll();
                }
                if (run.isDone()) break;
                if (spinner) progress.print("\r" + frames.charAt(frame++ % frames.length()) + " ");
                progress.flush();
            }
            if (spinner) progress.print("\r  \r");
            progress.flush();
            if (run.isCancelled()) return latest;
            try {
                return run.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        } finally {
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private String stepLine(StepProgress s) {
        String mark = s.state() == StepState.DONE ? "✓" : s.state() == StepState.FAILED ? "✗" : "–";
        String name = s.step().operation();
        return s.resultId() == null ? "  " + mark + " " + name
                : "  " + mark + " " + String.format("%-28s", name) + " " + s.resultId();
    }

    private static String message(PartnerCentralFailure f) {
        return (f.errorCode() == null ? f.kind().name() : f.errorCode()) + ": " + f.getMessage();
    }

    private String text(String key, Object... args) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(args);
    }
}
