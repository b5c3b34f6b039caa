package app.cosell.ui.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.ReceivedInvitation;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The AWS referrals inbox in the real console on the embedded emulator: accept live, reject, a new arrival. */
@Tag("ui")
class InboxInConsoleTest {

    private static ConsoleHarness console;
    private static final List<String> notified = new CopyOnWriteArrayList<>();
    private static final List<TaskProgress> saved = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();

    private static String pollBefore;

    @BeforeAll
    static void openConsole() throws Exception {
        pollBefore = System.getProperty("cosell.invitationPollMillis");
        System.setProperty("cosell.invitationPollMillis", "400");
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("inbox-console"), 30, Duration.ofMillis(300), null);
        WaitForAsyncUtils.asyncFx(() -> console.window.inbox().setOnNotified(notified::add)).get();
        console.context.history().addListener(saved::add);
        FxWait.until(30, TimeUnit.SECONDS, () -> console.window.inbox().model().loadsProperty().get() > 0);
    }

    @AfterAll
    static void closeConsole() throws Exception {
        if (pollBefore == null) System.clearProperty("cosell.invitationPollMillis");
        else System.setProperty("cosell.invitationPollMillis", pollBefore);
        console.close();
    }

    @AfterEach
    void closeOtherWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != console.stage).toList()
                .forEach(Window::hide)).get(5, TimeUnit.SECONDS);
    }

    private InboxModel model() { return console.window.inbox().model(); }

    @SuppressWarnings("unchecked")
    private TableView<ReceivedInvitation> table() { return robot.lookup("#inboxTable").queryAs(TableView.class); }

    private ReceivedInvitation titled(String title) {
        return model().all().stream().filter(i -> title.equals(i.title())).findFirst().orElseThrow();
    }

    private void showInboxAndSelect(String title) throws Exception {
        robot.interact(() -> {
            console.stage.toFront();
            console.window.tabs().getSelectionModel().select(1);
        });
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#inboxTable").tryQuery().isPresent());
        ReceivedInvitation row = titled(title);
        robot.interact(() -> {
            table().getSelectionModel().select(row);
            table().scrollTo(row);
        });
        FxWait.until(5, TimeUnit.SECONDS, () -> title.equals(robot.lookup("#inboxDetailTitle").queryAs(Label.class).getText()));
    }

    /** Presses an enabled button (fired, so a notification popup over it cannot take the click). */
    private void press(String query) throws Exception {
        FxWait.until(5, TimeUnit.SECONDS, () -> !robot.lookup(query).queryButton().isDisabled());
        // Not waited for: the button may open a dialog that waits for an answer (showAndWait) on the FX thread.
        Button button = robot.lookup(query).queryButton();
        javafx.application.Platform.runLater(button::fire);
    }

    /** Presses the button of {@code type} in the dialog whose pane has {@code paneId}. */
    private void pressInDialog(String paneId, String buttonText) throws Exception {
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#" + paneId).tryQuery().isPresent());
        robot.interact(() -> {
            DialogPane pane = robot.lookup("#" + paneId).queryAs(DialogPane.class);
            for (ButtonType t : pane.getButtonTypes()) {
                if (t.getText().equals(buttonText)) ((Button) pane.lookupButton(t)).fire();
            }
        });
    }

    @Test
    void theInboxShowsWhatEachReferralCarriesAndMarksTheUrgentOnes() throws Exception {
        assertThat(model().expiringAtLaunchProperty().get()).as("expiring within 48 h, announced on launch")
                .extracting(ReceivedInvitation::title)
                .contains("Data lake for clinical trials", "Contact center on Amazon Connect");
        assertThat(robot.lookup("#referralsBadge").queryAs(Label.class).getStyleClass()).contains("urgent");
        showInboxAndSelect("SAP on AWS migration");
        assertThat(robot.lookup("#fact-industry").queryAs(Label.class).getText()).isEqualTo("Manufacturing");
        assertThat(robot.lookup("#fact-country").queryAs(Label.class).getText()).isEqualTo("JP");
        assertThat(robot.lookup("#fact-contacts").queryAs(Label.class).getText()).isEqualTo("Shared once you accept");
        assertThat(robot.lookup("#fact-responsibilities").queryAs(Label.class).getText()).contains("Software Partner");
        assertThat(robot.lookup("#fact-senderContact").queryAs(Label.class).getText()).contains("Maya Chen");
        assertThat(model().pendingCountProperty().get()).isGreaterThanOrEqualTo(6);
        assertThat(robot.lookup("#referralsBadge").queryAs(Label.class).getText())
                .isEqualTo(String.valueOf(model().pendingCountProperty().get()));
        robot.interact(() -> table().scrollTo(titled("Data lake for clinical trials")));
        FxWait.until(5, TimeUnit.SECONDS, () -> !robot.lookup("#inboxTable .table-row-cell.urgent").queryAll().isEmpty());

        robot.interact(() -> model().statusFilterProperty().set("EXPIRED"));
        assertThat(table().getItems()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("EXPIRED"));
        robot.interact(() -> model().statusFilterProperty().set(null));
    }

    @Test
    void acceptingFollowsTheTaskLiveAndOpensTheNewOpportunityInTheList() throws Exception {
        showInboxAndSelect("SAP on AWS migration");
        String id = titled("SAP on AWS migration").id();
        press("#inboxAccept");
        pressInDialog("acceptConfirm", "Accept referral");

        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#step-CREATE_RESOURCE_SNAPSHOT").tryQuery().isPresent());
        assertThat(robot.lookup("#step-CREATE_RESOURCE_SNAPSHOT").lookup(".step-name").queryAs(Label.class).getText())
                .isEqualTo("Create the opportunity");
        FxWait.until(30, TimeUnit.SECONDS, () -> robot.lookup(".status-badge").queryAs(Label.class).getText().equals("Complete"));
        TaskProgress done = console.context.history().all().stream()
                .filter(t -> TaskKind.of(t) == TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION && id.equals(t.request().invitationId()))
                .findFirst().orElseThrow();
        String created = TaskKind.createdOpportunityId(done);
        assertThat(created).startsWith("O");
        assertThat(saved).as("followed live: the task was seen running before it ended").anyMatch(t ->
                id.equals(t.request().invitationId()) && t.status() == TaskStatus.IN_PROGRESS);
        assertThat(robot.lookup("#createdOpportunityId").queryAs(Label.class).getText()).isEqualTo(created);

        FxWait.until(15, TimeUnit.SECONDS, () -> console.window.tabs().getSelectionModel().getSelectedIndex() == 0
                && console.window.detailModel().selectedProperty().get() != null
                && created.equals(console.window.detailModel().selectedProperty().get().id()));
        FxWait.until(10, TimeUnit.SECONDS, () -> "ACCEPTED".equals(titled("SAP on AWS migration").status()));
    }

    @Test
    void rejectingAsksForAReasonAndTheInvitationIsRejected() throws Exception {
        showInboxAndSelect("Contact center on Amazon Connect");
        String id = titled("Contact center on Amazon Connect").id();
        press("#inboxReject");
        FxWait.until(10, TimeUnit.SECONDS, () -> robot.lookup("#rejectReason").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> reason = robot.lookup("#rejectReason").queryAs(ComboBox.class);
            reason.getEditor().setText("No delivery capacity in this time frame");
        });
        pressInDialog("rejectDialog", "Reject referral");

        FxWait.until(15, TimeUnit.SECONDS, () -> "REJECTED".equals(titled("Contact center on Amazon Connect").status()));
        assertThat(console.context.history().all()).anySatisfy(t -> {
            assertThat(TaskKind.of(t)).isEqualTo(TaskKind.REJECT_INVITATION);
            assertThat(t.request().invitationId()).isEqualTo(id);
            assertThat(t.isComplete()).isTrue();
        });
        ReceivedInvitation after = console.context.partnerCentral().receivedInvitation(id);
        assertThat(after.rejectionReason()).isEqualTo("No delivery capacity in this time frame");
    }

    @Test
    void aNewInvitationAddedThroughTheAdminEndpointShowsUpWithANotification() throws Exception {
        URI admin = URI.create(console.context.emulatorEndpoint() + "/_emulator/invitations");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(admin)
                .header("Content-Type", "application/json")
                .header(app.cosell.emulator.PartnerCentralEmulator.ADMIN_TOKEN_HEADER, console.context.emulatorAdminToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"catalog\":\"" + console.context.partnerCentral().catalog().wire()
                        + "\",\"title\":\"Edge AI retail pilot\",\"companyName\":\"Harbor Foods Co.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(201);

        FxWait.until(20, TimeUnit.SECONDS, () -> notified.stream().anyMatch(t -> t.contains("Edge AI retail pilot")));
        Optional<ReceivedInvitation> arrived = model().all().stream().filter(i -> "Edge AI retail pilot".equals(i.title())).findFirst();
        assertThat(arrived).isPresent();
        assertThat(arrived.get().isPending()).isTrue();
        Node badge = robot.lookup("#referralsBadge").query();
        assertThat(((Label) badge).getText()).isEqualTo(String.valueOf(model().pendingCountProperty().get()));
    }
}
