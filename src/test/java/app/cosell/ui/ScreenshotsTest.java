package app.cosell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.Visibility;
import app.cosell.ui.common.Theme;
import app.cosell.ui.common.EngagementState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the README screenshots of the console shell (main window with the detail pane, history, settings, dark
 * theme) from the real app on the embedded emulator, into {@code assets/screenshots/}.
 */
@Tag("ui")
class ScreenshotsTest {

    private static final String SUBMITTABLE = SeededScenario.SUBMITTABLE.id("Sandbox");
    private static final String MISSING_WEBSITE = SeededScenario.MISSING_WEBSITE.id("Sandbox");
    private static final String IN_REVIEW = SeededScenario.IN_REVIEW.id("Sandbox");

    private static ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openConsoleWithSomeHistory() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("screenshots"), 400, Duration.ZERO, null);
        // Two engagements run to their end: one succeeds, one fails the service's validation.
        for (String id : List.of(SUBMITTABLE, MISSING_WEBSITE, IN_REVIEW)) {
            console.context.runner().start(new StartEngagementRequest(Catalog.Sandbox, id, InvolvementType.CO_SELL,
                    Visibility.FULL, List.of()), p -> {});
        }
        FxWait.until(10, TimeUnit.SECONDS,
                () -> console.window.listModel().latestTasks().size() == 3);
    }

    @AfterAll
    static void close() throws Exception {
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        console.close();
    }

    @Test
    void rendersTheShellScreens() throws Exception {
        select(MISSING_WEBSITE);
        FxWait.until(10, TimeUnit.SECONDS, () -> console.window.detailModel().opportunityProperty().get() != null);
        assertThat(console.window.listModel().engagementStateOf(row(SUBMITTABLE))).isEqualTo(EngagementState.ENGAGED);
        // The titles of the rows on screen (scrolled to the selected one) arrive in the background (ListOpportunities
        // carries none).
        FxWait.until(20, TimeUnit.SECONDS, () -> robot.lookup("#opportunityTable .table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.isVisible() && !r.isEmpty() && r.getItem() != null)
                .allMatch(r -> console.window.listModel().titleOf(((OpportunitySummary) r.getItem()).id()) != null));
        Path main = Screenshots.save(console.stage.getScene(), "main-window");

        WaitForAsyncUtils.asyncFx(console.window::showHistory).get();
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#historyTable").queryAs(TableView.class).getItems().size() == 3);
        Path history = Screenshots.save(robot.lookup("#historyWindow").query().getScene(), "history");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#historyWindow").query().getScene().getWindow().hide()).get();

        WaitForAsyncUtils.asyncFx(console.window::showSettings).get();
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#settingsPane").tryQuery().isPresent());
        DialogPane settingsPane = (DialogPane) robot.lookup("#settingsDialog").query();
        Path settings = Screenshots.save(settingsPane.getScene(), "settings");
        WaitForAsyncUtils.asyncFx(() -> settingsPane.getScene().getWindow().hide()).get();

        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        Path dark = Screenshots.save(console.stage.getScene(), "main-window-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        assertThat(List.of(main, history, settings, dark)).allSatisfy(p -> assertThat(p).isNotEmptyFile());
    }

    private static OpportunitySummary row(String id) {
        return console.window.listModel().rows().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void select(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<OpportunitySummary> table = robot.lookup("#opportunityTable").queryAs(TableView.class);
            OpportunitySummary row = row(id);
            table.getSelectionModel().select(row);
            table.scrollTo(Math.max(0, table.getItems().indexOf(row) - 3));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
