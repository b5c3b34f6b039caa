package app.cosell.ui.engage;

import app.cosell.engagement.StepInference;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.Tag;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskStatus;
import app.cosell.testing.ReviewGate;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.opportunities.OpportunityFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The engagement screens inside the real console (its own wiring, the embedded emulator), driven by keys only. */
@org.junit.jupiter.api.Tag("ui")
class EngageInConsoleTest {

    private static ConsoleHarness console;
    /** The opportunity whose submission a test reads as Submitted. */
    private static final String SUBMITTED_IN_A_TEST = "O20000002";
    /**
     * Holds the emulator's review of {@link #SUBMITTED_IN_A_TEST} at Submitted until that test has seen it: the review
     * waits a minute before In review, but a loaded machine may take longer than that.
     */
    private static final ReviewGate heldAtSubmitted = new ReviewGate();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openConsole() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("engage-console"), 30, Duration.ofMillis(150), null,
                context -> context.withEmulatorReviewHook((catalog, id, stage) -> {
                    if (id.equals(SUBMITTED_IN_A_TEST)) heldAtSubmitted.beforeStage(catalog, id, stage);
                }));
    }

    @AfterEach
    void closeOtherWindows() throws Exception {
        closeProgressWindows();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        heldAtSubmitted.open();
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
                    assertThat(t.request().tags()).extracting(Tag::key).containsExactly("team");
                });

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);                     // Close the progress window
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isEmpty());
        assertThat(robot.lookup("#runningTasks").queryAs(MenuButton.class).getText()).isEqualTo("No tasks running");
    }

    @Test
    void whenATaskEndsItsRowAndTheDetailPaneShowTheNewReviewStatusWithoutReloadingTheList() throws Exception {
        String id = SUBMITTED_IN_A_TEST; // COMPLETE: the emulator submits it (ReviewStatus Submitted)
        select(id);
        FxWait.until(10, TimeUnit.SECONDS, () -> detailOf(id) != null);
        assertThat(row(id).reviewStatus()).isNotEqualTo(ReviewStatus.SUBMITTED);
        Instant modifiedBefore = row(id).lastModifiedDate();
        List<Boolean> reloads = new CopyOnWriteArrayList<>();
        robot.interact(() -> console.window.listModel().loadingProperty().addListener((o, a, b) -> reloads.add(b)));

        startFromTheSelectedRow();
        FxWait.until(30, TimeUnit.SECONDS, () -> robot.lookup(".status-badge").queryAs(Label.class).getText().equals("Complete"));

        FxWait.until(15, TimeUnit.SECONDS, () -> row(id).reviewStatus() == ReviewStatus.SUBMITTED);
        assertThat(row(id).lastModifiedDate()).isAfter(modifiedBefore);
        FxWait.until(10, TimeUnit.SECONDS, () -> {
            Opportunity shown = detailOf(id);
            return shown != null && shown.lifeCycle().reviewStatus() == ReviewStatus.SUBMITTED;
        });
        assertThat(selected().id()).as("the refreshed row stays selected").isEqualTo(id);
        assertThat(table().getItems().stream().filter(s -> s.id().equals(id)).count()).isEqualTo(1);
        assertThat(reloads).as("the list was not reloaded").isEmpty();
        heldAtSubmitted.open(); // seen: the review may go on
        closeProgressWindows();
    }

    @Test
    void openTheOpportunityFromAFailedTaskClearsTheSearchHidingItAndSelectsIt() throws Exception {
        // A task that failed because of the opportunity's state (OpportunityConflict): its advice offers "Open the
        // opportunity". The guard no longer lets such a start be sent, so the failed task comes from the history view.
        String id = "O20000006";
        Instant now = Instant.now();
        TaskProgress failed = StepInference.apply(
                TaskProgress.requested("local-1", new StartEngagementRequest(
                        Catalog.Sandbox, id, InvolvementType.CO_SELL,
                        Visibility.FULL, List.of()), "token-1", 1, now),
                new TaskAnswer("task-abcdefghijklm", null, now, TaskStatus.FAILED, "FAILED", id, null,
                        null, null, "OpportunityConflict", "The opportunity cannot be submitted in its state."),
                null, now);
        robot.interact(() -> console.window.engage().openProgress(failed));
        FxWait.until(30, TimeUnit.SECONDS, () -> robot.lookup(".status-badge").queryAs(Label.class).getText().equals("Failed"));
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#openOpportunity").tryQuery().isPresent());
        // Meanwhile the rep searched for something else and selected another row.
        robot.interact(() -> {
            searchField().setText("O20000001");
            console.window.listModel().searchProperty().set("O20000001");
        });
        select("O20000001");
        FxWait.until(5, TimeUnit.SECONDS, () -> table().getItems().size() == 1);

        robot.interact(() -> {
            Stage progress = (Stage) robot.lookup("#openOpportunity").queryButton().getScene().getWindow();
            progress.toFront();
            progress.requestFocus();
        });
        robot.clickOn("#openOpportunity");

        FxWait.until(10, TimeUnit.SECONDS, () -> selected() != null && selected().id().equals(id));
        assertThat(searchField().getText()).isEmpty();
        assertThat(table().getItems()).hasSize(30);
        assertThat(statusText()).startsWith("Search cleared to show " + id);
        FxWait.until(10, TimeUnit.SECONDS, () -> detailOf(id) != null);
        FxWait.until(5, TimeUnit.SECONDS, () -> console.stage.isFocused());
        closeProgressWindows();
    }

    @Test
    void openingAnOpportunityTheFiltersExcludeClearsThemAndFetchesIt() throws Exception {
        String id = "O20000007";
        robot.interact(() -> console.window.listModel().filterProperty()
                .set(new OpportunityFilter(Set.of(), Set.of(), "Nobody Inc")));
        FxWait.until(20, TimeUnit.SECONDS, () -> console.window.listModel().completeProperty().get()
                && console.window.listModel().rows().isEmpty());

        robot.interact(() -> console.window.openOpportunity(id));

        FxWait.until(20, TimeUnit.SECONDS, () -> selected() != null && selected().id().equals(id));
        assertThat(console.window.listModel().filterProperty().get().isAny()).isTrue();
        assertThat(statusText()).startsWith("Filters cleared to show " + id);
        FxWait.until(10, TimeUnit.SECONDS, () -> detailOf(id) != null);
        console.waitForFullList();
        assertThat(console.window.listModel().rows()).hasSize(30);
        assertThat(console.window.listModel().rows().stream().filter(s -> s.id().equals(id)).count()).isEqualTo(1);
    }

    private void startFromTheSelectedRow() throws Exception {
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);                       // Enter on the row: the form
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#start").tryQuery().filter(n -> !n.isDisabled()).isPresent());
        robot.clickOn("#start");
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isPresent());
    }

    private static void closeProgressWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != console.stage).toList()
                .forEach(Window::hide)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private OpportunitySummary row(String id) {
        return console.window.listModel().rows().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private OpportunitySummary selected() { return table().getSelectionModel().getSelectedItem(); }

    private Opportunity detailOf(String id) {
        Opportunity o = console.window.detailModel().opportunityProperty().get();
        return o != null && o.id().equals(id) ? o : null;
    }

    private String statusText() { return robot.lookup("#statusBar").queryAs(StatusBar.class).getText(); }

    private TextField searchField() {
        return robot.lookup("#searchField").queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<OpportunitySummary> table() { return robot.lookup("#opportunityTable").queryAs(TableView.class); }

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
