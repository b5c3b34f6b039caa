package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.model.AccessDeniedException;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.CreateEngagementRequest;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementContextDetails;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementContextPayload;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementMember;
import software.amazon.awssdk.services.partnercentralselling.model.InvitationStatus;
import software.amazon.awssdk.services.partnercentralselling.model.LeadContext;
import software.amazon.awssdk.services.partnercentralselling.model.LeadInteraction;
import software.amazon.awssdk.services.partnercentralselling.model.ParticipantType;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;

/**
 * Parity tests of the engagement lifecycle through the Java SDK 2.40.2: CreateEngagement, contexts, invitations
 * (create as sender, accept as receiver), members and the opportunity-from-engagement task.
 */
class EngagementApiTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).instant(true).resetBeforeEach();

    static EngagementContextPayload customerProject(String company) {
        return EngagementContextPayload.fromCustomerProject(p -> p
                .customer(c -> c.companyName(company).industry("Retail").websiteUrl("https://www.example.com")
                        .countryCode("US"))
                .project(d -> d.title("Store analytics").businessProblem("Stores cannot see stock levels in time.")
                        .targetCompletionDate("2027-06-30")));
    }

    static EngagementContextPayload lead(String company, String qualification) {
        return EngagementContextPayload.fromLead(LeadContext.builder().qualificationStatus(qualification)
                .customer(c -> c.companyName(company).industry("Retail").websiteUrl("https://lead.example.com")
                        .address(a -> a.countryCode("US").city("Austin")))
                .interactions(LeadInteraction.builder().sourceType("Web").sourceId("form-7").sourceName("Contact form")
                        .usecase("Migration").customerAction("Asked for a call")
                        .businessProblem("The on-premises data center closes next year.")
                        .contact(k -> k.email("dana@lead.example.com").firstName("Dana").lastName("Lee")
                                .businessTitle("CTO")).build())
                .build());
    }

    private static CreateEngagementRequest.Builder newEngagement(String token) {
        return CreateEngagementRequest.builder().catalog("Sandbox").clientToken(token).title("Store analytics")
                .description("Co-sell store analytics")
                .contexts(EngagementContextDetails.builder().type("CustomerProject")
                        .payload(customerProject("Northwind Stores")).build());
    }

    @Test
    void createEngagementMakesTheCallerItsOnlyMemberAndIsIdempotent() {
        var created = pc.noRetryClient().createEngagement(newEngagement("eng-1").build());
        assertThat(created.id()).matches("eng-[0-9a-z]{14}");
        assertThat(created.arn()).isEqualTo("arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/" + created.id());
        var engagement = pc.noRetryClient().getEngagement(r -> r.catalog("Sandbox").identifier(created.id()));
        assertThat(engagement.title()).isEqualTo("Store analytics");
        assertThat(engagement.memberCount()).isEqualTo(1);
        assertThat(engagement.modifiedAt()).isEqualTo(created.modifiedAt());
        assertThat(engagement.contexts()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("1");
            assertThat(c.payload().customerProject().customer().companyName()).isEqualTo("Northwind Stores");
        });
        assertThat(pc.noRetryClient().listEngagements(r -> r.catalog("Sandbox").engagementIdentifier(created.id()))
                .engagementSummaryList()).singleElement().satisfies(s -> assertThat(s.memberCount()).isEqualTo(1));
        assertThat(pc.noRetryClient().listEngagementMembers(r -> r.catalog("Sandbox").identifier(created.id()))
                .engagementMemberList()).extracting(EngagementMember::accountId).containsExactly("111122223333");

        assertThat(pc.noRetryClient().createEngagement(newEngagement("eng-1").build()).id()).isEqualTo(created.id());
        assertThatThrownBy(() -> pc.noRetryClient().createEngagement(newEngagement("eng-1").title("Other").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Conflicting client token submitted for a new request body.");
        assertThatThrownBy(() -> pc.noRetryClient().createEngagement(newEngagement("eng-2").contexts(
                EngagementContextDetails.builder().type("Lead").payload(customerProject("X")).build()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().fieldName())
                        .isEqualTo("Contexts[0].Payload"));
        assertThatThrownBy(() -> pc.noRetryClient().createEngagement(r -> r.catalog("Sandbox").title("x".repeat(41))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().fieldName())
                        .isEqualTo("Title"));
    }

    @Test
    void contextsAreAddedAndUpdatedUnderOptimisticConcurrency() {
        String id = pc.noRetryClient().createEngagement(newEngagement("ctx").build()).id();
        var added = pc.noRetryClient().createEngagementContext(r -> r.catalog("Sandbox").engagementIdentifier(id)
                .clientToken("ctx-1").type("Lead").payload(lead("Northwind Stores", "Qualified")));
        assertThat(added.contextId()).isEqualTo("2");
        assertThat(added.engagementId()).isEqualTo(id);
        // The same token and body answer the same context; nothing is added twice.
        assertThat(pc.noRetryClient().createEngagementContext(r -> r.catalog("Sandbox").engagementIdentifier(id)
                .clientToken("ctx-1").type("Lead").payload(lead("Northwind Stores", "Qualified"))).contextId())
                .isEqualTo("2");
        assertThat(pc.noRetryClient().getEngagement(r -> r.catalog("Sandbox").identifier(id)).contexts()).hasSize(2);

        var updated = pc.noRetryClient().updateEngagementContext(r -> r.catalog("Sandbox").engagementIdentifier(id)
                .contextIdentifier("2").engagementLastModifiedAt(added.engagementLastModifiedAt()).type("Lead")
                .payload(p -> p.lead(l -> l.customer(c -> c.companyName("Northwind Stores Ltd")
                        .address(a -> a.countryCode("US"))).qualificationStatus("Sales Qualified"))));
        assertThat(updated.engagementLastModifiedAt()).isAfter(added.engagementLastModifiedAt());
        var lead = pc.noRetryClient().getEngagement(r -> r.catalog("Sandbox").identifier(id)).contexts().get(1)
                .payload().lead();
        assertThat(lead.customer().companyName()).isEqualTo("Northwind Stores Ltd");
        assertThat(lead.qualificationStatus()).isEqualTo("Sales Qualified");
        assertThat(lead.interactions()).hasSize(1);

        assertThatThrownBy(() -> pc.noRetryClient().updateEngagementContext(r -> r.catalog("Sandbox")
                .engagementIdentifier(id)
                .contextIdentifier("2").engagementLastModifiedAt(added.engagementLastModifiedAt()).type("Lead")
                .payload(p -> p.lead(l -> l.customer(c -> c.companyName("Stale").address(a -> a.countryCode("US")))))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has been modified since");
        assertThatThrownBy(() -> pc.noRetryClient().updateEngagementContext(r -> r.catalog("Sandbox")
                .engagementIdentifier(id)
                .contextIdentifier("1").engagementLastModifiedAt(updated.engagementLastModifiedAt()).type("Lead")
                .payload(p -> p.lead(l -> l.customer(c -> c.companyName("Wrong").address(a -> a.countryCode("US")))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is of type CustomerProject");
        assertThatThrownBy(() -> pc.noRetryClient().updateEngagementContext(r -> r.catalog("Sandbox")
                .engagementIdentifier(id)
                .contextIdentifier("9").engagementLastModifiedAt(updated.engagementLastModifiedAt()).type("Lead")
                .payload(p -> p.lead(l -> l.customer(c -> c.companyName("None").address(a -> a.countryCode("US")))))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.noRetryClient().createEngagementContext(r -> r.catalog("Sandbox")
                .engagementIdentifier("eng-00000000000000").clientToken("x").type("Lead")
                .payload(lead("Nobody", "Qualified")))).isInstanceOf(ResourceNotFoundException.class);
        for (int i = 3; i <= EngagementOperations.MAX_CONTEXTS; i++) {
            int n = i;
            pc.noRetryClient().createEngagementContext(r -> r.catalog("Sandbox").engagementIdentifier(id)
                    .clientToken("more-" + n).type("CustomerProject").payload(customerProject("Company " + n)));
        }
        assertThatThrownBy(() -> pc.noRetryClient().createEngagementContext(r -> r.catalog("Sandbox")
                .engagementIdentifier(id)
                .clientToken("one-too-many").type("CustomerProject").payload(customerProject("Six"))))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    @Test
    void invitationsAreSentOnceAndAcceptingOneJoinsItsEngagement() {
        String id = pc.noRetryClient().createEngagement(newEngagement("inv").build()).id();
        var sent = pc.noRetryClient().createEngagementInvitation(r -> r.catalog("Sandbox").clientToken("inv-1")
                .engagementIdentifier(id).invitation(i -> i.message("Join us on Northwind")
                        .receiver(x -> x.account(a -> a.awsAccountId("444455556666").alias("Reseller")))
                        .payload(p -> p.opportunityInvitation(o -> o.receiverResponsibilitiesWithStrings("Reseller")
                                .customer(c -> c.companyName("Northwind Stores").industry("Retail")
                                        .websiteUrl("https://www.example.com").countryCode("US"))
                                .project(d -> d.title("Store analytics").businessProblem("Stock levels are late.")
                                        .targetCompletionDate("2027-06-30").expectedCustomerSpend(List.of()))))));
        assertThat(sent.id()).matches("engi-[0-9a-z]{13}");
        var stored = pc.noRetryClient().getEngagementInvitation(r -> r.catalog("Sandbox")
                .identifier(sent.id()));
        assertThat(stored.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(stored.receiver().account().awsAccountId()).isEqualTo("444455556666");
        assertThat(stored.engagementId()).isEqualTo(id);
        assertThat(pc.noRetryClient().createEngagementInvitation(r -> r.catalog("Sandbox").clientToken("inv-1")
                .engagementIdentifier(id).invitation(i -> i.message("Join us on Northwind")
                        .receiver(x -> x.account(a -> a.awsAccountId("444455556666").alias("Reseller")))
                        .payload(p -> p.opportunityInvitation(o -> o.receiverResponsibilitiesWithStrings("Reseller")
                                .customer(c -> c.companyName("Northwind Stores").industry("Retail")
                                        .websiteUrl("https://www.example.com").countryCode("US"))
                                .project(d -> d.title("Store analytics").businessProblem("Stock levels are late.")
                                        .targetCompletionDate("2027-06-30").expectedCustomerSpend(List.of())))))).id())
                .isEqualTo(sent.id());
        assertThatThrownBy(() -> pc.noRetryClient().createEngagementInvitation(r -> r.catalog("Sandbox")
                .clientToken("inv-2").engagementIdentifier(id).invitation(i -> i.message("Again")
                        .receiver(x -> x.account(a -> a.awsAccountId("444455556666")))
                        .payload(p -> p.leadInvitation(l -> l.customer(c -> c.companyName("N").countryCode("US"))
                                .interaction(t -> t.contactBusinessTitle("CTO").sourceType("W").sourceId("1")
                                        .sourceName("n").usecase("u")))))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already invited");
        assertThatThrownBy(() -> pc.noRetryClient().createEngagementInvitation(r -> r.catalog("Sandbox")
                .clientToken("inv-3").engagementIdentifier(id).invitation(i -> i.message("Myself")
                        .receiver(x -> x.account(a -> a.awsAccountId("111122223333")))
                        .payload(p -> p.leadInvitation(l -> l.customer(c -> c.companyName("N").countryCode("US"))
                                .interaction(t -> t.contactBusinessTitle("CTO").sourceType("W").sourceId("1")
                                        .sourceName("n").usecase("u")))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("your own account");
        assertThatThrownBy(() -> pc.noRetryClient().createEngagementInvitation(r -> r.catalog("Sandbox")
                .clientToken("inv-4").engagementIdentifier("eng-00000000000000").invitation(i -> i.message("Nowhere")
                        .receiver(x -> x.account(a -> a.awsAccountId("444455556666")))
                        .payload(p -> p.leadInvitation(l -> l.customer(c -> c.companyName("N").countryCode("US"))
                                .interaction(t -> t.contactBusinessTitle("CTO").sourceType("W").sourceId("1")
                                        .sourceName("n").usecase("u")))))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.noRetryClient().acceptEngagementInvitation(r -> r.catalog("Sandbox")
                .identifier(sent.id()))).isInstanceOf(AccessDeniedException.class);

        var received = pc.noRetryClient().listEngagementInvitations(r -> r.catalog("Sandbox")
                .participantType(ParticipantType.RECEIVER).statusWithStrings("PENDING"))
                .engagementInvitationSummaries().getFirst();
        assertThatThrownBy(() -> pc.noRetryClient().getEngagement(r -> r.catalog("Sandbox")
                .identifier(received.engagementId()))).isInstanceOf(ResourceNotFoundException.class);
        pc.noRetryClient().acceptEngagementInvitation(r -> r.catalog("Sandbox").identifier(received.arn()));
        assertThat(pc.noRetryClient().getEngagementInvitation(r -> r.catalog("Sandbox").identifier(received.id()))
                .status()).isEqualTo(InvitationStatus.ACCEPTED);
        var joined = pc.noRetryClient().getEngagement(r -> r.catalog("Sandbox").identifier(received.engagementId()));
        assertThat(joined.memberCount()).isEqualTo(2);
        assertThat(joined.createdBy()).isEqualTo("aws");
        // The invitation's payload became the engagement's context: a customer project, or a lead for lead invitations.
        var context = joined.contexts().getFirst().payload();
        assertThat(context.customerProject() != null ? context.customerProject().customer().companyName()
                : context.lead().customer().companyName()).isNotBlank();
        var members = pc.noRetryClient().listEngagementMembers(r -> r.catalog("Sandbox")
                .identifier(received.engagementId()));
        assertThat(members.engagementMemberList()).extracting(EngagementMember::accountId)
                .containsExactly("aws", "111122223333");
        var firstPage = pc.noRetryClient().listEngagementMembers(r -> r.catalog("Sandbox")
                .identifier(received.engagementId()).maxResults(1));
        assertThat(firstPage.engagementMemberList()).hasSize(1);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(pc.noRetryClient().listEngagementMembers(r -> r.catalog("Sandbox")
                .identifier(received.engagementId())
                .maxResults(1).nextToken(firstPage.nextToken())).engagementMemberList())
                .extracting(EngagementMember::accountId).containsExactly("111122223333");
        assertThatThrownBy(() -> pc.noRetryClient().listEngagementMembers(r -> r.catalog("Sandbox")
                .identifier(received.engagementId()).maxResults(11)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().code())
                        .isEqualTo(ValidationExceptionErrorCode.VALUE_OUT_OF_RANGE));
        assertThatThrownBy(() -> pc.noRetryClient().acceptEngagementInvitation(r -> r.catalog("Sandbox")
                .identifier(received.id()))).isInstanceOf(ConflictException.class).hasMessageContaining("ACCEPTED");
        assertThatThrownBy(() -> pc.noRetryClient().acceptEngagementInvitation(r -> r.catalog("Sandbox")
                .identifier("engi-0000000000000"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.noRetryClient().listEngagementMembers(r -> r.catalog("Sandbox")
                .identifier("eng-00000000000000"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aLeadContextBecomesAnOpportunityOfTheEngagement() {
        String id = pc.noRetryClient().createEngagement(newEngagement("lead")
                .contexts(EngagementContextDetails.builder()
                .type("Lead").payload(lead("Contoso Travel", "Qualified")).build(), EngagementContextDetails.builder()
                .type("CustomerProject").payload(customerProject("Contoso Travel")).build()).build()).id();
        var task = pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("from-lead")
                .identifier(id).contextIdentifier("1").tags(t -> t.key("source").value("lead")));
        assertThat(task.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(task.taskId()).matches("task-[0-9a-z]{13}");
        assertThat(task.taskArn()).endsWith("/opportunity-from-engagement-task/" + task.taskId());
        assertThat(task.engagementId()).isEqualTo(id);
        assertThat(task.contextId()).isEqualTo("1");
        var opportunity = pc.noRetryClient().getOpportunity(r -> r.catalog("Sandbox").identifier(task.opportunityId()));
        assertThat(opportunity.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
        assertThat(opportunity.customer().account().companyName()).isEqualTo("Contoso Travel");
        assertThat(opportunity.customer().contacts()).singleElement()
                .satisfies(c -> assertThat(c.email()).isEqualTo("dana@lead.example.com"));
        assertThat(pc.noRetryClient().listEngagementResourceAssociations(r -> r.catalog("Sandbox")
                .engagementIdentifier(id)).engagementResourceAssociationSummaries()).singleElement()
                .satisfies(a -> assertThat(a.resourceId()).isEqualTo(task.opportunityId()));
        var job = pc.noRetryClient().getResourceSnapshotJob(r -> r.catalog("Sandbox")
                .resourceSnapshotJobIdentifier(task.resourceSnapshotJobId()));
        assertThat(job.statusAsString()).isEqualTo("Running");
        assertThat(pc.noRetryClient().getResourceSnapshot(r -> r.catalog("Sandbox").engagementIdentifier(id)
                .resourceType("Opportunity").resourceIdentifier(task.opportunityId()).resourceSnapshotTemplateIdentifier("OpportunitySummaryView"))
                .revision()).isEqualTo(1);
        assertThat(pc.noRetryClient().listTagsForResource(r -> r.resourceArn(job.arn())).tags())
                .anySatisfy(t -> assertThat(t.key()).isEqualTo("source"));

        // Idempotent per ClientToken; a second conversion of the same engagement fails inside the task.
        assertThat(pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("from-lead")
                .identifier(id).contextIdentifier("1").tags(t -> t.key("source").value("lead"))).taskId())
                .isEqualTo(task.taskId());
        var again = pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("from-lead-2").identifier(id).contextIdentifier("1"));
        assertThat(again.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(again.reasonCodeAsString()).isEqualTo("OpportunityConflict");
        var project = pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("from-project").identifier(id).contextIdentifier("2"));
        assertThat(project.reasonCodeAsString()).isEqualTo("CustomerProjectContextNotPermitted");
        var missing = pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("from-nothing").identifier(id).contextIdentifier("7"));
        assertThat(missing.reasonCodeAsString()).isEqualTo("ContextNotFound");
        String disqualified = pc.noRetryClient().createEngagement(newEngagement("dq")
                .contexts(EngagementContextDetails.builder()
                .type("Lead").payload(lead("Gone Inc", "Disqualified")).build()).build()).id();
        assertThat(pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox").clientToken("dq")
                .identifier(disqualified).contextIdentifier("1")).reasonCodeAsString())
                .isEqualTo("DisqualifiedLeadNotPermitted");
        assertThatThrownBy(() -> pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("none").identifier("eng-00000000000000").contextIdentifier("1")))
                .isInstanceOf(ResourceNotFoundException.class);

        var all = pc.noRetryClient().listOpportunityFromEngagementTasks(r -> r.catalog("Sandbox")).taskSummaries();
        assertThat(all).hasSize(5);
        assertThat(pc.noRetryClient().listOpportunityFromEngagementTasks(r -> r.catalog("Sandbox")
                .engagementIdentifier(id).contextIdentifier("1").taskStatusWithStrings("COMPLETE")).taskSummaries())
                .singleElement().satisfies(s -> assertThat(s.opportunityId()).isEqualTo(task.opportunityId()));
        List<String> paged = pc.noRetryClient().listOpportunityFromEngagementTasksPaginator(r -> r.catalog("Sandbox")
                .maxResults(2)).taskSummaries().stream().map(s -> s.taskId()).toList();
        assertThat(paged).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void withoutASnapshotJobRoleTheConversionFails() throws Exception {
        String id = pc.noRetryClient().createEngagement(newEngagement("norole")
                .contexts(EngagementContextDetails.builder()
                .type("Lead").payload(lead("Fabrikam", "Qualified")).build()).build()).id();
        pc.noRetryClient().putSellingSystemSettings(r -> r.catalog("Sandbox"));
        var failed = pc.noRetryClient().startOpportunityFromEngagementTask(r -> r.catalog("Sandbox")
                .clientToken("norole").identifier(id).contextIdentifier("1"));
        assertThat(failed.reasonCodeAsString()).isEqualTo("ResourceSnapshotJobAccessDenied");
        assertThat(failed.opportunityId()).isNull();
        // The ProspectingResult context type is the newest model's; SDK 2.40.2 cannot send it, so raw.
        var refused = EmulatorClients.signedPost(pc.emulator(), "CreateEngagementContext", """
                {"Catalog":"Sandbox","EngagementIdentifier":"%s","ClientToken":"p","Type":"ProspectingResult",
                 "Payload":{"ProspectingResult":{"Aws":{"TaskName":"x"}}}}""".formatted(id));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("ACTION_NOT_PERMITTED");
    }
}
