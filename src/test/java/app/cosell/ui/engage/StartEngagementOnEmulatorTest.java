package app.cosell.ui.engage;

import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.files.AppJson;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.PollSchedule;
import app.cosell.engagement.TaskHistory;
import app.cosell.model.Catalog;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.ui.progress.TrackedTask;
import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Start engagement form and the live progress view against the embedded emulator over real HTTP, with the real
 * gateway, runner, history and failure advice: start to COMPLETE, each failure family to its advice and a retry,
 * throttling with several tasks at once, a keyboard-only start, the production confirmation, drafts and copying.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartEngagementOnEmulatorTest {

    /** Fixed scenarios of the emulator's seed (Sandbox ids start at O20000001, AWS at O10000001). */
    private static final String SUBMITTABLE = "O20000001";
    private static final String SUBMITTABLE_SECOND = "O20000002";
    private static final String MISSING_WEBSITE = "O20000005";
    private static final String START = "StartEngagementFromOpportunityTask";
    private static final PollSchedule FAST = new PollSchedule(Duration.ofMillis(60), Duration.ofMillis(80),
            Duration.ofMillis(300), Duration.ofMillis(500), 3, Duration.ofSeconds(5));

    private static Connections connections;
    private PartnerCentralEmulator emulator;
    private PartnerCentral sandbox;
    private PartnerCentral production;
    private static final ExecutorService EXECUTOR = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("test-app-", 0).factory());

    private final ObjectMapper json = AppJson.newMapper();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private Path dataDir;
    private volatile EngagementRunner runner;
    private EngagementRunner sandboxRunner;
    private EngagementRunner productionRunner;
    private Stage main;
    private EngageWindows windows;

    @BeforeAll
    static void noAwsProfiles() throws Exception {
        Path none = Files.createTempDirectory("no-aws");
        connections = new Connections(new AwsProfiles(none.resolve("config"), none.resolve("credentials"), null,
                none.resolve("sso")), "test");
    }

    /**
     * A fresh emulator per test: tasks of the previous test may still be running inside it, and a reset while they
     * run is not what a rep ever sees.
     */
    private void startEmulator() throws Exception {
        emulator = PartnerCentralEmulator.builder().opportunities(25).stepDelay(Duration.ofMillis(100))
                .throttling(false).randomCredentials().start();
        sandbox = connections.forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(), Catalog.Sandbox);
        production = connections.forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(), Catalog.AWS);
    }

    @AfterEach
    void stopEmulator() throws Exception {
        FxToolkit.cleanupStages();
        sandbox.close();
        production.close();
        emulator.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        startEmulator();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path base = Path.of(System.getProperty("cosell.dataDir", "target/test-data"));
        Files.createDirectories(base);
        dataDir = Files.createTempDirectory(base, "engage-");
        TaskHistory history = TaskHistory.open(dataDir, json);
        sandboxRunner = new EngagementRunner(sandbox, history, Clock.systemUTC(), FAST);
        productionRunner = new EngagementRunner(production, history, Clock.systemUTC(), FAST);
        runner = sandboxRunner;
        main = stage;
        windows = EngageWindows.create(stage, EXECUTOR, () -> runner, FailureAdviceCatalogue.forLocale(Locale.US), dataDir,
                json, () -> new AwsCliText.Target("us-east-1", emulator.endpoint().toString(), null), "test", opened::add);
        windows.progressWindows().setOnNotified(notifications::add);
        BorderPane root = new BorderPane(new Label("Co-Sell Console"));
        root.setBottom(windows.runningTasksIndicator());
        stage.setScene(new Scene(root, 1000, 700));
        stage.show();
    }

    // --- start -> live progress -> COMPLETE -----------------------------------------------------------------

    @Test
    void startShowsLiveProgressOfEachStepAndEndsWithTheCreatedIds(FxRobot robot) throws Exception {
        emulator.setStepDelay(Duration.ofMillis(400));
        Window form = openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#addTag").write("campaign");
        robot.clickOn("#tagValue1").write("re:Invent 2026");
        robot.clickOn("#addTag").write("owner");
        robot.clickOn("#tagValue2").write("jane.doe@example.com");
        ScreenshotWriter.save(form.getScene().getRoot(), "start-engagement-form");

        robot.clickOn("#start");

        Window progress = progressWindow(robot);
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup(".step-row.running").tryQuery().isPresent()
                && robot.lookup(".step-row.done").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".step-row.running .step-spinner").tryQuery()).isPresent();
        assertThat(robot.lookup("#taskId").queryAs(Label.class).getText()).startsWith("task-");
        ScreenshotWriter.save(progress.getScene().getRoot(), "progress-running");

        waitForStatus(robot, "Complete");
        assertThat(text(robot, "#engagementId")).startsWith("eng-");
        assertThat(text(robot, "#invitationId")).startsWith("engi-");
        assertThat(text(robot, "#snapshotJobId")).isNotBlank().isNotEqualTo("\u2014");
        assertThat(text(robot, "#taskArn")).startsWith("arn:aws:partnercentral:");
        assertThat(robot.lookup(".step-row.done").queryAll()).hasSize(6);
        ScreenshotWriter.save(progress.getScene().getRoot(), "progress-complete");

        robot.clickOn("#copy-engagementId");
        assertThat(clipboard(robot)).isEqualTo(text(robot, "#engagementId"));
        assertThat(sandbox.getOpportunity(SUBMITTABLE).lifeCycle().reviewStatus().wire()).isEqualTo("Submitted");
    }

    @Test
    void aKeyboardOnlyStartReachesCompletion(FxRobot robot) throws Exception {
        Window form = openForm(robot, summary(SUBMITTABLE_SECOND, Catalog.Sandbox));
        robot.targetWindow(form);                                               // where TestFX types (no mouse)

        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);   // "Add tag": focus goes to its key
        robot.write("team");
        robot.type(KeyCode.TAB).write("East");
        robot.type(KeyCode.ENTER);                                              // the default button: Start engagement

        Window progress = progressWindow(robot);
        robot.targetWindow(progress);                                           // Esc goes to the progress window
        waitForStatus(robot, "Complete");
        assertThat(runner.schedule()).isNotNull();
        assertThat(robot.lookup("#engagementId").queryAs(Label.class).getText()).startsWith("eng-");
        robot.interact(progress::requestFocus);    // Monocle may report two windows focused; the keys go to this one
        robot.type(KeyCode.ESCAPE);                                             // Close
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#engagementId").tryQuery()).isEmpty();
    }

    // --- failure families -> advice -> retry -------------------------------------------------------------

    @Test
    void aFailedTaskMarksItsStepAndShowsTheAdviceAndItsActions(FxRobot robot) throws Exception {
        openForm(robot, summary(MISSING_WEBSITE, Catalog.Sandbox));
        robot.clickOn("#start");

        Window progress = progressWindow(robot);
        waitForStatus(robot, "Failed");
        assertThat(text(robot, "#reasonCode")).isEqualTo("OpportunityValidationFailed");
        assertThat(text(robot, "#failureMessage")).isNotBlank();
        assertThat(robot.lookup(".step-row.failed").queryAll()).hasSize(1);
        // The advice names the field from the message and offers to fix it; trying again unchanged cannot help.
        assertThat(robot.lookup(".advice-title").queryAs(Label.class).getText()).isEqualTo("The Customer website needs fixing");
        assertThat(robot.lookup("#fixIt").queryButton().getStyleClass()).contains("accent");
        assertThat(robot.lookup("#openInPartnerCentral").tryQuery()).isPresent();
        assertThat(robot.lookup("#retry").tryQuery()).isEmpty();
        robot.interact(() -> ((Stage) progress).setHeight(1000));
        ScreenshotWriter.save(progress.getScene().getRoot(), "progress-failed");

        robot.clickOn("#adviceCopyDiagnostics");
        assertThat(clipboard(robot)).contains("Opportunity: " + MISSING_WEBSITE, "ReasonCode: OpportunityValidationFailed",
                "Status: FAILED", "TaskId: task-").doesNotContain("cosell-engage-");
    }

    @Test
    void aReasonCodeFailureIsRetriedWithANewTokenAndCompletes(FxRobot robot) throws Exception {
        emulator.faults().failTask(SUBMITTABLE, "InternalError", null, 1);
        openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#start");

        progressWindow(robot);
        waitForStatus(robot, "Failed");
        assertThat(text(robot, "#reasonCode")).isEqualTo("InternalError");
        String firstTask = text(robot, "#taskId");

        robot.clickOn("#retry");

        waitForStatus(robot, "Complete");
        assertThat(text(robot, "#taskId")).isNotEqualTo(firstTask);
        assertThat(windows.runningTasks().tasks().getFirst().latest().attempt()).isEqualTo(2);
    }

    @Test
    void aRefusedStartShowsTheCallFailureAdviceWithoutARetryThatCannotHelp(FxRobot robot) throws Exception {
        emulator.faults().failNext(START, "AccessDeniedException", 1);
        openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#start");

        progressWindow(robot);
        waitForStatus(robot, "Failed");
        assertThat(text(robot, "#reasonCode")).isEqualTo("AccessDeniedException");
        assertThat(robot.lookup(".outcome-heading").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Partner Central did not start the task");
        assertThat(robot.lookup(".advice-title").queryAs(Label.class).getText()).isEqualTo("Access denied");
        assertThat(text(robot, "#taskId")).isEqualTo("\u2014");
        // Permissions do not fix themselves: no retry, the diagnostics for whoever grants them.
        assertThat(robot.lookup("#retry").tryQuery()).isEmpty();
        assertThat(robot.lookup("#adviceCopyDiagnostics").tryQuery()).isPresent();
    }

    @Test
    void aServerErrorThatOutlastsTheRetriesIsShownNotConfirmedAndReSentUntilItIs(FxRobot robot) throws Exception {
        // Every answer a 5xx for now: the start may have reached the service, so it is "not confirmed yet" (never
        // "did not start"), re-sent with its own token by itself, with nothing for the rep to retry.
        emulator.faults().failRandomly(START, "InternalServerException", 1.0);
        openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#start");

        progressWindow(robot);
        waitForStatus(robot, "Not confirmed yet \u2014 re-sending");
        assertThat(robot.lookup("#retry").tryQuery()).as("no Retry while the runner re-sends").isEmpty();

        emulator.faults().clear();

        waitForStatus(robot, "Complete");
        assertThat(sandbox.tasksForOpportunity(SUBMITTABLE)).hasSize(1);
    }

    @Test
    void aValidationRefusalKeepsTheFormOpenWithTheServicesMessage(FxRobot robot) throws Exception {
        emulator.faults().failNext(START, "ValidationException", 1);
        Window form = openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#start");

        FxWait.until(10, TimeUnit.SECONDS, () -> !robot.lookup("#start").queryButton().isDisabled()
                && robot.lookup("#generalError").queryAs(Label.class).isVisible());
        assertThat(form.isShowing()).isTrue();
        assertThat(robot.lookup("#generalError").queryAs(Label.class).getText()).startsWith("Partner Central refused");
        assertThat(windows.runningTasks().tasks()).isEmpty();
        assertThat(notifications).as("the form showed it; nothing to notify").isEmpty();

        emulator.faults().clear();
        robot.clickOn("#start");
        progressWindow(robot);
        waitForStatus(robot, "Complete");
    }

    // --- throttling, several tasks at once, notifications ---------------------------------------------------

    @Test
    void severalTasksRunAtOnceUnderThrottlingAndEachEndIsNotified(FxRobot robot) throws Exception {
        emulator.setThrottling(true);
        emulator.setStepDelay(Duration.ofMillis(800));
        List<String> ids = List.of("O20000001", "O20000002", "O20000003", "O20000004", "O20000019");
        for (String id : ids) {
            // Fired, not clicked: the notifications of tasks already ended may cover the form's buttons.
            openForm(robot, summary(id, Catalog.Sandbox));
            robot.interact(() -> robot.lookup("#start").queryButton().fire());
            progressWindow(robot);
            // Look elsewhere: the progress window goes away while the task runs.
            robot.interact(StartEngagementOnEmulatorTest::hideProgressWindows);
        }
        FxWait.until(5, TimeUnit.SECONDS,
                () -> robot.lookup("#runningTasks").queryAs(MenuButton.class).getText().endsWith("running"));

        FxWait.until(60, TimeUnit.SECONDS, () -> windows.runningTasks().runningCountProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        // Throttled past the runner's patience, a task stops with a transient call failure and the advice to retry:
        // the rep's retry (from its progress window) follows it to the end.
        for (TrackedTask t : List.copyOf(windows.runningTasks().tasks())) {
            if (t.latest().status() == TaskStatus.COMPLETE) continue;
            TaskProgress p = t.latest();
            String why = p.status() + " " + p.reasonCode() + " " + p.failure();
            assertThat(p.failure() != null ? p.failure().kind().isTransient()
                    : List.of("RequestThrottled", "InternalError").contains(p.reasonCode()))
                    .as("%s stopped for a transient reason: %s", t.request().opportunityId(), why).isTrue();
            robot.interact(() -> windows.openProgress(t.latest()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> robot.lookup("#retry").queryButton().fire());
            FxWait.until(60, TimeUnit.SECONDS, () -> !t.isRunning() && t.latest().isEnded());
            robot.interact(StartEngagementOnEmulatorTest::hideProgressWindows);
        }
        FxWait.until(60, TimeUnit.SECONDS, () -> windows.runningTasks().runningCountProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windows.runningTasks().tasks()).hasSize(ids.size())
                .allSatisfy(t -> assertThat(t.latest().status()).isEqualTo(TaskStatus.COMPLETE));
        assertThat(ids).allSatisfy(id -> assertThat(notifications).anySatisfy(n -> assertThat(n).contains(id)));
        assertThat(robot.lookup("#runningTasks").queryAs(MenuButton.class).getText()).isEqualTo("No tasks running");
    }

    /** Hides every progress window (found through the windows themselves: a lookup may hit a detached node). */
    private static void hideProgressWindows() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.getScene() != null && w.getScene().lookup("#copyDiagnostics") != null) w.hide();
        }
    }

    // --- the form: production confirmation, drafts, copying ---------------------------------------------------

    @Test
    void theProductionCatalogAsksForConfirmationNamingOpportunityAndCustomer(FxRobot robot) throws Exception {
        runner = productionRunner;
        OpportunitySummary s = summary("O10000001", Catalog.AWS);
        openForm(robot, s);
        robot.clickOn("#start");

        Node dialog = robot.lookup("#productionConfirmation").query();
        assertThat(robot.from(dialog).lookup(".header-panel .label").queryAs(Label.class).getText())
                .contains("O10000001", s.customerCompanyName());
        robot.clickOn(robot.from(dialog).lookup((Button b) -> "Cancel".equals(b.getText())).queryButton());
        assertThat(windows.runningTasks().tasks()).isEmpty();
        assertThat(notifications).as("the form showed it; nothing to notify").isEmpty();

        emulator.faults().clear();
        robot.clickOn("#start");
        dialog = robot.lookup("#productionConfirmation").query();
        robot.clickOn(robot.from(dialog).lookup((Button b) -> "Start engagement".equals(b.getText())).queryButton());

        progressWindow(robot);
        waitForStatus(robot, "Complete");
    }

    @Test
    void eachTagRuleShowsItsMessageUnderTheFieldAndBlocksStart(FxRobot robot) throws Exception {
        Window form = openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#addTag");
        // A row just added is no error yet (Start is off and says why); once typed in and emptied, it is.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(robot.lookup("#tagKey1").query().getParent()).lookup(".field-error").queryAs(Label.class)
                .getText()).isNullOrEmpty();
        assertThat(robot.lookup("#startBlocked").queryAs(Label.class).getText()).contains("tag 1");
        robot.write("x").type(KeyCode.BACK_SPACE);
        assertError(robot, "#tagKey1", "Enter a key.");
        robot.write("bad;key");
        assertError(robot, "#tagKey1", "The key may hold only letters, digits, spaces and _ . : / = + - @");
        robot.interact(() -> robot.lookup("#tagKey1").queryTextInputControl().setText("k".repeat(129)));
        assertError(robot, "#tagKey1", "The key is longer than 128 characters.");
        robot.interact(() -> robot.lookup("#tagKey1").queryTextInputControl().setText("team"));
        assertNoError(robot, "#tagKey1");

        robot.clickOn("#tagValue1").write("a|b");
        assertError(robot, "#tagValue1", "The value may hold only letters, digits, spaces and _ . : / = + - @");
        robot.interact(() -> robot.lookup("#tagValue1").queryTextInputControl().setText("v".repeat(257)));
        assertError(robot, "#tagValue1", "The value is longer than 256 characters.");
        robot.interact(() -> robot.lookup("#tagValue1").queryTextInputControl().setText(""));
        assertNoError(robot, "#tagValue1");

        robot.clickOn("#addTag").write("team");
        assertError(robot, "#tagKey2", "This key is already used by another tag.");
        robot.clickOn("#tagValue2").write("Paris + Ile-de-France");
        ScreenshotWriter.save(form.getScene().getRoot(), "start-engagement-form-errors");
        robot.clickOn("#tagKey2").eraseText(4).write("region");
        assertNoError(robot, "#tagKey2");
        assertThat(robot.lookup("#start").queryButton().isDisabled()).isFalse();

        // At most 200 tags: "Add tag" is disabled at the limit.
        robot.interact(() -> { for (int i = 3; i <= 200; i++) robot.lookup("#addTag").queryButton().fire(); });
        assertThat(robot.lookup("#addTag").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#tagCount").queryAs(Label.class).getText()).isEqualTo("200 of 200");
        assertThat(robot.lookup("#start").queryButton().isDisabled()).as("198 empty keys").isTrue();
    }

    private static void assertError(FxRobot robot, String field, String message) {
        WaitForAsyncUtils.waitForFxEvents();
        Node box = robot.lookup(field).query().getParent();
        assertThat(robot.from(box).lookup(".field-error").queryAs(Label.class))
                .satisfies(l -> assertThat(l.isVisible()).isTrue())
                .extracting(Label::getText).isEqualTo(message);
        assertThat(robot.lookup("#start").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#copyCli").queryButton().isDisabled()).isTrue();
    }

    private static void assertNoError(FxRobot robot, String field) {
        WaitForAsyncUtils.waitForFxEvents();
        Node box = robot.lookup(field).query().getParent();
        // The error's line stays reserved (no jumping): no error is an empty line.
        assertThat(robot.from(box).lookup(".field-error").queryAs(Label.class).getText()).isNullOrEmpty();
    }

    @Test
    void aHalfFilledFormSurvivesClosingTheDialog(FxRobot robot) throws Exception {
        openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#visibilityLimited");
        robot.clickOn("#addTag").write("half");
        robot.clickOn("#cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tagKey1").tryQuery()).isEmpty();

        openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));

        assertThat(robot.lookup("#tagKey1").queryTextInputControl().getText()).isEqualTo("half");
        assertThat(robot.lookup("#visibilityLimited").queryAs(RadioButton.class).isSelected()).isTrue();
        FxWait.until(5, TimeUnit.SECONDS, () -> Files.exists(dataDir.resolve(FormDrafts.FILE_NAME)));
    }

    @Test
    void copyAsCliAndJsonPutTheExactRequestOnTheClipboard(FxRobot robot) throws Exception {
        openForm(robot, summary(SUBMITTABLE, Catalog.Sandbox));
        robot.clickOn("#visibilityOnly");
        robot.clickOn("#addTag").write("cost center");
        robot.clickOn("#tagValue1").write("Sales East");

        robot.clickOn("#copyCli");
        assertThat(clipboard(robot)).startsWith("aws partnercentral-selling start-engagement-from-opportunity-task")
                .contains("--catalog Sandbox", "--identifier " + SUBMITTABLE, "--client-token cosell-engage-",
                        "--aws-submission 'InvolvementType=\"For Visibility Only\",Visibility=Full'",
                        "--tags 'Key=\"cost center\",Value=\"Sales East\"'", "--region us-east-1",
                        "--endpoint-url " + emulator.endpoint());

        robot.clickOn("#copyJson");
        var doc = json.readTree(clipboard(robot));
        assertThat(doc.get("Identifier").asText()).isEqualTo(SUBMITTABLE);
        assertThat(doc.at("/AwsSubmission/InvolvementType").asText()).isEqualTo("For Visibility Only");
        assertThat(doc.at("/Tags/0/Key").asText()).isEqualTo("cost center");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private OpportunitySummary summary(String id, Catalog catalog) {
        Opportunity o = (catalog == Catalog.AWS ? production : sandbox).getOpportunity(id);
        return new OpportunitySummary(id, o.arn(), catalog, null, o.customer().companyName(), null, o.project().title(),
                null, null, null, null, null, null, null, null, null, null);
    }

    private Window openForm(FxRobot robot, OpportunitySummary s) {
        robot.interact(() -> windows.openStartEngagement(s));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#start").query().getScene().getWindow();
    }

    private static Window progressWindow(FxRobot robot) throws Exception {
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#step-GET_OPPORTUNITY").query().getScene().getWindow();
    }

    private static void waitForStatus(FxRobot robot, String status) throws Exception {
        try {
            FxWait.until(20, TimeUnit.SECONDS, () -> status(robot).equals(status));
        } catch (TimeoutException e) {
            throw new AssertionError("Status " + status(robot) + " instead of " + status + "; reason "
                    + robot.lookup("#reasonCode").tryQueryAs(Label.class).map(Label::getText).orElse("-") + ": "
                    + robot.lookup("#failureMessage").tryQueryAs(Label.class).map(Label::getText).orElse("-"), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String status(FxRobot robot) {
        return robot.lookup(".status-badge").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String clipboard(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

}
