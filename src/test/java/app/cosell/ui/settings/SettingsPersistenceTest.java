package app.cosell.ui.settings;

import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.common.Theme;
import app.cosell.ui.opportunities.OpportunityFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Theme, column layout, sort, window bounds and filters chosen in one launch are there in the next. */
@Tag("ui")
class SettingsPersistenceTest {

    private final FxRobot robot = new FxRobot();
    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        if (console != null) console.close();
    }

    @Test
    void whatTheRepChoseIsRememberedAcrossLaunches() throws Exception {
        Path dataDir = ConsoleHarness.newDataDir("settings");
        console = ConsoleHarness.open(dataDir, 80, Duration.ZERO, null);

        WaitForAsyncUtils.asyncFx(() -> console.stage.requestFocus()).get();
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#themeDark").tryQuery().isPresent());
        robot.clickOn("#themeDark");
        robot.clickOn("#settingsSave");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");

        TableView<OpportunitySummary> table = table();
        WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<OpportunitySummary, ?> customer = column(table, "customer");
            customer.setPrefWidth(260);
            table.getColumns().remove(customer);
            table.getColumns().addFirst(customer); // customer first
            column(table, "spend").setVisible(false);
            customer.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(customer);
            console.stage.setX(40);
            console.stage.setY(30);
            console.window.listModel().filterProperty().set(new OpportunityFilter(Set.of(), Set.of(ReviewStatus.APPROVED), ""));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // The columns share the table's width (constrained resize): the widened column keeps the width it got, wider
        // than its default of 170 (how much wider depends on how many columns share the table).
        double customerWidth = column(table, "customer").getWidth();
        assertThat(customerWidth).isGreaterThan(170);
        console.close();
        console = null;
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        console = ConsoleHarness.open(dataDir, 80, Duration.ZERO, null);
        UiSettings s = console.context.settings().get();
        assertThat(s.theme()).isEqualTo(Theme.DARK);
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        TableView<OpportunitySummary> again = table();
        assertThat(again.getColumns().getFirst().getId()).isEqualTo("customer");
        // Widths are kept as shares of the table's width; a vertical scroll bar that comes or goes moves a few pixels.
        assertThat(column(again, "customer").getWidth()).isCloseTo(customerWidth, org.assertj.core.data.Offset.offset(8.0));
        assertThat(column(again, "spend").isVisible()).isFalse();
        assertThat(again.getSortOrder()).extracting(TableColumn::getId).containsExactly("customer");
        assertThat(again.getSortOrder().getFirst().getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        assertThat(console.stage.getX()).isEqualTo(40);
        assertThat(console.window.listModel().filterProperty().get().reviewStatuses()).containsExactly(ReviewStatus.APPROVED);
        assertThat(console.window.listModel().rows()).allMatch(r -> r.reviewStatus() == ReviewStatus.APPROVED);
    }

    @SuppressWarnings("unchecked")
    private TableView<OpportunitySummary> table() { return robot.lookup("#opportunityTable").queryAs(TableView.class); }

    private static TableColumn<OpportunitySummary, ?> column(TableView<OpportunitySummary> t, String id) {
        return t.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
