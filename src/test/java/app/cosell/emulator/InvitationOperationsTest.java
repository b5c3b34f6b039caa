package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementInvitationSummary;
import software.amazon.awssdk.services.partnercentralselling.model.GetEngagementInvitationResponse;
import software.amazon.awssdk.services.partnercentralselling.model.InvitationStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementByAcceptingInvitationTaskSummary;
import software.amazon.awssdk.services.partnercentralselling.model.ParticipantType;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementByAcceptingInvitationTaskResponse;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;

/** AWS referrals with the Java SDK: the seeded inbox, the payload, accepting as a task, rejecting, expiry, admin. */
class InvitationOperationsTest {

    private static final String SANDBOX = "Sandbox";

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).admin().resetBeforeEach();

    private static List<EngagementInvitationSummary> received(InvitationStatus... statuses) {
        return pc.client().listEngagementInvitations(r -> {
            r.catalog(SANDBOX).participantType(ParticipantType.RECEIVER).maxResults(100);
            if (statuses.length > 0) r.status(statuses);
        }).engagementInvitationSummaries();
    }

    private static String titled(String title) {
        return received().stream().filter(i -> i.engagementTitle().equals(title)).findFirst().orElseThrow().id();
    }

    private static ListEngagementByAcceptingInvitationTaskSummary awaitEnd(String taskId) {
        return TaskAwait.until(() -> pc.client().listEngagementByAcceptingInvitationTasks(r -> r.catalog(SANDBOX)
                        .taskIdentifier(taskId)).taskSummaries().getFirst(),
                t -> t.taskStatus() != TaskStatus.IN_PROGRESS, Duration.ofSeconds(20));
    }

    @Test
    void theInboxHoldsPendingExpiredAcceptedAndRejectedReferralsFromAws() {
        List<EngagementInvitationSummary> all = received();
        assertThat(all).allSatisfy(i -> {
            assertThat(i.senderAwsAccountId()).isEqualTo("aws");
            assertThat(i.participantType()).isEqualTo(ParticipantType.RECEIVER);
            assertThat(i.id()).matches("engi-[0-9a-z]{13}");
        });
        assertThat(received(InvitationStatus.PENDING)).hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(i -> assertThat(i.expirationDate()).isBefore(Instant.now().plus(Duration.ofDays(1))));
        assertThat(received(InvitationStatus.EXPIRED)).hasSize(1);
        assertThat(received(InvitationStatus.ACCEPTED)).hasSize(1);
        assertThat(received(InvitationStatus.REJECTED)).hasSize(1);
        assertThat(all).isSortedAccordingTo((a, b) -> b.invitationDate().compareTo(a.invitationDate()));
    }

    @Test
    void anInvitationShowsItsOpportunityButNoCustomerContactsUntilAccepted() {
        GetEngagementInvitationResponse g = pc.client().getEngagementInvitation(r -> r.catalog(SANDBOX)
                .identifier(titled("SAP on AWS migration")));
        var payload = g.payload().opportunityInvitation();
        assertThat(payload.customer().industryAsString()).isEqualTo("Manufacturing");
        assertThat(payload.customer().countryCodeAsString()).isEqualTo("JP");
        assertThat(payload.project().title()).isEqualTo("SAP on AWS migration");
        assertThat(payload.project().expectedCustomerSpend()).singleElement()
                .satisfies(s -> assertThat(s.amount()).isEqualTo("52000"));
        assertThat(payload.receiverResponsibilitiesAsStrings()).contains("Software Partner");
        assertThat(payload.senderContacts()).singleElement().satisfies(c -> assertThat(c.email()).contains("@"));
        assertThat(payload.customer().toString()).doesNotContain("Contact");
        assertThat(g.rejectionReason()).isNull();
    }

    @Test
    void acceptingRunsATaskThatCreatesTheOpportunityWithItsCustomer() throws Exception {
        String id = titled("SAP on AWS migration");
        CountDownLatch atCreateOpportunity = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        pc.emulator().setStepObserver((taskId, step) -> {
            if (step == TaskStep.CREATE_RESOURCE_SNAPSHOT) { // the third step: CreateOpportunity
                atCreateOpportunity.countDown();
                go.await();
            }
        });
        StartEngagementByAcceptingInvitationTaskResponse start = pc.client().startEngagementByAcceptingInvitationTask(
                r -> r.catalog(SANDBOX).identifier(id).clientToken("accept-1"));
        assertThat(start.taskId()).matches("task-[0-9a-z]{13}");
        assertThat(start.taskArn()).endsWith("/engagement-by-accepting-invitation-task/" + start.taskId());
        assertThat(atCreateOpportunity.await(10, TimeUnit.SECONDS)).isTrue();
        // Mid-task: the invitation is accepted already, the opportunity not yet there.
        assertThat(pc.client().getEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id)).status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(pc.client().startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX).identifier(id)
                .clientToken("accept-1")).taskId()).as("same token, same task").isEqualTo(start.taskId());
        go.countDown();

        var done = awaitEnd(start.taskId());
        assertThat(done.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.engagementInvitationId()).isEqualTo(id);
        assertThat(done.resourceSnapshotJobId()).matches("job-[0-9a-z]{13}");
        var opportunity = pc.client().getOpportunity(r -> r.catalog(SANDBOX).identifier(done.opportunityId()));
        assertThat(opportunity.customer().account().companyName()).isEqualTo("Kitakaze Precision Industries");
        assertThat(opportunity.customer().contacts()).singleElement()
                .satisfies(c -> assertThat(c.lastName()).isEqualTo("Sato"));
        assertThat(opportunity.lifeCycle().reviewStatusAsString()).isEqualTo("Approved");
        assertThat(pc.client().getAwsOpportunitySummary(r -> r.catalog(SANDBOX)
                .relatedOpportunityIdentifier(done.opportunityId())).originAsString()).isEqualTo("AWS Referral");
        assertThat(pc.client().listEngagementByAcceptingInvitationTasks(r -> r.catalog(SANDBOX)
                .engagementInvitationIdentifier(id)).taskSummaries()).hasSize(1);
        assertThatThrownBy(() -> pc.client().startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX)
                .identifier(id).clientToken("accept-2"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already ACCEPTED");
    }

    @Test
    void aReferralWhoseTargetDatePassedFailsAtCreateOpportunityWithAReasonCode() throws Exception {
        String id = titled("Generative AI assistant pilot");
        var start = pc.client().startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX).identifier(id)
                .clientToken("accept-fail"));
        var done = awaitEnd(start.taskId());
        assertThat(done.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.reasonCodeAsString()).isEqualTo("OpportunityValidationFailed");
        assertThat(done.message()).contains("TargetCloseDate");
        assertThat(done.opportunityId()).isNull();
    }

    @Test
    void anExpiredInvitationCannotBeAcceptedNorRejected() {
        String id = received(InvitationStatus.EXPIRED).getFirst().id();
        assertThatThrownBy(() -> pc.client().startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX)
                .identifier(id).clientToken("late"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.reasonAsString()).isEqualTo("BUSINESS_VALIDATION_FAILED"));
        assertThatThrownBy(() -> pc.client().rejectEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pc.client().startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX)
                .identifier("engi-0000000000000").clientToken("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void rejectingRecordsTheReason() {
        String id = titled("Contact center on Amazon Connect");
        pc.client().rejectEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id).rejectionReason("No capacity"));
        var g = pc.client().getEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id));
        assertThat(g.status()).isEqualTo(InvitationStatus.REJECTED);
        assertThat(g.rejectionReason()).isEqualTo("No capacity");
        assertThatThrownBy(() -> pc.client().rejectEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theAdminEndpointMakesANewInvitationArrive() throws Exception {
        int before = received(InvitationStatus.PENDING).size();
        var answer = EmulatorClients.post(pc.endpoint(), "/_emulator/invitations", adminHeaders(),
                "{\"catalog\":\"Sandbox\",\"title\":\"Edge AI pilot\",\"companyName\":\"Harbor Foods Co.\","
                        + "\"expiresInHours\":30}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(received(InvitationStatus.PENDING)).hasSize(before + 1).first().satisfies(i -> {
            assertThat(i.engagementTitle()).isEqualTo("Edge AI pilot");
            assertThat(i.expirationDate()).isBetween(Instant.now().plus(Duration.ofHours(29)),
                    Instant.now().plus(Duration.ofHours(31)));
        });
        var bad = EmulatorClients.post(pc.endpoint(), "/_emulator/invitations", adminHeaders(),
                "{\"expiresInHours\":9999}");
        assertThat(bad.status()).isEqualTo(400);
    }

    private static Map<String, String> adminHeaders() {
        return Map.of(PartnerCentralEmulator.ADMIN_TOKEN_HEADER, pc.emulator().adminToken(),
                "Content-Type", "application/json");
    }
}
