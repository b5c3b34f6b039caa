package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.engagement.ListReadiness;
import app.cosell.model.OpportunitySummary;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Readiness column and the "Ready to submit" quick filter in the real console on the embedded emulator. */
@Tag("ui")
class ReadinessColumnTest {

    static ConsoleHarness console;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("readiness"), 120, Duration.ZERO, null);
    }

    @AfterAll
    static void close() throws Exception { console.close(); }

    static OpportunityListModel list() { return console.window.listModel(); }

    @SuppressWarnings("unchecked")
    static TableView<OpportunitySummary> table() {
        return (TableView<OpportunitySummary>) new FxRobot().lookup("#opportunityTable").queryAs(TableView.class);
    }

    /** The Readiness cell's text of the row, as the table draws it. */
    static String readinessCell(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            OpportunitySummary row = table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            var column = table().getColumns().stream().filter(c -> "readiness".equals(c.getId())).findFirst().orElseThrow();
            return OpportunityColumns.readinessText((ListReadiness.Verdict) column.getCellData(row));
        }).get();
    }

    static void select(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            OpportunitySummary row = table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            table().getSelectionModel().select(row);
            table().scrollTo(row);
        }).get();
    }

    @Test
    void rowsSayReadyBlockedWithWhyOrNotYetCheckedAndTheQuickFilterKeepsTheReadyOnes() throws Exception {
        String submitted = SeededScenario.ALREADY_SUBMITTED.id("Sandbox");
        String missingWebsite = SeededScenario.MISSING_WEBSITE.id("Sandbox");
        String clean = SeededScenario.SUBMITTABLE.id("Sandbox");

        // A Submitted row is blocked by its review status alone: no record needed.
        assertThat(readinessCell(submitted)).isEqualTo("Blocked: review status is Submitted");

        // Selecting a row fetches its full record (the detail pane): the check runs on it.
        select(missingWebsite);
        FxWait.until(30, TimeUnit.SECONDS, () -> list().readinessOf(row(missingWebsite)).state() != ListReadiness.State.UNKNOWN);
        assertThat(readinessCell(missingWebsite)).isEqualTo("Blocked: The customer website is missing.");
        select(clean);
        FxWait.until(30, TimeUnit.SECONDS, () -> list().readinessOf(row(clean)).isReady());
        assertThat(readinessCell(clean)).isEqualTo("Ready");

        robot.clickOn("#readyFilter");
        try {
            FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#readyFilter").queryAs(ToggleButton.class).isSelected());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table().getItems()).isNotEmpty()
                    .allSatisfy(r -> assertThat(list().readinessOf(r).isReady()).as(r.id()).isTrue())
                    .extracting(OpportunitySummary::id).contains(clean).doesNotContain(missingWebsite, submitted);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> list().readyOnlyProperty().set(false)).get();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().getItems()).hasSize(120);
    }

    /**
     * A verdict that arrives redraws its own row's cell in place: the cell on screen is the same node before and
     * after, showing the new text (a table-wide refresh would rebuild every visible row and cell per verdict, 10 a
     * second while records are checked, and that garbage grew the heap).
     */
    @Test
    void aVerdictRedrawsItsOwnCellInPlace() throws Exception {
        String submitted = SeededScenario.ALREADY_SUBMITTED.id("Sandbox"); // never checked in the background
        select(submitted);
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> before = WaitForAsyncUtils.asyncFx(() -> drawnReadinessCell(submitted)).get();
        assertThat(before.getText()).isEqualTo("Blocked: review status is Submitted");
        ListReadiness.Verdict other = new ListReadiness.Verdict(ListReadiness.State.BLOCKED,
                "readiness.list.notChecked", List.of());
        try {
            WaitForAsyncUtils.asyncFx(() -> list().readiness().put(submitted, other)).get();
            WaitForAsyncUtils.waitForFxEvents();
            TableCell<?, ?> after = WaitForAsyncUtils.asyncFx(() -> drawnReadinessCell(submitted)).get();
            assertThat(after).isSameAs(before);
            assertThat(after.getText()).isEqualTo(OpportunityColumns.readinessText(other));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> list().readiness().remove(submitted)).get();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(before.getText()).isEqualTo("Blocked: review status is Submitted");
    }

    /** The Readiness cell node the table shows for the row. FX thread. */
    static TableCell<?, ?> drawnReadinessCell(String id) {
        return table().lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> "readiness".equals(c.getTableColumn().getId()) && !c.isEmpty() && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof OpportunitySummary r && r.id().equals(id))
                .findFirst().orElseThrow();
    }

    static OpportunitySummary row(String id) {
        return list().rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
