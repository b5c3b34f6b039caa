package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.CallBudget;
import app.cosell.engagement.PacedPartnerCentral;
import app.cosell.model.Catalog;
import app.cosell.store.PipelineStore;
import app.cosell.store.StoreFiles;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The list kept in the pipeline store, in the real console on the embedded emulator: the first launch syncs
 * everything into the store; the next shows the stored rows at once marked "as of" their sync, then syncs only what
 * changed; F5 asks one page of changes, Shift+F5 every page.
 */
@Tag("ui")
class StoredListTest {

    static final int OPPORTUNITIES = 250;
    final FxRobot robot = new FxRobot();

    /** What the status line said and how many rows the table had, at each change of the status line. */
    record Seen(String status, int rows) {}

    @Test
    void aRepeatLaunchShowsTheStoredRowsAsOfTheirSyncThenSyncsOnlyChanges() throws Exception {
        Path dataDir = ConsoleHarness.newDataDir("stored-list");
        try (ConsoleHarness first = ConsoleHarness.open(dataDir, OPPORTUNITIES, Duration.ZERO, null)) {
            assertThat(first.window.listModel().rows()).hasSize(OPPORTUNITIES);
            assertThat(first.window.listModel().asOfProperty().get()).isNull();
        }
        Path file = StoreFiles.pipelineFile(dataDir, "emulator", Catalog.Sandbox);
        try (PipelineStore store = PipelineStore.open(file, app.cosell.files.AppJson.newMapper())) {
            assertThat(store.count()).isEqualTo(OPPORTUNITIES);
        }

        List<Seen> seen = new CopyOnWriteArrayList<>();
        // Followed from the moment the window exists: the stored rows come with its first frame.
        try (ConsoleHarness second = ConsoleHarness.openWithoutWaiting(dataDir, OPPORTUNITIES, Duration.ZERO, null,
                w -> w.listModel().statusProperty().addListener((o, was, now) ->
                        seen.add(new Seen(now, w.listModel().rows().size()))))) {
            OpportunityListModel list = second.window.listModel();
            second.waitForFullList();

            assertThat(seen).as("the stored rows were on screen, marked as of their sync, before the sync ended")
                    .anySatisfy(s -> {
                        assertThat(s.status()).contains("as of");
                        assertThat(s.rows()).isEqualTo(OPPORTUNITIES);
                    });
            FxWait.until(10, TimeUnit.SECONDS, () -> list.asOfProperty().get() == null && list.usageProperty().get() != null);
            assertThat(list.statusProperty().get()).doesNotContain("as of");
            assertThat(list.rows()).hasSize(OPPORTUNITIES);

            // The alerts' first poll (one ListOpportunities of its own, at connect) is over before F5 is counted.
            FxWait.until(10, TimeUnit.SECONDS, () -> second.context.alertsView().model().pollsProperty().get() > 0);
            CallBudget budget = ((PacedPartnerCentral) second.context.partnerCentral()).budget();
            long before = budget.attempts("ListOpportunities");
            WaitForAsyncUtils.asyncFx(() -> second.stage.requestFocus()).get();
            robot.type(KeyCode.F5);
            FxWait.until(20, TimeUnit.SECONDS, () -> budget.attempts("ListOpportunities") > before
                    && list.completeProperty().get());
            assertThat(budget.attempts("ListOpportunities") - before).as("F5: one page of changes").isEqualTo(1);

            long beforeFull = budget.attempts("ListOpportunities");
            robot.press(KeyCode.SHIFT).type(KeyCode.F5).release(KeyCode.SHIFT);
            FxWait.until(20, TimeUnit.SECONDS, () -> budget.attempts("ListOpportunities") >= beforeFull + 3
                    && list.completeProperty().get());
            assertThat(budget.attempts("ListOpportunities") - beforeFull).as("Shift+F5: every page").isEqualTo(3);
            assertThat(list.rows()).hasSize(OPPORTUNITIES);
            assertThat(budget.throttled()).isZero();
        }
    }
}
