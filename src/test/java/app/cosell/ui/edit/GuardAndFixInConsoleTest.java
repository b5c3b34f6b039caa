package app.cosell.ui.edit;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.EditableField;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.TaskStatus;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guard and fix in the real console (AppContext wiring, embedded emulator over real HTTP): a blocked opportunity
 * cannot be started from the list, the detail pane, the form or Enter; a running task is brought forward instead of
 * started again; a missing website is fixed in the app and the start then completes; a concurrent edit is merged.
 */
@Tag("ui")
class GuardAndFixInConsoleTest {

    private static ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openConsole() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("guard-console"), 30, Duration.ofMillis(100), null);
    }

    @AfterEach
    void closeOtherWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != console.stage).toList()
                .forEach(Window::hide)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        console.close();
    }

    @Test
    void aBlockedOpportunityCannotBeStartedFromTheListTheDetailPaneTheFormOrEnter() throws Exception {
        String submitted = SeededScenario.ALREADY_SUBMITTED.id("Sandbox");
        select(submitted);
        FxWait.until(15, TimeUnit.SECONDS, () -> console.window.detailModel().verdictProperty().get() != null);

        assertThat(button("#startEngagementButton").isDisabled()).as("the list's Start").isTrue();
        assertThat(button("#detailStartButton").isDisabled()).as("the detail pane's Start").isTrue();
        assertThat(robot.lookup("#detailStartBlocked").queryAs(Label.class).getText()).contains("Submitted");

        focusTable();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);                       // Enter on the row: the form…
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#blockedReasons").tryQuery().isPresent());
        assertThat(robot.lookup("#blockedReasons").query().lookupAll(".server-error")).extracting(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains("Submitted"));                     // …opens on the reason
        assertThat(robot.lookup("#start").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#addTag").tryQuery()).as("the fields are not shown").isEmpty();
        app.cosell.ui.engage.ScreenshotWriter.save(robot.lookup("#blockedReasons").query().getScene().getRoot(),
                "start-engagement-blocked");
        robot.interact(() -> robot.lookup("#start").queryButton().fire());   // even forced: nothing is sent
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.context.partnerCentral().tasksForOpportunity(submitted)).isEmpty();
        assertThat(console.context.history().forOpportunity(submitted)).isEmpty();
    }

    @Test
    void startingAnOpportunityWhoseTaskRunsBringsItsProgressForward() throws Exception {
        String id = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox");
        select(id);
        FxWait.until(15, TimeUnit.SECONDS, () -> console.window.detailModel().verdictProperty().get() != null);
        focusTable();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#start").tryQuery().filter(n -> !n.isDisabled()).isPresent());
        OpportunitySummary row = selected();
        // Start, close the form, and in the same turn of the FX thread ask to start it again: the task of ours is
        // running by then (no race with the steps), so its progress comes forward and no new form opens.
        boolean[] formAgain = new boolean[1];
        robot.interact(() -> {
            Button start = robot.lookup("#start").queryButton();
            start.fire();
            start.getScene().getWindow().hide();
            console.window.engage().openStartEngagement(row);
            formAgain[0] = Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                    && w.getScene().lookup("#addTag") != null);
        });
        assertThat(formAgain[0]).as("a second form").isFalse();
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isPresent());
        assertThat(robot.lookup("#addTag").tryQuery()).as("no second form").isEmpty();
        FxWait.until(30, TimeUnit.SECONDS, () -> robot.lookup(".status-badge").queryAs(Label.class).getText().equals("Complete"));
        assertThat(console.context.partnerCentral().tasksForOpportunity(id)).as("one task on the service").hasSize(1);
        assertThat(console.context.history().forOpportunity(id)).hasSize(1);
    }

    @Test
    void aMissingWebsiteIsFixedInTheAppAndTheStartThenCompletes() throws Exception {
        String id = SeededScenario.MISSING_WEBSITE.id("Sandbox");
        select(id);
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#fixIt-WEBSITE").tryQuery().isPresent());
        assertThat(button("#detailStartButton").isDisabled()).isTrue();

        robot.clickOn("#fixIt-WEBSITE");                                       // Fix it
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#edit-WEBSITE").tryQuery()
                .filter(n -> n.isFocused() && !n.isDisabled()).isPresent());
        robot.targetWindow(robot.lookup("#edit-WEBSITE").query().getScene().getWindow());
        robot.write("https://www.example.com");
        app.cosell.ui.engage.ScreenshotWriter.save(robot.lookup("#edit-WEBSITE").query().getScene().getRoot(),
                "opportunity-editor");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);                       // Save (the default button)
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#editStart").tryQuery().filter(n -> n.isVisible() && !n.isDisabled()).isPresent());
        assertThat(robot.lookup("#editStatus").queryAs(Label.class).getText()).contains("ready");
        // Half a 1920 px screen: heading, status and buttons all inside the editor; the fields scroll.
        Stage editor = (Stage) robot.lookup("#editStart").query().getScene().getWindow();
        FxWait.resize(editor, 960, 640);
        WaitForAsyncUtils.asyncFx(() -> app.cosell.ui.ControlsInWindow.assertInside(editor.getScene())).get(5, TimeUnit.SECONDS);
        assertThat(console.context.partnerCentral().getOpportunity(id).customer().websiteUrl())
                .isEqualTo("https://www.example.com");
        FxWait.until(15, TimeUnit.SECONDS, () -> !console.window.detailModel().startBlockedProperty().get()
                && console.window.detailModel().findings().stream().noneMatch(f -> f.blocking()));

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);                       // Start engagement (one keystroke)
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#start").tryQuery().filter(n -> !n.isDisabled()).isPresent());
        robot.clickOn("#start");
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isPresent());
        FxWait.until(30, TimeUnit.SECONDS, () -> robot.lookup(".status-badge").queryAs(Label.class).getText().equals("Complete"));
        assertThat(console.context.history().forOpportunity(id)).first()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.COMPLETE));
    }

    @Test
    void anEditMadeElsewhereMeanwhileIsDetectedAndMergedWithoutLosingEitherSide() throws Exception {
        String id = SeededScenario.MISSING_ADDRESS.id("Sandbox");
        robot.interact(() -> console.window.engage().editor().open(id, app.cosell.model.EditScope.focus(EditableField.POSTAL_CODE)));
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#edit-POSTAL_CODE").tryQuery()
                .filter(n -> n.isFocused() && !n.isDisabled()).isPresent());

        // A colleague renames the project on the service while the rep types.
        Opportunity theirs = console.context.partnerCentral().getOpportunity(id);
        Opportunity.Project p = theirs.project();
        console.context.partnerCentral().updateOpportunity(new OpportunityUpdate(new Opportunity(theirs.id(), theirs.arn(),
                theirs.catalog(), theirs.partnerOpportunityIdentifier(), theirs.customer(),
                new Opportunity.Project("Renamed by a colleague", p.customerBusinessProblem(), p.customerUseCase(),
                        p.deliveryModels(), p.expectedCustomerSpend(), p.otherSolutionDescription()),
                theirs.lifeCycle(), theirs.opportunityType(), theirs.origin(), theirs.nationalSecurity(),
                theirs.marketingSource(), theirs.primaryNeedsFromAws(), theirs.relatedSolutionIds(), theirs.createdDate(),
                theirs.lastModifiedDate(), theirs.marketing()), Set.of(EditableField.TITLE)));

        robot.interact(() -> {
            robot.lookup("#edit-POSTAL_CODE").queryAs(TextField.class).setText("10001");
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> state =
                    robot.lookup("#edit-STATE").queryAs(javafx.scene.control.ComboBox.class);
            state.setValue("New York");
        });
        robot.interact(() -> robot.lookup("#editSave").queryButton().fire());
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#editChanges").query().lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().contains("Renamed by a colleague")));
        assertThat(robot.lookup("#edit-TITLE").queryAs(TextField.class).getText()).isEqualTo("Renamed by a colleague");
        assertThat(robot.lookup("#edit-POSTAL_CODE").queryAs(TextField.class).getText()).isEqualTo("10001");
        app.cosell.ui.engage.ScreenshotWriter.save(robot.lookup("#editChanges").query().getScene().getRoot(),
                "opportunity-editor-merged");

        robot.interact(() -> robot.lookup("#editSave").queryButton().fire()); // re-apply
        FxWait.until(15, TimeUnit.SECONDS, () -> robot.lookup("#editStart").tryQuery().filter(n -> n.isVisible() && !n.isDisabled()).isPresent());
        Opportunity merged = console.context.partnerCentral().getOpportunity(id);
        assertThat(merged.project().title()).isEqualTo("Renamed by a colleague");
        assertThat(merged.customer().postalCode()).isEqualTo("10001");
        assertThat(merged.customer().stateOrRegion()).isEqualTo("New York");
    }

    private Button button(String query) { return robot.lookup(query).queryButton(); }

    @SuppressWarnings("unchecked")
    private TableView<OpportunitySummary> table() { return robot.lookup("#opportunityTable").queryAs(TableView.class); }

    private OpportunitySummary selected() { return table().getSelectionModel().getSelectedItem(); }

    private void focusTable() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            console.stage.toFront();
            table().requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow(console.stage);
    }

    private void select(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<OpportunitySummary> table = table();
            OpportunitySummary row = table.getItems().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            console.stage.toFront();
            table.requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unused")
    private static List<Window> windows() { return List.copyOf(Window.getWindows()); }
}
