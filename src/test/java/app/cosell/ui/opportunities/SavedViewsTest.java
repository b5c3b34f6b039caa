package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Stage;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Saved views in the real console: saved from the Views menu, applied from it, kept in the store across launches. */
@Tag("ui")
class SavedViewsTest {

    final FxRobot robot = new FxRobot();

    @Test
    void aSavedViewRestoresItsFilterAndSearchAndOutlivesTheLaunch() throws Exception {
        Path dataDir = ConsoleHarness.newDataDir("saved-views");
        OpportunityFilter committed = new OpportunityFilter(Set.of(Stage.COMMITTED), Set.of(), "");
        try (ConsoleHarness console = ConsoleHarness.open(dataDir, 60, Duration.ZERO, null)) {
            OpportunityListModel list = console.window.listModel();
            WaitForAsyncUtils.asyncFx(() -> {
                list.filterProperty().set(committed);
                list.searchProperty().set("O2");
            }).get();

            robot.clickOn("#viewsButton").clickOn("#saveViewItem");
            FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#saveViewDialog").tryQuery().isPresent());
            javafx.scene.control.DialogPane pane = robot.lookup("#saveViewDialog").queryAs(javafx.scene.control.DialogPane.class);
            robot.clickOn(robot.from(pane).lookup(".text-field").queryAs(javafx.scene.control.TextField.class))
                    .write("Committed deals");
            robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
            FxWait.until(10, TimeUnit.SECONDS, () -> list.savedViews().views().size() == 1);

            WaitForAsyncUtils.asyncFx(() -> {
                list.filterProperty().set(OpportunityFilter.ANY);
                list.searchProperty().set("");
            }).get();
            robot.clickOn("#viewsButton").clickOn("Committed deals");
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(list.filterProperty().get()).isEqualTo(committed);
            assertThat(list.searchProperty().get()).isEqualTo("O2");
        }
        try (ConsoleHarness again = ConsoleHarness.open(dataDir, 60, Duration.ZERO, null)) {
            FxWait.until(10, TimeUnit.SECONDS, () -> again.window.listModel().savedViews().views().size() == 1);
            SavedView view = again.window.listModel().savedViews().views().getFirst();
            assertThat(view.name()).isEqualTo("Committed deals");
            assertThat(view.filter()).isEqualTo(committed);
            assertThat(view.columns()).isNotEmpty();
        }
    }
}
