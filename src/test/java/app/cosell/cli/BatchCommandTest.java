package app.cosell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.engagement.AppJson;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.TaskHistory;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cosell-console batch} as a rep runs it: a separate JVM against the emulator over HTTP with its write quota
 * on, killed with SIGKILL at chosen moments and resumed. Exactly one task per ready opportunity, none missing.
 */
class BatchCommandTest {

    static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static PartnerCentralEmulator emulator;
    static PartnerCentral partnerCentral;
    @TempDir Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        emulator = PartnerCentralEmulator.builder().port(0).credentials(KEY, SECRET).opportunities(120)
                .stepDelay(Duration.ofMillis(200)).throttling(true).start();
        partnerCentral = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                Path.of("no-cache")), "test").forEmulator(emulator.endpoint(), KEY, SECRET, Catalog.Sandbox);
    }

    @AfterAll
    static void stop() {
        partnerCentral.close();
        emulator.close();
    }

    /** Ready opportunities of the seed (the same triage the command runs), never the seeded scenarios. */
    List<String> readyIds(int count, Path scratch) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (OpportunitySummary s : partnerCentral.listOpportunities(OpportunityQuery.all()
                .withReviewStatuses(List.of(ReviewStatus.PENDING_SUBMISSION)), null, 100).opportunities())
            if (Integer.parseInt(s.id().substring(1)) > 20000020 && tasks(s.id()) == 0) candidates.add(s.id());
        BatchTriage.Result triage = new BatchTriage(partnerCentral, TaskHistory.open(scratch, AppJson.newMapper()),
                Clock.systemUTC()).triage(candidates, InvolvementType.CO_SELL, e -> {});
        assertThat(triage.ready()).hasSizeGreaterThanOrEqualTo(count);
        return triage.ready().stream().limit(count).map(BatchTriage.Entry::opportunityId).toList();
    }

    static int tasks(String opportunityId) {
        return partnerCentral.tasksForOpportunity(opportunityId).size();
    }

    /** The command in its own JVM, as the packaged launcher would run it. */
    Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dcosell.dataDir=" + dataDir,
                "-cp", System.getProperty("java.class.path"), "app.cosell.Launcher", "batch", "--catalog", "Sandbox",
                "--endpoint-url", emulator.endpoint().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", SECRET);
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
        lines.add("O20000005");                                   // missing website: skipped before any write
        Files.write(ids, lines);

        List<String> first = killWhen(launch("--ids", ids.toString()), out -> count(out, "RUNNING") >= 1);
        String batchId = first.stream().filter(l -> l.startsWith("batch-")).findFirst().orElseThrow();
        killWhen(launch("--resume"), out -> count(out, "COMPLETE") >= 2);
        killWhen(launch("--resume", batchId), out -> out.stream().anyMatch(l -> l.startsWith("Resuming")));
        Result last = finish(launch("--resume"));

        assertThat(last.exit()).as(last.output()).isZero();
        assertThat(last.firstLine()).isEqualTo(batchId);
        for (String id : ready) assertThat(tasks(id)).as(id).isEqualTo(1);
        assertThat(tasks("O20000005")).isZero();
        assertThat(last.output()).contains("O20000005").contains("The customer website is missing.");
        assertThat(finish(launch("--resume")).exit()).as("nothing left to resume").isEqualTo(ExitCode.ERROR);
    }

    @Test
    void noReadyOpportunityMeansExitThreeAndNoWrite() throws Exception {
        Result result = finish(launch("--", "O20000014", "O20000015"));

        assertThat(result.exit()).as(result.output()).isEqualTo(ExitCode.REFUSED);
        assertThat(result.firstLine()).startsWith("batch-");
        assertThat(tasks("O20000014")).isZero();
        assertThat(tasks("O20000015")).isZero();
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
        args.addAll(List.of("O20000005", "O20000014", "O20000016"));
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
