package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;

/** The data file keeps a demo across restarts; the CLI parses its flags and prints the ready line. */
class PersistenceAndCommandTest {

    @Test
    void stateSurvivesARestartWithADataFile(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("state/emulator.json");
        String taskId;
        String opportunity = SeededScenario.SUBMITTABLE.id("AWS");
        try (var emulator = PartnerCentralEmulator.builder().opportunities(30).instant(true).throttling(false)
                .dataFile(data).start(); var client = EmulatorExtension.clientFor(emulator)) {
            taskId = client.startEngagementFromOpportunityTask(r -> r.catalog("AWS").identifier(opportunity)
                    .clientToken("persist").awsSubmission(s -> s.involvementType("Co-Sell"))).taskId();
        }
        assertThat(data).exists();
        assertThat(Files.list(data.getParent())).allMatch(p -> p.toString().endsWith(".json"));

        try (var emulator = PartnerCentralEmulator.builder().opportunities(5).dataFile(data).start();
             var client = EmulatorExtension.clientFor(emulator)) {
            assertThat(TaskAwait.task(client, "AWS", taskId).taskStatus()).isEqualTo(TaskStatus.COMPLETE);
            assertThat(client.getOpportunity(r -> r.catalog("AWS").identifier(opportunity)).lifeCycle()
                    .reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
            assertThat(client.listOpportunitiesPaginator(r -> r.catalog("AWS").maxResults(100))
                    .opportunitySummaries().stream().count()).isEqualTo(30);
            var again = client.startEngagementFromOpportunityTask(r -> r.catalog("AWS").identifier(opportunity)
                    .clientToken("persist").awsSubmission(s -> s.involvementType("Co-Sell")));
            assertThat(again.taskId()).as("client tokens survive too").isEqualTo(taskId);
        }
    }

    @Test
    void aDataFileJustReadIsNotWrittenBackUntilSomethingChanges(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("emulator.json");
        PartnerCentralEmulator.builder().opportunities(20).dataFile(data).start().close();
        byte[] saved = Files.readAllBytes(data);
        var modified = Files.getLastModifiedTime(data);

        try (var emulator = PartnerCentralEmulator.builder().opportunities(20).dataFile(data).start();
             var client = EmulatorExtension.clientFor(emulator)) {
            assertThat(client.listOpportunities(r -> r.catalog("AWS").maxResults(5)).opportunitySummaries()).hasSize(5);
        }
        assertThat(Files.getLastModifiedTime(data)).as("reads change nothing: no rewrite").isEqualTo(modified);
        assertThat(Files.readAllBytes(data)).isEqualTo(saved);

        try (var emulator = PartnerCentralEmulator.builder().opportunities(20).dataFile(data).start();
             var client = EmulatorExtension.clientFor(emulator)) {
            String arn = client.getOpportunity(r -> r.catalog("AWS").identifier(SeededScenario.SUBMITTABLE.id("AWS"))).arn();
            client.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("team").value("east")));
        }
        assertThat(Files.readAllBytes(data)).as("a change is saved").isNotEqualTo(saved);
        try (var emulator = PartnerCentralEmulator.builder().opportunities(20).dataFile(data).start();
             var client = EmulatorExtension.clientFor(emulator)) {
            String arn = client.getOpportunity(r -> r.catalog("AWS").identifier(SeededScenario.SUBMITTABLE.id("AWS"))).arn();
            assertThat(client.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .anyMatch(t -> t.key().equals("team") && t.value().equals("east"));
        }
    }

    @Test
    void aFileOfAnotherFormatIsRefusedWithItsName(@TempDir Path folder) throws Exception {
        Path data = Files.writeString(folder.resolve("emulator.json"), "{\"format\": 999, \"catalogs\": {}}");
        assertThatThrownBy(() -> PartnerCentralEmulator.builder().dataFile(data).start())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("emulator.json")
                .hasMessageContaining("not an emulator data file");
    }

    @Test
    void helpPrintsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = EmulatorCommand.run(new String[] {"--help"}, new PrintStream(out), System.err, false);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port").contains("--instant").contains("--data");
    }

    @Test
    void unknownFlagIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EmulatorCommand.run(new String[] {"--colour"}, System.out, new PrintStream(err), false);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
    }

    @Test
    void startsAndPrintsTheReadyLine(@TempDir Path folder) throws Exception {
        Path faults = folder.resolve("faults.json");
        Files.writeString(faults, "{\"operations\":[{\"operation\":\"GetOpportunity\",\"fault\":\"throttling\","
                + "\"probability\":0.5}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = EmulatorCommand.run(new String[] {"--port", "0", "--opportunities", "3", "--instant",
            "--no-throttling", "--step-delay", "5", "--seed", "7", "--faults", faults.toString(),
            "--access-key-id", "AKIATESTTESTTEST0000", "--secret-access-key", "secret"},
                new PrintStream(out), System.err, false);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .matches("(?s)Partner Central emulator listening on http://127\\.0\\.0\\.1:\\d+\\R");
    }
}
