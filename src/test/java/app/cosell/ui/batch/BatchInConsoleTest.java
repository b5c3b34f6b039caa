package app.cosell.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.BatchItemState;
import app.cosell.model.OpportunitySummary;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A batch from the opportunity list, as a rep does it: several rows selected, Ctrl+B, triage (a blocked one skipped
 * with its reason), start, the progress bar and each row's state, a failure's advice, export.
 */
@Tag("ui")
class BatchInConsoleTest {

    private static final String SUBMITTABLE = SeededScenario.SUBMITTABLE.id("Sandbox");
    private static final String SUBMITTABLE_SECOND = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox");
    private static final String MISSING_WEBSITE = SeededScenario.MISSING_WEBSITE.id("Sandbox");
    private static final String SUBMITTABLE_COMMITTED = SeededScenario.SUBMITTABLE_COMMITTED.id("Sandbox");

    private final FxRobot robot = new FxRobot();
    private ConsoleHarness console;

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("batch"), 60, Duration.ZERO, null);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void selectTriageStartFollowAndExport() throws Exception {
        // One task will fail at a later step, where no check before the start can see it coming.
        postFaults("{\"tasks\":[{\"opportunityId\":\"" + SUBMITTABLE_SECOND + "\",\"reasonCode\":\"InternalError\","
                + "\"step\":\"CreateEngagementInvitation\"}]}");
        List<String> chosen = List.of(SUBMITTABLE, SUBMITTABLE_SECOND, MISSING_WEBSITE, SUBMITTABLE_COMMITTED);
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<OpportunitySummary> table = console.window.opportunities().table();
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++)
                if (chosen.contains(table.getItems().get(i).id())) table.getSelectionModel().select(i);
            table.requestFocus();
        }).get(10, TimeUnit.SECONDS);
        robot.push(KeyCode.CONTROL, KeyCode.B);

        FxWait.until(10, TimeUnit.SECONDS, () -> console.window.lastBatchWindow() != null);
        BatchWindow batch = console.window.lastBatchWindow();
        BatchModel model = batch.model();
        FxWait.until(30, TimeUnit.SECONDS, () -> model.phase() == BatchModel.Phase.REVIEW);
        assertThat(model.rows()).extracting(BatchRow::opportunityId).containsExactlyInAnyOrderElementsOf(chosen);
        BatchRow blocked = row(model, MISSING_WEBSITE);
        assertThat(blocked.reasonProperty().get()).isEqualTo("The customer website is missing.");
        assertThat(model.readyCountProperty().get()).isEqualTo(3);
        Button start = robot.lookup("#batchStart").queryButton();
        assertThat(start.getText()).isEqualTo("Start 3 engagements");
        assertThat(model.countsTextProperty().get()).isEqualTo("3 ready · 1 blocked");

        // Half a 1920 px screen: nothing of the window is cut off.
        FxWait.resize(batch.stage(), 960, 640);
        WaitForAsyncUtils.asyncFx(() -> app.cosell.ui.ControlsInWindow.assertInside(batch.stage().getScene())).get(5, TimeUnit.SECONDS);

        // Enter in the list starts the batch (the default button): no row has progress to open yet.
        robot.clickOn("#batchTable");
        robot.push(KeyCode.ENTER);

        FxWait.until(60, TimeUnit.SECONDS, () -> model.phase() == BatchModel.Phase.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        app.cosell.ui.Screenshots.save(batch.stage().getScene(), "batch");
        assertThat(row(model, SUBMITTABLE).state()).isEqualTo(BatchItemState.COMPLETE);
        assertThat(row(model, SUBMITTABLE_COMMITTED).state()).isEqualTo(BatchItemState.COMPLETE);
        assertThat(row(model, SUBMITTABLE_SECOND).state()).isEqualTo(BatchItemState.FAILED);
        assertThat(row(model, SUBMITTABLE_SECOND).outcomeProperty().get()).isNotBlank();
        assertThat(blocked.state()).isEqualTo(BatchItemState.BLOCKED);
        assertThat(model.countsTextProperty().get()).isEqualTo("2 engaged · 1 failed");
        assertThat(model.fractionDoneProperty().get()).isEqualTo(1.0);
        for (String id : List.of(SUBMITTABLE, SUBMITTABLE_SECOND, SUBMITTABLE_COMMITTED))
            assertThat(console.context.partnerCentral().tasksForOpportunity(id)).as(id).hasSize(1);
        assertThat(console.context.partnerCentral().tasksForOpportunity(MISSING_WEBSITE)).isEmpty();

        Path csv = console.dataDir.resolve("results.csv");
        batch.exportTarget(stage -> csv);
        robot.clickOn("#batchExport");
        FxWait.until(10, TimeUnit.SECONDS, () -> Files.exists(csv));
        Map<String, String> lines = Files.readAllLines(csv).stream().skip(1)
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')), l -> l));
        assertThat(lines).containsOnlyKeys(chosen);
        assertThat(lines.get(SUBMITTABLE_SECOND)).contains("FAILED").contains("InternalError");
        assertThat(lines.get(MISSING_WEBSITE)).contains("BLOCKED").contains("The customer website is missing.");
        assertThat(lines.get(SUBMITTABLE)).contains("COMPLETE").contains("task-");

        // Esc closes the window, with the focus in the list (whose own behaviour would swallow it).
        robot.clickOn("#batchTable");
        robot.push(KeyCode.ESCAPE);
        FxWait.until(5, TimeUnit.SECONDS, () -> !batch.stage().isShowing());
    }

    private static BatchRow row(BatchModel model, String id) {
        return model.rows().stream().filter(r -> r.opportunityId().equals(id)).findFirst().orElseThrow();
    }

    private void postFaults(String json) throws Exception {
        URI endpoint = console.context.emulatorEndpoint();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/faults"))
                .header("Content-Type", "application/json")
                .header(app.cosell.emulator.PartnerCentralEmulator.ADMIN_TOKEN_HEADER, console.context.emulatorAdminToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
    }
}
