package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.CreateOpportunityRequest;
import software.amazon.awssdk.services.partnercentralselling.model.GetOpportunityResponse;
import software.amazon.awssdk.services.partnercentralselling.model.OpportunitySummary;
import software.amazon.awssdk.services.partnercentralselling.model.ParticipantType;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.partnercentralselling.model.Stage;
import software.amazon.awssdk.services.partnercentralselling.model.Tag;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionReason;

/** The opportunity, solution, engagement, snapshot and tag operations through the Java SDK. */
class OpportunityOperationsTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(120).instant(true).resetBeforeEach();

    @Test
    void listOpportunitiesDefaultsToTwentyNewestFirst() {
        var page = pc.client().listOpportunities(r -> r.catalog("AWS"));
        assertThat(page.opportunitySummaries()).hasSize(20);
        assertThat(page.nextToken()).startsWith("AAMA-");
        assertThat(page.opportunitySummaries()).isSortedAccordingTo(
                Comparator.comparing(OpportunitySummary::lastModifiedDate).reversed());
        OpportunitySummary first = page.opportunitySummaries().getFirst();
        assertThat(first.catalog()).isEqualTo("AWS");
        assertThat(first.arn()).startsWith("arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/opportunity/O");
        assertThat(first.customer().account().companyName()).isNotBlank();
    }

    @Test
    void pagingVisitsEveryOpportunityOnce() {
        List<String> ids = pc.client().listOpportunitiesPaginator(r -> r.catalog("Sandbox").maxResults(7))
                .opportunitySummaries().stream().map(OpportunitySummary::id).toList();
        assertThat(ids).hasSize(120).doesNotHaveDuplicates().allMatch(id -> id.startsWith("O2"));
    }

    @Test
    void filtersAndSortsOpportunities() {
        var byStatus = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(100)
                .lifeCycleReviewStatus(ReviewStatus.APPROVED)).opportunitySummaries();
        assertThat(byStatus).isNotEmpty().allMatch(o -> o.lifeCycle().reviewStatus() == ReviewStatus.APPROVED);

        var byStage = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(100)
                .lifeCycleStage(Stage.CLOSED_LOST)).opportunitySummaries();
        assertThat(byStage).extracting(OpportunitySummary::id).contains(SeededScenario.CLOSED_LOST.id("AWS"));

        var byId = pc.client().listOpportunities(r -> r.catalog("AWS").identifier("O10000001", "O10000002"))
                .opportunitySummaries();
        assertThat(byId).extracting(OpportunitySummary::id).containsExactlyInAnyOrder("O10000001", "O10000002");

        var byIdentifier = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(5)
                .sort(s -> s.sortBy("Identifier").sortOrder("ASCENDING"))).opportunitySummaries();
        assertThat(byIdentifier).extracting(OpportunitySummary::id)
                .containsExactly("O10000001", "O10000002", "O10000003", "O10000004", "O10000005");

        var byCompany = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(100)
                .sort(s -> s.sortBy("CustomerCompanyName").sortOrder("ASCENDING"))).opportunitySummaries();
        assertThat(byCompany).extracting(o -> o.customer().account().companyName())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        String company = byCompany.getFirst().customer().account().companyName();
        var byName = pc.client().listOpportunities(r -> r.catalog("AWS").customerCompanyName(company.toUpperCase()))
                .opportunitySummaries();
        assertThat(byName).isNotEmpty().allMatch(o -> o.customer().account().companyName().equals(company));

        Instant cut = byIdentifier.getFirst().lastModifiedDate();
        var after = pc.client().listOpportunitiesPaginator(r -> r.catalog("AWS").maxResults(100)
                .lastModifiedDate(d -> d.afterLastModifiedDate(cut))).opportunitySummaries().stream().toList();
        assertThat(after).allMatch(o -> o.lastModifiedDate().isAfter(cut));
    }

    @Test
    void tokenFromAnotherQueryIsRefused() {
        String token = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(5)).nextToken();
        assertThatThrownBy(() -> pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(5)
                .lifeCycleStage(Stage.PROSPECT).nextToken(token)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst()
                        .fieldName()).isEqualTo("NextToken"));
    }

    @Test
    void getOpportunityReturnsTheWholeRecord() {
        GetOpportunityResponse opportunity = pc.client().getOpportunity(r -> r.catalog("AWS").identifier("O10000001"));
        assertThat(opportunity.id()).isEqualTo("O10000001");
        assertThat(opportunity.customer().account().address().countryCodeAsString()).isEqualTo("US");
        assertThat(opportunity.customer().account().address().stateOrRegion()).hasSizeGreaterThan(3);
        assertThat(opportunity.customer().account().websiteUrl()).startsWith("https://www.");
        assertThat(opportunity.project().customerBusinessProblem()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(opportunity.project().expectedCustomerSpend().getFirst().currencyCodeAsString()).isEqualTo("USD");
        assertThat(opportunity.relatedEntityIdentifiers().solutions()).isNotEmpty()
                .allMatch(s -> s.matches("S-\\d+"));
        assertThat(opportunity.lifeCycle().targetCloseDate()).isNotBlank();
        assertThat(opportunity.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
    }

    @Test
    void unknownOpportunityIsResourceNotFound() {
        assertThatThrownBy(() -> pc.client().getOpportunity(r -> r.catalog("AWS").identifier("O424242")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404))
                .hasMessageContaining("O424242");
    }

    @Test
    void seededDataIsDeterministicForASeed() throws Exception {
        try (var other = PartnerCentralEmulator.builder().opportunities(120).start();
             var otherClient = EmulatorExtension.clientFor(other)) {
            for (String id : List.of("O10000001", "O10000077", "O20000033")) {
                String catalog = id.startsWith("O1") ? "AWS" : "Sandbox";
                var mine = pc.client().getOpportunity(r -> r.catalog(catalog).identifier(id));
                var theirs = otherClient.getOpportunity(r -> r.catalog(catalog).identifier(id));
                assertThat(theirs.customer()).isEqualTo(mine.customer());
                assertThat(theirs.project()).isEqualTo(mine.project());
                assertThat(theirs.lifeCycle()).isEqualTo(mine.lifeCycle());
            }
        }
    }

    private static CreateOpportunityRequest.Builder newOpportunity(String token) {
        return CreateOpportunityRequest.builder().catalog("Sandbox").clientToken(token)
                .origin("Partner Referral").opportunityType("Net New Business")
                .primaryNeedsFromAwsWithStrings("Co-Sell - Technical Consultation")
                .customer(c -> c.account(a -> a.companyName("Lakeside Robotics Inc.").industry("Manufacturing")
                        .websiteUrl("https://www.lakesiderobotics.com")
                        .address(ad -> ad.city("Madison").stateOrRegion("Wisconsin").postalCode("53703")
                                .countryCode("US"))))
                .project(p -> p.title("Vision QA on the line").customerBusinessProblem(
                                "Manual inspection misses one defect in fifty on the assembly line.")
                        .customerUseCase("AI Machine Learning and Analytics").deliveryModelsWithStrings("SaaS or PaaS")
                        .expectedCustomerSpend(software.amazon.awssdk.services.partnercentralselling.model
                                .ExpectedCustomerSpend.builder().amount("4000").currencyCode("USD")
                                .frequency("Monthly").targetCompany("AWS").build()))
                .lifeCycle(l -> l.stage("Qualified").targetCloseDate(
                        java.time.LocalDate.now().plusMonths(3).toString()))
                .marketing(m -> m.source("None")).tags(Tag.builder().key("crm").value("hubspot").build());
    }

    @Test
    void createAssociateAndEngageANewOpportunity() {
        var created = pc.client().createOpportunity(newOpportunity("create-1").build());
        assertThat(created.id()).matches("O\\d+");
        String id = created.id();
        var stored = pc.client().getOpportunity(r -> r.catalog("Sandbox").identifier(id));
        assertThat(stored.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
        assertThat(stored.lastModifiedDate()).isEqualTo(created.lastModifiedDate());
        assertThat(pc.client().listTagsForResource(r -> r.resourceArn(stored.arn())).tags())
                .containsExactly(Tag.builder().key("crm").value("hubspot").build());

        var notYet = pc.client().startEngagementFromOpportunityTask(r -> r.catalog("Sandbox").identifier(id)
                .clientToken("engage-1").awsSubmission(s -> s.involvementType("Co-Sell")));
        assertThat(notYet.reasonCodeAsString()).isEqualTo("OpportunityValidationFailed");
        assertThat(notYet.message()).contains("no partner solution is linked");

        String solution = pc.client().listSolutions(r -> r.catalog("Sandbox").statusWithStrings("Active"))
                .solutionSummaries().getFirst().id();
        pc.client().associateOpportunity(r -> r.catalog("Sandbox").opportunityIdentifier(id)
                .relatedEntityType("Solutions").relatedEntityIdentifier(solution));
        assertThat(pc.client().getOpportunity(r -> r.catalog("Sandbox").identifier(id)).relatedEntityIdentifiers()
                .solutions()).containsExactly(solution);

        var engaged = pc.client().startEngagementFromOpportunityTask(r -> r.catalog("Sandbox").identifier(id)
                .clientToken("engage-2").awsSubmission(s -> s.involvementType("Co-Sell")));
        assertThat(engaged.taskStatus()).isEqualTo(TaskStatus.COMPLETE);

        pc.client().disassociateOpportunity(r -> r.catalog("Sandbox").opportunityIdentifier(id)
                .relatedEntityType("Solutions").relatedEntityIdentifier(solution));
        assertThatThrownBy(() -> pc.client().disassociateOpportunity(r -> r.catalog("Sandbox").opportunityIdentifier(id)
                .relatedEntityType("Solutions").relatedEntityIdentifier(solution)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createIsIdempotentPerClientToken() {
        var first = pc.client().createOpportunity(newOpportunity("create-same").build());
        var again = pc.client().createOpportunity(newOpportunity("create-same").build());
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> pc.client().createOpportunity(newOpportunity("create-same")
                .partnerOpportunityIdentifier("changed").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Conflicting client token submitted for a new request body.");
    }

    @Test
    void awsReferralIsSandboxOnly() {
        assertThatThrownBy(() -> pc.client().createOpportunity(newOpportunity("aws-ref").catalog("AWS")
                .origin("AWS Referral").build())).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.BUSINESS_VALIDATION_FAILED);
                    assertThat(e.errorList().getFirst().fieldName()).isEqualTo("Origin");
                });
    }

    @Test
    void updateUsesLastModifiedDateForConcurrency() {
        String id = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(1)
                .lifeCycleReviewStatus(ReviewStatus.PENDING_SUBMISSION)).opportunitySummaries().getFirst().id();
        var current = pc.client().getOpportunity(r -> r.catalog("AWS").identifier(id));
        var updated = pc.client().updateOpportunity(r -> r.catalog("AWS").identifier(id)
                .lastModifiedDate(current.lastModifiedDate()).customer(current.customer())
                .project(current.project().toBuilder().title("Renamed project").build())
                .lifeCycle(current.lifeCycle()).opportunityType(current.opportunityType())
                .marketing(current.marketing()).primaryNeedsFromAwsWithStrings(current.primaryNeedsFromAwsAsStrings()));
        assertThat(updated.lastModifiedDate()).isAfter(current.lastModifiedDate());
        assertThat(pc.client().getOpportunity(r -> r.catalog("AWS").identifier(id)).project().title())
                .isEqualTo("Renamed project");

        assertThatThrownBy(() -> pc.client().updateOpportunity(r -> r.catalog("AWS").identifier(id)
                .lastModifiedDate(current.lastModifiedDate()).customer(current.customer())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has been modified since");
    }

    @Test
    void updateRefusesStageChangeWhilePendingSubmissionAndAnyChangeWhileSubmitted() {
        var pending = pc.client().getOpportunity(r -> r.catalog("AWS").identifier("O10000001"));
        Stage other = pending.lifeCycle().stage() == Stage.COMMITTED ? Stage.QUALIFIED : Stage.COMMITTED;
        assertThatThrownBy(() -> pc.client().updateOpportunity(r -> r.catalog("AWS").identifier("O10000001")
                .lastModifiedDate(pending.lastModifiedDate()).customer(pending.customer())
                .lifeCycle(pending.lifeCycle().toBuilder().stage(other).build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().code())
                        .isEqualTo(ValidationExceptionErrorCode.ACTION_NOT_PERMITTED))
                .hasMessageContaining("You can not update the stage when Opportunity status is Pending Submission");

        String submitted = SeededScenario.ALREADY_SUBMITTED.id("AWS");
        var locked = pc.client().getOpportunity(r -> r.catalog("AWS").identifier(submitted));
        assertThatThrownBy(() -> pc.client().updateOpportunity(r -> r.catalog("AWS").identifier(submitted)
                .lastModifiedDate(locked.lastModifiedDate()).customer(locked.customer())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("review status is Submitted");
    }

    @Test
    void sandboxLetsThePartnerPlayTheReviewer() {
        String id = pc.client().listOpportunities(r -> r.catalog("Sandbox").maxResults(1)
                .lifeCycleReviewStatus(ReviewStatus.PENDING_SUBMISSION)).opportunitySummaries().getFirst().id();
        var pending = pc.client().getOpportunity(r -> r.catalog("Sandbox").identifier(id));
        pc.client().updateOpportunity(r -> r.catalog("Sandbox").identifier(id)
                .lastModifiedDate(pending.lastModifiedDate()).customer(pending.customer())
                .lifeCycle(pending.lifeCycle().toBuilder().reviewStatus(ReviewStatus.ACTION_REQUIRED).build()));
        assertThat(pc.client().getOpportunity(r -> r.catalog("Sandbox").identifier(id)).lifeCycle().reviewStatus())
                .isEqualTo(ReviewStatus.ACTION_REQUIRED);
    }

    @Test
    void awsCatalogRefusesToSetTheReviewStatusAndKeepsIt() {
        String id = pc.client().listOpportunities(r -> r.catalog("AWS").maxResults(1)
                .lifeCycleReviewStatus(ReviewStatus.PENDING_SUBMISSION)).opportunitySummaries().getFirst().id();
        var pending = pc.client().getOpportunity(r -> r.catalog("AWS").identifier(id));
        // The AWS catalog refuses a partner playing AWS's part, as the service does (only the Sandbox allows it).
        assertThatThrownBy(() -> pc.client().updateOpportunity(r -> r.catalog("AWS").identifier(id)
                .lastModifiedDate(pending.lastModifiedDate()).customer(pending.customer())
                .lifeCycle(pending.lifeCycle().toBuilder().reviewStatus(ReviewStatus.APPROVED).build())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("LifeCycle.ReviewStatus");
        assertThat(pc.client().getOpportunity(r -> r.catalog("AWS").identifier(id)).lifeCycle().reviewStatus())
                .isEqualTo(ReviewStatus.PENDING_SUBMISSION);
    }

    @Test
    void associationLimitsAndUnknownSolutions() {
        assertThatThrownBy(() -> pc.client().associateOpportunity(r -> r.catalog("AWS")
                .opportunityIdentifier("O10000050")
                .relatedEntityType("Solutions").relatedEntityIdentifier("S-9999999")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.client().associateOpportunity(r -> r.catalog("AWS")
                .opportunityIdentifier("O10000050")
                .relatedEntityType("Solutions").relatedEntityIdentifier("S-0000011")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Inactive");
        pc.client().associateOpportunity(r -> r.catalog("AWS").opportunityIdentifier("O10000050")
                .relatedEntityType("AwsMarketplaceOffers").relatedEntityIdentifier("offer-abc"));
        assertThatThrownBy(() -> pc.client().associateOpportunity(r -> r.catalog("AWS")
                .opportunityIdentifier("O10000050")
                .relatedEntityType("AwsMarketplaceOffers").relatedEntityIdentifier("offer-def")))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    @Test
    void listSolutionsFiltersAndSorts() {
        var all = pc.client().listSolutions(r -> r.catalog("AWS").maxResults(100)).solutionSummaries();
        assertThat(all).hasSize(12);
        assertThat(pc.client().listSolutions(r -> r.catalog("AWS").statusWithStrings("Draft")).solutionSummaries())
                .hasSize(1);
        var byName = pc.client().listSolutions(r -> r.catalog("AWS").sort(s -> s.sortBy("Name")
                .sortOrder("DESCENDING"))).solutionSummaries();
        assertThat(byName).extracting(s -> s.name()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pc.client().listSolutions(r -> r.catalog("Sandbox")).solutionSummaries().getFirst().name())
                .endsWith("(Sandbox)");
    }

    @Test
    void awsOpportunitySummaryExistsOnlyAfterSubmission() {
        assertThatThrownBy(() -> pc.client().getAwsOpportunitySummary(r -> r.catalog("AWS")
                .relatedOpportunityIdentifier("O10000001"))).isInstanceOf(ResourceNotFoundException.class);
        var summary = pc.client().getAwsOpportunitySummary(r -> r.catalog("AWS")
                .relatedOpportunityIdentifier(SeededScenario.APPROVED.id("AWS")));
        assertThat(summary.lifeCycle().stageAsString()).isEqualTo("Seller Engaged");
        assertThat(summary.opportunityTeam()).isNotEmpty();
    }

    @Test
    void seededEngagementHistoryIsReadable() {
        String id = SeededScenario.APPROVED.id("AWS");
        String engagementId = pc.client().listEngagementResourceAssociations(r -> r.catalog("AWS")
                .resourceIdentifier(id)).engagementResourceAssociationSummaries().getFirst().engagementId();
        var engagement = pc.client().getEngagement(r -> r.catalog("AWS").identifier(engagementId));
        assertThat(engagement.arn()).isEqualTo("arn:aws:partnercentral:us-east-1::catalog/AWS/engagement/"
                + engagementId);
        var invitation = pc.client().listEngagementInvitations(r -> r.catalog("AWS")
                .participantType(ParticipantType.SENDER)
                .engagementIdentifier(engagementId)).engagementInvitationSummaries().getFirst();
        var details = pc.client().getEngagementInvitation(r -> r.catalog("AWS").identifier(invitation.id()));
        assertThat(details.payload().opportunityInvitation().customer().companyName()).isNotBlank();
        assertThat(details.receiver().account().awsAccountId()).isEqualTo("aws");
        var snapshots = pc.client().listResourceSnapshots(r -> r.catalog("AWS").engagementIdentifier(engagementId))
                .resourceSnapshotSummaries();
        assertThat(snapshots).singleElement().satisfies(s -> assertThat(s.revision()).isEqualTo(1));
        var snapshot = pc.client().getResourceSnapshot(r -> r.catalog("AWS").engagementIdentifier(engagementId)
                .resourceType("Opportunity").resourceIdentifier(id)
                .resourceSnapshotTemplateIdentifier(TaskEngine.SNAPSHOT_TEMPLATE));
        assertThat(snapshot.payload().opportunitySummary().customer().account().companyName()).isNotBlank();
        assertThat(pc.client().listEngagements(r -> r.catalog("AWS").maxResults(100)).engagementSummaryList())
                .extracting(e -> e.id()).contains(engagementId);
        assertThat(pc.client().listEngagementInvitations(r -> r.catalog("AWS")
                .participantType(ParticipantType.RECEIVER))
                .engagementInvitationSummaries()).hasSize(10).allMatch(i -> i.senderAwsAccountId().equals("aws"));
        assertThatThrownBy(() -> pc.client().getEngagement(r -> r.catalog("AWS").identifier("eng-00000000000000")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.client().getResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier("job-0000000000000"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsCanBeAddedListedAndRemoved() {
        String arn = pc.client().getOpportunity(r -> r.catalog("AWS").identifier("O10000060")).arn();
        assertThat(pc.client().listTagsForResource(r -> r.resourceArn(arn)).tags()).isEmpty();
        pc.client().tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("east").build(),
                Tag.builder().key("tier").value("gold").build()));
        pc.client().tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("tier").value("platinum").build()));
        assertThat(pc.client().listTagsForResource(r -> r.resourceArn(arn)).tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly("team=east", "tier=platinum");
        pc.client().untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(pc.client().listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(Tag::key)
                .containsExactly("tier");
        assertThatThrownBy(() -> pc.client().listTagsForResource(r -> r.resourceArn(
                "arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/opportunity/O1")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.client()
                .tagResource(r -> r.resourceArn("arn:aws:partnercentral:us-east-1::catalog/AWS/"
                + "engagement/eng-00000000000000").tags(Tag.builder().key("a").value("b").build())))
                .isInstanceOf(ValidationException.class);
    }
}
