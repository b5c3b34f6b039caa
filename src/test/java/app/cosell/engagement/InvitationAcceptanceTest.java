package app.cosell.engagement;

import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import app.cosell.testing.EmulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Accepting and rejecting AWS referrals through the start policy, the tracker and the guard, against the emulator. */
class InvitationAcceptanceTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().stepDelay(Duration.ofMillis(40)).resetBeforeEach();
    @TempDir Path dataDir;
    TaskHistory history;
    EngagementRunner runner;
    InvitationReplies guard;
    final List<TaskProgress> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void fresh() {
        history = TaskHistory.open(dataDir, AppJson.newMapper());
        runner = new EngagementRunner(pc.partnerCentral(), history, Clock.systemUTC(), FastPolls.SCHEDULE);
        guard = new InvitationReplies(pc.partnerCentral(), history, Clock.systemUTC());
    }

    private static String titled(String title) {
        return pc.partnerCentral().receivedInvitations(List.of()).stream().filter(i -> title.equals(i.title()))
                .findFirst().orElseThrow().id();
    }

    private static List<StepState> states(TaskProgress p) {
        return p.steps().stream().map(StepProgress::state).toList();
    }

    @Test
    void theInboxListsReferralsAndTheDetailCarriesTheOpportunity() {
        List<ReceivedInvitation> pending = pc.partnerCentral().receivedInvitations(List.of(ReceivedInvitation.PENDING));
        assertThat(pending).hasSizeGreaterThanOrEqualTo(6).allMatch(ReceivedInvitation::isPending);
        ReceivedInvitation detail = pc.partnerCentral().receivedInvitation(titled("SAP on AWS migration"));
        assertThat(detail.detailed()).isTrue();
        assertThat(detail.customer().industry()).isEqualTo("Manufacturing");
        assertThat(detail.customer().countryCode()).isEqualTo("JP");
        assertThat(detail.expectedSpend().amount()).isEqualByComparingTo("52000");
        assertThat(detail.receiverResponsibilities()).contains("Software Partner");
        assertThat(detail.senderContacts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("Maya Chen"));
    }

    @Test
    void acceptingFollowsTheSixStepsToTheNewOpportunityAndIsRecorded() throws Exception {
        String id = titled("SAP on AWS migration");
        assertThat(guard.checkAccept(id).verdict()).isEqualTo(InvitationReplies.Verdict.GO);

        TaskProgress done = runner.start(StartEngagementRequest.acceptInvitation(Catalog.Sandbox, id, List.of()), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(states(done)).containsOnly(StepState.DONE);
        String opportunity = TaskKind.createdOpportunityId(done);
        assertThat(opportunity).matches("O[0-9]+");
        assertThat(pc.partnerCentral().getOpportunity(opportunity).customer().companyName())
                .isEqualTo("Kitakaze Precision Industries");
        assertThat(seen.getFirst().taskId()).as("saved before sending").isNull();
        assertThat(seen.getFirst().clientToken()).isNotBlank();
        assertThat(history.all()).singleElement().satisfies(t -> assertThat(t.isComplete()).isTrue());
        assertThat(pc.calls("StartEngagementByAcceptingInvitationTask")).isEqualTo(1);

        InvitationReplies.Decision again = guard.checkAccept(id);
        assertThat(again.refused()).isTrue();
        assertThat(again.reason()).contains(opportunity);
    }

    @Test
    void aFailedAcceptanceNamesTheCreateOpportunityStepAndItsReasonCode() throws Exception {
        String id = titled("Generative AI assistant pilot");

        TaskProgress done = runner.start(StartEngagementRequest.acceptInvitation(Catalog.Sandbox, id, List.of()), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.reasonCode()).isEqualTo("OpportunityValidationFailed");
        assertThat(done.failedStep()).isEqualTo(TaskKind.CREATE_OPPORTUNITY_SLOT);
        assertThat(states(done).subList(0, 2)).containsOnly(StepState.DONE);
        assertThat(pc.partnerCentral().receivedInvitation(id).status()).isEqualTo(ReceivedInvitation.PENDING);
    }

    @Test
    void anAcceptanceCutOffBeforeItsAnswerIsResumedWithItsTokenWithoutASecondTask() throws Exception {
        String id = titled("Data lake for clinical trials");
        // The app sent the start and stopped before the answer arrived: the history holds the token, no task id.
        TaskProgress requested = TaskProgress.requested(UUID.randomUUID().toString(),
                StartEngagementRequest.acceptInvitation(Catalog.Sandbox, id, List.of()), ClientTokens.fresh(), 1,
                Instant.now());
        history.save(requested);
        String sentTaskId = pc.partnerCentral().startAcceptingInvitationTask(id, requested.clientToken(), List.of()).taskId();

        InvitationReplies.Decision d = guard.checkAccept(id);
        assertThat(d.verdict()).isEqualTo(InvitationReplies.Verdict.RESUME);
        TaskProgress done = runner.resume(d.existing(), seen::add);

        assertThat(done.taskId()).isEqualTo(sentTaskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(pc.partnerCentral().acceptanceTasksForInvitation(id)).hasSize(1);
    }

    @Test
    void rejectingRecordsTheReasonAndEndsInTheHistory() throws Exception {
        String id = titled("Contact center on Amazon Connect");
        assertThat(guard.checkReject(id).verdict()).isEqualTo(InvitationReplies.Verdict.GO);

        TaskProgress done = runner.start(StartEngagementRequest.rejectInvitation(Catalog.Sandbox, id,
                "No capacity this quarter"), seen::add);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.step(TaskStep.CREATE_ENGAGEMENT).state()).isEqualTo(StepState.DONE);
        assertThat(done.step(TaskStep.SUBMIT_OPPORTUNITY).state()).isEqualTo(StepState.SKIPPED);
        ReceivedInvitation after = pc.partnerCentral().receivedInvitation(id);
        assertThat(after.status()).isEqualTo(ReceivedInvitation.REJECTED);
        assertThat(after.rejectionReason()).isEqualTo("No capacity this quarter");
        assertThat(history.unfinished()).isEmpty();
        assertThat(TaskHistory.open(dataDir, AppJson.newMapper()).all()).singleElement()
                .satisfies(t -> assertThat(TaskKind.of(t)).isEqualTo(TaskKind.REJECT_INVITATION));
        assertThat(guard.checkReject(id).refused()).isTrue();
    }

    @Test
    void anExpiredInvitationIsRefusedBeforeAnyWrite() {
        String id = pc.partnerCentral().receivedInvitations(List.of(ReceivedInvitation.EXPIRED)).getFirst().id();
        pc.resetCounts();

        InvitationReplies.Decision d = guard.checkAccept(id);

        assertThat(d.refused()).isTrue();
        assertThat(d.reason()).contains("expired");
        assertThat(pc.calls("StartEngagementByAcceptingInvitationTask")).isZero();
    }
}
