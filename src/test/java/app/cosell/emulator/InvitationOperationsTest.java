package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
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
    private static PartnerCentralEmulator emulator;
    private static PartnerCentralSellingClient client;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = PartnerCentralEmulator.builder().admin(true).opportunities(30).stepDelay(Duration.ZERO).throttling(false).start();
        client = EmulatorClients.client(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void freshData() {
        emulator.reset();
        emulator.setStepDelay(Duration.ZERO);
    }

    @AfterEach
    void noObserver() {
        emulator.setStepObserver(null);
    }

    private static List<EngagementInvitationSummary> received(InvitationStatus... statuses) {
        return client.listEngagementInvitations(r -> {
            r.catalog(SANDBOX).participantType(ParticipantType.RECEIVER).maxResults(100);
            if (statuses.length > 0) r.status(statuses);
        }).engagementInvitationSummaries();
    }

    private static String titled(String title) {
        return received().stream().filter(i -> i.engagementTitle().equals(title)).findFirst().orElseThrow().id();
    }

    private static ListEngagementByAcceptingInvitationTaskSummary awaitEnd(String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var t = client.listEngagementByAcceptingInvitationTasks(r -> r.catalog(SANDBOX).taskIdentifier(taskId))
                    .taskSummaries().getFirst();
            if (t.taskStatus() != TaskStatus.IN_PROGRESS) return t;
            Thread.sleep(20);
        }
        throw new AssertionError("task " + taskId + " did not end");
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
        GetEngagementInvitationResponse g = client.getEngagementInvitation(r -> r.catalog(SANDBOX)
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
        emulator.setStepObserver((taskId, step) -> {
            if (step == TaskStep.CREATE_RESOURCE_SNAPSHOT) { // the third step: CreateOpportunity
                atCreateOpportunity.countDown();
                go.await();
            }
        });
        StartEngagementByAcceptingInvitationTaskResponse start = client.startEngagementByAcceptingInvitationTask(
                r -> r.catalog(SANDBOX).identifier(id).clientToken("accept-1"));
        assertThat(start.taskId()).matches("task-[0-9a-z]{13}");
        assertThat(start.taskArn()).endsWith("/engagement-by-accepting-invitation-task/" + start.taskId());
        assertThat(atCreateOpportunity.await(10, TimeUnit.SECONDS)).isTrue();
        // Mid-task: the invitation is accepted already, the opportunity not yet there.
        assertThat(client.getEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id)).status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(client.startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX).identifier(id)
                .clientToken("accept-1")).taskId()).as("same token, same task").isEqualTo(start.taskId());
        go.countDown();

        var done = awaitEnd(start.taskId());
        assertThat(done.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.engagementInvitationId()).isEqualTo(id);
        assertThat(done.resourceSnapshotJobId()).matches("job-[0-9a-z]{13}");
        var opportunity = client.getOpportunity(r -> r.catalog(SANDBOX).identifier(done.opportunityId()));
        assertThat(opportunity.customer().account().companyName()).isEqualTo("Kitakaze Precision Industries");
        assertThat(opportunity.customer().contacts()).singleElement()
                .satisfies(c -> assertThat(c.lastName()).isEqualTo("Sato"));
        assertThat(opportunity.lifeCycle().reviewStatusAsString()).isEqualTo("Approved");
        assertThat(client.getAwsOpportunitySummary(r -> r.catalog(SANDBOX)
                .relatedOpportunityIdentifier(done.opportunityId())).originAsString()).isEqualTo("AWS Referral");
        assertThat(client.listEngagementByAcceptingInvitationTasks(r -> r.catalog(SANDBOX)
                .engagementInvitationIdentifier(id)).taskSummaries()).hasSize(1);
        assertThatThrownBy(() -> client.startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX)
                .identifier(id).clientToken("accept-2"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already ACCEPTED");
    }

    @Test
    void aReferralWhoseTargetDatePassedFailsAtCreateOpportunityWithAReasonCode() throws Exception {
        String id = titled("Generative AI assistant pilot");
        var start = client.startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX).identifier(id)
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
        assertThatThrownBy(() -> client.startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX)
                .identifier(id).clientToken("late"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.reasonAsString()).isEqualTo("BUSINESS_VALIDATION_FAILED"));
        assertThatThrownBy(() -> client.rejectEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.startEngagementByAcceptingInvitationTask(r -> r.catalog(SANDBOX)
                .identifier("engi-0000000000000").clientToken("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void rejectingRecordsTheReason() {
        String id = titled("Contact center on Amazon Connect");
        client.rejectEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id).rejectionReason("No capacity"));
        var g = client.getEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id));
        assertThat(g.status()).isEqualTo(InvitationStatus.REJECTED);
        assertThat(g.rejectionReason()).isEqualTo("No capacity");
        assertThatThrownBy(() -> client.rejectEngagementInvitation(r -> r.catalog(SANDBOX).identifier(id)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theAdminEndpointMakesANewInvitationArrive() throws Exception {
        int before = received(InvitationStatus.PENDING).size();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.endpoint() + "/_emulator/invitations"))
                .header("Content-Type", "application/json")
                .header(PartnerCentralEmulator.ADMIN_TOKEN_HEADER, emulator.adminToken()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"catalog\":\"Sandbox\",\"title\":\"Edge AI pilot\",\"companyName\":\"Harbor Foods Co.\","
                        + "\"expiresInHours\":30}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(received(InvitationStatus.PENDING)).hasSize(before + 1).first().satisfies(i -> {
            assertThat(i.engagementTitle()).isEqualTo("Edge AI pilot");
            assertThat(i.expirationDate()).isBetween(Instant.now().plus(Duration.ofHours(29)),
                    Instant.now().plus(Duration.ofHours(31)));
        });
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.endpoint() + "/_emulator/invitations"))
                .header("Content-Type", "application/json")
                .header(PartnerCentralEmulator.ADMIN_TOKEN_HEADER, emulator.adminToken()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"expiresInHours\":9999}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }
}
