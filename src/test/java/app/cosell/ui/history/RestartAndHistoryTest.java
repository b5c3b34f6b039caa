package app.cosell.ui.history;

import app.cosell.emulator.SeededScenario;
import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.AppContext;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.common.EngagementState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app is closed while an engagement task runs; the next launch follows it to its end. Then the history shows it,
 * filters by status, and exports CSV.
 */
@Tag("ui")
class RestartAndHistoryTest {

    private static final String OPPORTUNITY = SeededScenario.SUBMITTABLE.id("Sandbox");
    private static ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startATaskThenCloseTheAppWhileItRuns() throws Exception {
        Path dataDir = ConsoleHarness.newDataDir("restart");
        AppContext first = ConsoleHarness.context(dataDir, 120, Duration.ofSeconds(3));
        first.connect();
        StartEngagementRequest request = new StartEngagementRequest(Catalog.Sandbox, OPPORTUNITY,
                InvolvementType.CO_SELL, Visibility.FULL, List.of());
        first.executor().execute(() -> {
            try {
                first.runner().start(request, p -> {});
            } catch (InterruptedException stoppedByClose) {
                Thread.currentThread().interrupt();
            }
        });
        FxWait.until(20, TimeUnit.SECONDS, () -> first.history().all().stream().anyMatch(TaskProgress::isStarted));
        assertThat(first.history().unfinished()).hasSize(1);
        first.close(); // the app quits mid-task

        console = ConsoleHarness.open(dataDir, 120, Duration.ofMillis(30), null);
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
    }

    @Test
    void aRestartFollowsTheRunningTaskToItsEndAndTheHistoryExportsIt() throws Exception {
        FxWait.until(60, TimeUnit.SECONDS, () -> console.window.listModel().latestTasks().containsKey(OPPORTUNITY)
                && EngagementState.of(console.window.listModel().latestTasks().get(OPPORTUNITY)) == EngagementState.ENGAGED);
        assertThat(console.context.history().unfinished()).isEmpty();
        assertThat(console.context.history().all()).hasSize(1).first().satisfies(t -> {
            assertThat(t.isComplete()).isTrue();
            assertThat(t.engagementId()).isNotBlank();
        });

        WaitForAsyncUtils.asyncFx(() -> { console.stage.requestFocus(); }).get();
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#historyTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#historyTable").queryAs(TableView.class);
        FxWait.until(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        @SuppressWarnings("unchecked")
        ComboBox<HistoryModel.StatusFilter> filter = robot.lookup("#historyStatusFilter").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> filter.setValue(HistoryModel.StatusFilter.FAILED)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
        WaitForAsyncUtils.asyncFx(() -> filter.setValue(HistoryModel.StatusFilter.ENGAGED)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);

        Path csv = console.dataDir.resolve("export.csv");
        HistoryWindow history = console.window.historyWindow();
        history.exportTarget(w -> csv);
        robot.clickOn("#historyExportButton");
        FxWait.until(10, TimeUnit.SECONDS, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(OPPORTUNITY).contains("COMPLETE");
    }
}
