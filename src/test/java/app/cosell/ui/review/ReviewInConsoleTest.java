package app.cosell.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.AppContext;
import app.cosell.CosellApp;
import app.cosell.emulator.SeededScenario;
import app.cosell.model.OpportunitySummary;
import app.cosell.testing.ReviewGate;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import app.cosell.ui.main.MainWindow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * AWS's review in the real console on the embedded emulator (no review delay; the emulator's review hook holds each
 * stage at a {@link ReviewGate} until the progress window shows it): a submission's progress window follows the review
 * through its stages to AWS's decision by itself; Action Required offers "Fix in the app" with the fields AWS
 * named and follows the opportunity back into review; a change made on the emulator while the app runs raises a
 * notification within one poll interval.
 */
@Tag("ui")
class ReviewInConsoleTest {

    private static final Duration ALERT_INTERVAL = Duration.ofMillis(1500);
    private static AppContext context;
    private static Stage stage;
    private static MainWindow window;
    private static final List<String> notifications = new CopyOnWriteArrayList<>();
    private static final List<List<String>> fixRequests = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();
    /** Holds the emulator's review before each stage; a fresh one per test (the one before is opened). */
    private static volatile ReviewGate gate = new ReviewGate();

    @BeforeAll
    static void openConsole() throws Exception {
        Path dataDir = ConsoleHarness.newDataDir("review-console");
        // A stage of its own, not the shared primary one: console tests before this one leave their main window's
        // listeners on the primary stage, and resizing it would run them against their closed contexts.
        FxToolkit.registerPrimaryStage(); // starts the toolkit
        stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(10, TimeUnit.SECONDS);
        context = ConsoleHarness.context(dataDir, 30, Duration.ofMillis(60))
                .withEmulatorReviewDelay(Duration.ZERO)
                .withEmulatorReviewHook((catalog, id, stage) -> gate.beforeStage(catalog, id, stage))
                .withReviewFollow(Duration.ofMillis(50)) // the panel backs off while a review stays put (held here)
                .withAlertInterval(ALERT_INTERVAL)
                .withFixRequest((id, editable, focus) -> {
                    fixRequests.add(List.of(id));
                    fixRequests.add(editable);
                    fixRequests.add(focus);
                });
        window = WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1560);
            stage.setHeight(900);
            return CosellApp.open(stage, context, url -> {});
        }).get(20, TimeUnit.SECONDS);
        FxWait.until(90, TimeUnit.SECONDS, () -> window.listModel().completeProperty().get());
        WaitForAsyncUtils.asyncFx(() -> context.alertsView().setOnNotified(notifications::add)).get();
    }

    @AfterEach
    void openTheGate() {
        ReviewGate before = gate;
        gate = new ReviewGate();
        before.open(); // a review a failed test left held goes on
    }

    @AfterEach
    void closeOtherWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(Window::hide)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.hide();
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        }).get(10, TimeUnit.SECONDS);
        context.close();
    }

    @Test
    void aSubmissionEndsWithTheReviewPanelShowingAwsDecisionWithoutTheRepPressingAnything() throws Exception {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox"); // AWS approves it
        select(id);
        startFromTheSelectedRow();
        FxWait.until(30, TimeUnit.SECONDS, () -> progressLabel("#reviewStatus").isPresent());
        followTheReview(id, "Approved by AWS");
        FxWait.until(10, TimeUnit.SECONDS, () -> progressLabel("#reviewSeller").map(Label::getText)
                .filter(t -> !t.equals("No AWS seller assigned yet")).isPresent());
        assertThat(progressLabel("#review-score").map(Label::getText)).get().isIn("High", "Medium", "Low");
        assertThat(progressLabel("#review-awsStage").map(Label::getText)).contains("Seller Engaged");
        assertThat(progressNode("#reviewCopyEmail")).isPresent();
    }

    @Test
    void actionRequiredOffersTheFixOnTheNamedFieldsAndFollowsTheOpportunityBackIntoReview() throws Exception {
        String id = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox"); // Action Required (website, business problem), approved when resubmitted
        select(id);
        startFromTheSelectedRow();
        followTheReview(id, "Action required");
        assertThat(progressLabel("#review-fieldsToFix").map(Label::getText))
                .contains("Customer website, Business problem");
        assertThat(progressLabel("#review-comments").map(Label::getText).orElseThrow())
                .contains("Customer.Account.WebsiteUrl");

        robot.interact(() -> ((Button) progressNode("#reviewFix").orElseThrow()).fire());
        assertThat(fixRequests).containsExactly(List.of(id), app.cosell.engagement.ReviewFeedback
                .EDITABLE_UNDER_ACTION_REQUIRED, List.of("Customer.Account.WebsiteUrl", "Project.CustomerBusinessProblem"));
        // The editor (another screen) saves; the emulator puts the opportunity back into review, as AWS does.
        admin("{\"catalog\":\"Sandbox\",\"opportunityId\":\"" + id + "\",\"decision\":\"Submitted\"}");
        followTheReview(id, "Approved by AWS");
    }

    @Test
    void aChangeOnTheEmulatorWhileTheAppRunsRaisesANotificationWithinOnePollInterval() throws Exception {
        String id = SeededScenario.SUBMITTABLE_COMMITTED.id("Sandbox"); // AWS approves it
        select(id);
        startFromTheSelectedRow();
        followTheReview(id, "Approved by AWS");
        closeOtherWindows();
        // Whatever the watcher noticed of that review has been told; now AWS changes its mind.
        FxWait.until(10, TimeUnit.SECONDS, () -> notifications.stream().anyMatch(n -> n.contains(id)
                && n.contains("Approved by AWS")));
        notifications.clear();
        admin("{\"catalog\":\"Sandbox\",\"opportunityId\":\"" + id + "\",\"decision\":\"Rejected\","
                + "\"text\":\"Customer already works with another partner\"}");
        long waitMillis = ALERT_INTERVAL.toMillis() + 3_000; // one interval, plus the poll itself
        FxWait.until(waitMillis, TimeUnit.MILLISECONDS, () -> notifications.stream()
                .anyMatch(n -> n.contains(id) && n.contains("Rejected by AWS")));
        String badge = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#alertsButton").queryButton().getText()).get();
        assertThat(badge).matches("AWS changes \\(\\d+\\)");
    }

    /**
     * Lets the emulator's review of {@code id} through one stage at a time, each once the progress window shows the
     * stage the review is held at (Submitted, then In review), and waits for the window to show AWS's decision.
     */
    private void followTheReview(String id, String decision) throws Exception {
        ReviewGate.Held held;
        do {
            held = gate.awaitHeld("Sandbox", id);
            String shown = "In review".equals(held.stage()) ? "Submitted to AWS" : "AWS is reviewing";
            FxWait.until(30, TimeUnit.SECONDS, () -> progressLabel("#reviewStatus").map(Label::getText)
                    .filter(shown::equals).isPresent());
            held.release();
        } while ("In review".equals(held.stage()));
        FxWait.until(30, TimeUnit.SECONDS, () -> progressLabel("#reviewStatus").map(Label::getText)
                .filter(decision::equals).isPresent());
    }

    private static void admin(String body) throws Exception {
        URI endpoint = context.emulatorEndpoint().resolve("/_emulator/review");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header(app.cosell.emulator.PartnerCentralEmulator.ADMIN_TOKEN_HEADER, context.emulatorAdminToken())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    /** A node of the (one) open progress window. */
    private Optional<Node> progressNode(String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage)
                    .filter(w -> w.getScene() != null && w.getScene().getRoot().lookup("#step-GET_OPPORTUNITY") != null)
                    .map(w -> w.getScene().getRoot().lookup(query)).filter(n -> n != null && n.isVisible())
                    .findFirst()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Optional<Label> progressLabel(String query) {
        return progressNode(query).filter(Label.class::isInstance).map(Label.class::cast);
    }

    private void startFromTheSelectedRow() throws Exception {
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#start").tryQuery().filter(n -> !n.isDisabled()).isPresent());
        robot.clickOn("#start");
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-GET_OPPORTUNITY").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private void select(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<OpportunitySummary> table = robot.lookup("#opportunityTable").queryAs(TableView.class);
            OpportunitySummary row = table.getItems().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            stage.toFront();
            table.requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
