package app.cosell.ui.engage;

import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskStatus;
import app.cosell.ui.ConsoleHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The engagement screens inside the real console (its own wiring, the embedded emulator), driven by keys only. */
class EngageInConsoleTest {

    private static ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openConsole() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("engage-console"), 30, Duration.ofMillis(150), null);
    }

    @AfterAll
    static void closeConsole() throws Exception {
        console.close();
    }

    @Test
    void aRepStartsAnEngagementFromTheListWithTheKeyboardOnly() throws Exception {
        select("O20000001");
        List<String> indicator = new CopyOnWriteArrayList<>();
        robot.interact(() -> robot.lookup("#runningTasks").queryAs(MenuButton.class).textProperty()
                .addListener((o, a, b) -> indicator.add(b)));

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);                       // Enter on the row: the form
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#addTag").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#addTag").query().getScene().getWindow());   // where TestFX types (no mouse)
        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);   // Add tag (its key field takes focus)
        robot.write("team");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.write("East");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);                       // Start engagement (default button)

        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isPresent());
        FxWait.until(30, TimeUnit.SECONDS, () -> robot.lookup(".status-badge").queryAs(Label.class)
                .getText().equals("Complete"));
        assertThat(robot.lookup("#engagementId").queryAs(Label.class).getText()).startsWith("eng-");
        assertThat(indicator).as("the status bar's running-tasks indicator").contains("1 running");
        assertThat(console.context.history().forOpportunity("O20000001")).first()
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo(TaskStatus.COMPLETE);
                    assertThat(t.request().tags()).extracting(app.cosell.model.Tag::key).containsExactly("team");
                });

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);                     // Close the progress window
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isEmpty());
        assertThat(robot.lookup("#runningTasks").queryAs(MenuButton.class).getText()).isEqualTo("No tasks running");
    }

    @SuppressWarnings("unchecked")
    private void select(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<OpportunitySummary> table = robot.lookup("#opportunityTable").queryAs(TableView.class);
            OpportunitySummary row = table.getItems().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            console.stage.toFront();
            table.requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
