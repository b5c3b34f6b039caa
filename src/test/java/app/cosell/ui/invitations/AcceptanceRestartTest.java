package app.cosell.ui.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.AppContext;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.FxWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The app quits while an AWS referral is being accepted; the next launch follows that same acceptance task to its
 * end — no second task is started for the invitation.
 */
@Tag("ui")
class AcceptanceRestartTest {

    private static ConsoleHarness console;
    private static String invitationId;
    private static String taskId;

    @BeforeAll
    static void acceptThenQuitMidTask() throws Exception {
        Path dataDir = ConsoleHarness.newDataDir("accept-restart");
        AppContext first = ConsoleHarness.context(dataDir, 30, Duration.ofSeconds(2));
        first.connect();
        invitationId = first.partnerCentral().receivedInvitations(List.of(ReceivedInvitation.PENDING)).stream()
                .filter(i -> "SAP on AWS migration".equals(i.title())).findFirst().orElseThrow().id();
        StartEngagementRequest accept = StartEngagementRequest.acceptInvitation(first.partnerCentral().catalog(),
                invitationId, List.of());
        first.executor().execute(() -> {
            try {
                first.runner().start(accept, p -> {});
            } catch (InterruptedException stoppedByClose) {
                Thread.currentThread().interrupt();
            }
        });
        FxWait.until(20, TimeUnit.SECONDS, () -> first.history().all().stream().anyMatch(TaskProgress::isStarted));
        TaskProgress running = first.history().unfinished().getFirst();
        taskId = running.taskId();
        assertThat(running.isEnded()).isFalse();
        first.close(); // the app quits mid-acceptance

        console = ConsoleHarness.open(dataDir, 30, Duration.ofMillis(30), null);
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
    }

    @Test
    void theRelaunchFollowsTheSameAcceptanceToItsEnd() throws Exception {
        FxWait.until(60, TimeUnit.SECONDS, () -> console.context.history().all().stream()
                .anyMatch(t -> TaskKind.of(t) == TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION && t.isComplete()));
        List<TaskProgress> acceptances = console.context.history().all().stream()
                .filter(t -> TaskKind.of(t) == TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION).toList();
        assertThat(acceptances).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo(taskId);
            assertThat(TaskKind.createdOpportunityId(t)).startsWith("O");
        });
        assertThat(console.context.partnerCentral().acceptanceTasksForInvitation(invitationId))
                .as("one task at Partner Central for the invitation").hasSize(1);
        assertThat(console.context.partnerCentral().receivedInvitation(invitationId).status()).isEqualTo("ACCEPTED");
    }
}
