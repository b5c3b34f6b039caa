package app.cosell.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.opportunities.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryModelTest {

    private final List<TaskProgress> all = List.of(Tasks.running("r", "O0000001"), Tasks.complete("c", "O0000002"),
            Tasks.failed("f", "O0000003"));
    private final TaskHistoryFeed feed = new TaskHistoryFeed() {
        @Override public List<TaskProgress> all() { return all; }
        @Override public void addListener(Runnable listener) {}
    };

    @Test
    void filtersByStatus() {
        HistoryModel model = new HistoryModel(feed, Background.DIRECT);
        model.reload(e -> { throw new AssertionError(e); });
        assertThat(model.shownTasks()).hasSize(3);

        model.statusFilterProperty().set(HistoryModel.StatusFilter.FAILED);
        assertThat(model.shownTasks()).extracting(TaskProgress::localId).containsExactly("f");
        model.statusFilterProperty().set(HistoryModel.StatusFilter.RUNNING);
        assertThat(model.shownTasks()).extracting(TaskProgress::localId).containsExactly("r");
        model.statusFilterProperty().set(HistoryModel.StatusFilter.ENGAGED);
        assertThat(model.shownTasks()).extracting(TaskProgress::localId).containsExactly("c");
        model.statusFilterProperty().set(HistoryModel.StatusFilter.ALL);
        assertThat(model.shownTasks()).hasSize(3);
    }

    @Test
    void exportsWhatTheFilterShowsAsCsvWithQuoting(@TempDir Path dir) throws Exception {
        HistoryModel model = new HistoryModel(feed, Background.DIRECT);
        model.reload(e -> { throw new AssertionError(e); });
        model.statusFilterProperty().set(HistoryModel.StatusFilter.FAILED);
        Path file = dir.resolve("tasks.csv");
        boolean[] done = new boolean[1];

        model.export(file, () -> done[0] = true, e -> { throw new AssertionError(e); });

        assertThat(done[0]).isTrue();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("local_id,requested_at,opportunity_id,customer,catalog,involvement_type,visibility,tags");
        assertThat(lines.get(1)).startsWith("f,").contains(",O0000003,,Sandbox,Co-Sell,Full,,FAILED,CreateEngagement,")
                .endsWith(",EngagementValidationFailed,\"The opportunity, has \"\"problems\"\"\"");
        assertThat(dir.resolve("tasks.csv.part")).doesNotExist();
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
        TaskProgress t = Tasks.failed("=cmd", "O0000009");
        assertThat(HistoryModel.csv(List.of(t)).lines().skip(1).findFirst().orElseThrow()).startsWith("'=cmd,");
    }

    @Test
    void csvCarriesTheCustomerAndTheTagsAndNeutralisesFormulasInThem() throws Exception {
        TaskProgress c = Tasks.complete("c", "O0000002");
        TaskProgress tagged = new TaskProgress(c.localId(), new app.cosell.model.StartEngagementRequest(
                c.request().catalog(), c.request().opportunityId(), c.request().involvementType(), c.request().visibility(),
                List.of(new app.cosell.model.Tag("campaign", "+1 re:Invent"), new app.cosell.model.Tag("owner", "jane"))),
                c.clientToken(), c.attempt(), c.taskId(), c.taskArn(), c.status(), c.requestedAt(), c.startTime(),
                c.endedAt(), c.steps(), c.engagementId(), c.engagementInvitationId(), c.resourceSnapshotJobId(),
                c.reasonCode(), c.message(), c.failure(), c.updatedAt());
        String csv = HistoryModel.csv(List.of(tagged), id -> "=HYPERLINK(\"http://x\",\"Acme, Inc.\")");

        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().get("customer")).isEqualTo("'=HYPERLINK(\"http://x\",\"Acme, Inc.\")");
        assertThat(records.getFirst().get("tags")).isEqualTo("campaign=+1 re:Invent; owner=jane");
        assertThat(records.getFirst().get("opportunity_id")).isEqualTo("O0000002");
        assertThat(HistoryModel.cell("+1")).isEqualTo("'+1");
        assertThat(HistoryModel.cell("-x")).isEqualTo("'-x");
        assertThat(HistoryModel.cell("@SUM")).isEqualTo("'@SUM");
        assertThat(HistoryModel.cell("\tx")).isEqualTo("'\tx");
        assertThat(HistoryModel.cell("Acme")).isEqualTo("Acme");
    }

    @Test
    void theHistoryLearnsCustomersFromTheListOncePerReload() {
        HistoryModel model = new HistoryModel(feed, Background.DIRECT);
        int[] asked = new int[1];
        model.setCustomerNames(id -> { asked[0]++; return id.equals("O0000002") ? "Acme Corp" : null; });
        model.reload(e -> { throw new AssertionError(e); });
        TaskProgress complete = model.shownTasks().get(1);
        assertThat(model.customerOf(complete)).isEqualTo("Acme Corp");
        assertThat(model.customerOf(complete)).isEqualTo("Acme Corp");
        assertThat(model.customerOf(model.shownTasks().get(0))).isNull();
        assertThat(asked[0]).isEqualTo(2);
        assertThat(model.csv()).contains("Acme Corp");
    }

    @Test
    void aRefusedStartReadsInWordsNotDashes() {
        TaskProgress f = Tasks.failed("f", "O0000003");
        TaskProgress refused = new TaskProgress(f.localId(), f.request(), f.clientToken(), f.attempt(), null, null, null,
                f.requestedAt(), null, f.requestedAt(), List.of(), null, null, null, null, null,
                new app.cosell.model.CallFailure(app.cosell.model.FailureKind.ACCESS_DENIED, "AccessDeniedException",
                        "You are not allowed to do that", null, "req-1", List.of(), null), f.requestedAt());
        assertThat(TaskRows.outcome(refused)).isEqualTo("Not started: You are not allowed to do that")
                .doesNotContain("\u2014: \u2014");
    }

    @Test
    void exportsOpenInTheDocumentsFolderOrHomeNeverTheWorkingFolder() {
        java.io.File folder = HistoryWindow.defaultExportFolder();
        assertThat(folder.getAbsolutePath()).startsWith(System.getProperty("user.home"));
    }
}
