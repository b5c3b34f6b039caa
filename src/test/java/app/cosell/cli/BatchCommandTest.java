package app.cosell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ChildJvm;
import app.cosell.emulator.SeededScenario;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppJson;
import app.cosell.model.InvolvementType;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.testing.EmulatorExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cosell-console batch} as a rep runs it: a separate JVM against the emulator over HTTP with its write quota
 * on, killed with SIGKILL at chosen moments and resumed. Exactly one task per ready opportunity, none missing.
 */
class BatchCommandTest {

    private static final String MISSING_WEBSITE = SeededScenario.MISSING_WEBSITE.id("Sandbox");
    private static final String ALREADY_SUBMITTED = SeededScenario.ALREADY_SUBMITTED.id("Sandbox");
    private static final String IN_REVIEW = SeededScenario.IN_REVIEW.id("Sandbox");
    private static final String APPROVED = SeededScenario.APPROVED.id("Sandbox");
    private static final Set<String> SCENARIOS = Arrays.stream(SeededScenario.values()).map(s -> s.id("Sandbox"))
            .collect(Collectors.toSet());

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(120)
            .stepDelay(Duration.ofMillis(200)).throttling(true);
    @TempDir Path dataDir;

    /**
     * Ready opportunities of the seed (the same triage the command runs), never the seeded scenarios. Triaged
     * {@code count} at a time until enough are ready: each is a GetOpportunity under the emulator's 10 reads/s, and
     * triaging (and asking the tasks of) the whole first page cost seconds of throttled reads.
     */
    List<String> readyIds(int count, Path scratch) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (OpportunitySummary s : emulator.partnerCentral().listOpportunities(OpportunityQuery.all()
                .withReviewStatuses(List.of(ReviewStatus.PENDING_SUBMISSION)), null, 100).opportunities())
            if (!SCENARIOS.contains(s.id())) candidates.add(s.id());
        BatchTriage triage = new BatchTriage(emulator.partnerCentral(), TaskHistory.open(scratch, AppJson.newMapper()),
                Clock.systemUTC());
        List<String> ready = new ArrayList<>();
        for (int from = 0; ready.size() < count && from < candidates.size(); from += count) {
            List<String> untouched = candidates.subList(from, Math.min(from + count, candidates.size())).stream()
                    .filter(id -> tasks(id) == 0).toList();
            for (BatchTriage.Entry entry : triage.triage(untouched, InvolvementType.CO_SELL, e -> {}).ready())
                ready.add(entry.opportunityId());
        }
        assertThat(ready).hasSizeGreaterThanOrEqualTo(count);
        return ready.subList(0, count);
    }

    static int tasks(String opportunityId) {
        return emulator.partnerCentral().tasksForOpportunity(opportunityId).size();
    }

    /** The command in its own JVM, as the packaged launcher would run it. */
    Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("batch", "--catalog", "Sandbox",
                "--endpoint-url", emulator.endpoint().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = ChildJvm.command(dataDir, Map.of("AWS_ACCESS_KEY_ID", emulator.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey()), "app.cosell.Launcher",
                command.toArray(String[]::new)).redirectErrorStream(true);
        pb.environment().remove("AWS_PROFILE");
        return pb.start();
    }

    /** Reads the output until a line matches, then kills the process with SIGKILL; returns what was read. */
    static List<String> killWhen(Process process, Predicate<List<String>> moment) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (moment.test(lines)) {
                    process.destroyForcibly();           // SIGKILL: no shutdown hook, no flush
                    break;
                }
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return lines;
    }

    static Result finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exit, String output) {
        String firstLine() { return output.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse(""); }
    }

    static long count(List<String> lines, String word) {
        return lines.stream().filter(l -> l.contains(" " + word + " ")).count();
    }

    @Test
    void killedThreeTimesAndResumedEachOpportunityHasExactlyOneTask() throws Exception {
        List<String> ready = readyIds(6, dataDir.resolve("scratch"));
        Path ids = dataDir.resolve("ids.txt");
        List<String> lines = new ArrayList<>(ready);
        lines.add(MISSING_WEBSITE);                        // missing website: skipped before any write
        Files.write(ids, lines);

        List<String> first = killWhen(launch("--ids", ids.toString()), out -> count(out, "RUNNING") >= 1);
        String batchId = first.stream().filter(l -> l.startsWith("batch-")).findFirst().orElseThrow();
        killWhen(launch("--resume"), out -> count(out, "COMPLETE") >= 2);
        killWhen(launch("--resume", batchId), out -> out.stream().anyMatch(l -> l.startsWith("Resuming")));
        Result last = finish(launch("--resume"));

        assertThat(last.exit()).as(last.output()).isZero();
        assertThat(last.firstLine()).isEqualTo(batchId);
        for (String id : ready) assertThat(tasks(id)).as(id).isEqualTo(1);
        assertThat(tasks(MISSING_WEBSITE)).isZero();
        assertThat(last.output()).contains(MISSING_WEBSITE).contains("The customer website is missing.");
        assertThat(finish(launch("--resume")).exit()).as("nothing left to resume").isEqualTo(ExitCode.ERROR);
    }

    @Test
    void noReadyOpportunityMeansExitThreeAndNoWrite() throws Exception {
        Result result = finish(launch("--", ALREADY_SUBMITTED, IN_REVIEW));

        assertThat(result.exit()).as(result.output()).isEqualTo(ExitCode.REFUSED);
        assertThat(result.firstLine()).startsWith("batch-");
        assertThat(tasks(ALREADY_SUBMITTED)).isZero();
        assertThat(tasks(IN_REVIEW)).isZero();
    }

    @Test
    void tagsTheServiceWouldRefuseAreAUsageErrorBeforeAnyWrite() throws Exception {
        Result twice = finish(launch("--tag", "Team=East", "--tag", "Team=West", "--", "O20000001"));
        Result noValue = finish(launch("--tag", "novalue", "--", "O20000001"));

        assertThat(twice.exit()).as(twice.output()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.output()).contains("KEY_DUPLICATE");
        assertThat(noValue.exit()).as(noValue.output()).isEqualTo(ExitCode.USAGE);
        assertThat(noValue.output()).contains("KEY=VALUE");
        assertThat(tasks("O20000001")).isZero();
    }

    /**
     * The acceptance run: 30 ready plus 3 blocked under the 1 write/s quota with 200 ms steps. Timed, so on
     * demand: {@code ./mvnw -B -Pbench test -Dtest=BatchCommandTest}.
     */
    @Test
    @Tag("benchmark")
    void thirtyReadyAndThreeBlockedHonourTheQuota() throws Exception {
        List<String> ready = readyIds(30, dataDir.resolve("scratch"));
        List<String> args = new ArrayList<>(List.of("--"));
        args.addAll(ready);
        args.addAll(List.of(MISSING_WEBSITE, ALREADY_SUBMITTED, APPROVED));
        long t0 = System.nanoTime();
        Result result = finish(launch(args.toArray(String[]::new)));
        double seconds = (System.nanoTime() - t0) / 1e9;

        System.out.printf("batch of 30 ready + 3 blocked: %.1f s wall (quota floor 29 s, budget 40 s)%n", seconds);
        assertThat(result.exit()).as(result.output()).isZero();
        for (String id : ready) assertThat(tasks(id)).as(id).isEqualTo(1);
        assertThat(result.output()).doesNotContain("Throttling");
        assertThat(seconds).isBetween(29.0, 40.0);
    }
}
