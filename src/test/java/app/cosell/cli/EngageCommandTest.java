package app.cosell.cli;

import app.cosell.emulator.SeededScenario;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppDataFolder;
import app.cosell.files.AppJson;
import app.cosell.testing.EmulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code engage} against the emulator over real HTTP, credentials from the SDK's default chain (system properties
 * here, as {@code AWS_*} variables would be): blocked opportunities are refused before any write, a clean one
 * completes with its ids, and a second start of it is refused.
 */
class EngageCommandTest {

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(30)
            .stepDelay(Duration.ofMillis(20));
    @TempDir static Path data;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("aws.accessKeyId", emulator.accessKeyId());
        System.setProperty("aws.secretAccessKey", emulator.secretAccessKey());
        dataDirBefore = System.getProperty(AppDataFolder.OVERRIDE_PROPERTY);
        System.setProperty(AppDataFolder.OVERRIDE_PROPERTY, data.toString());
    }

    /** Surefire's own data folder for the tests, put back afterwards (later test classes read it). */
    static String dataDirBefore;

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (dataDirBefore == null) System.clearProperty(AppDataFolder.OVERRIDE_PROPERTY);
        else System.setProperty(AppDataFolder.OVERRIDE_PROPERTY, dataDirBefore);
    }

    static Run engage(String... args) {
        CommandLine cl = CosellCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "engage";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--catalog", "Sandbox", "--endpoint-url", emulator.endpoint().toString()}, 0,
                all, args.length + 1, 4);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    private static int serviceTasks(String id) {
        return emulator.partnerCentral().tasksForOpportunity(id).size();
    }

    private static List<?> ourTasks(String id) {
        return TaskHistory.open(data, AppJson.newMapper()).forOpportunity(id);
    }

    @Test
    void blockedOpportunitiesAreRefusedBeforeAnyWriteAndCompleteOnesStartOnce() {
        String submitted = SeededScenario.ALREADY_SUBMITTED.id("Sandbox");
        String noWebsite = SeededScenario.MISSING_WEBSITE.id("Sandbox");
        String clean = SeededScenario.SUBMITTABLE.id("Sandbox");

        Run r = engage(submitted);
        assertThat(r.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("review status is Submitted");
        r = engage(noWebsite);
        assertThat(r.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("customer website is missing");
        assertThat(serviceTasks(submitted)).isZero();
        assertThat(serviceTasks(noWebsite)).isZero();
        assertThat(ourTasks(submitted)).isEmpty();

        r = engage(clean, "--tag", "Team=East");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("Engagement: +eng-")
                .containsPattern("Engagement invitation: +engi-")
                .containsPattern("Resource snapshot job: +job-")
                .contains("✓ CreateEngagement", "✓ SubmitOpportunity");
        assertThat(ourTasks(clean)).hasSize(1);

        r = engage(clean);
        assertThat(r.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(serviceTasks(clean)).isEqualTo(1);
        assertThat(ourTasks(clean)).hasSize(1);
    }

    @Test
    void jsonPrintsTheFinalTaskOnStdout() throws Exception {
        Run r = engage(SeededScenario.SUBMITTABLE_SECOND.id("Sandbox"), "--json", "--involvement", "For Visibility Only",
                "--visibility", "limited");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        var task = AppJson.newMapper().readTree(r.out());
        assertThat(task.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(task.get("engagementId").asText()).startsWith("eng-");
        assertThat(task.at("/request/involvementType").asText()).isEqualTo("FOR_VISIBILITY_ONLY");
    }

    @Test
    void aBadTagIsAUsageError() {
        assertThat(engage(SeededScenario.SUBMITTABLE_COMMITTED.id("Sandbox"), "--tag", "novalue").exit())
                .isEqualTo(ExitCode.USAGE);
        Run twice = engage(SeededScenario.SUBMITTABLE_COMMITTED.id("Sandbox"), "--tag", "Team=East",
                "--tag", "Team=West");
        assertThat(twice.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.err()).contains("KEY_DUPLICATE");
    }
}
