package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.model.AccessDeniedException;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementContextDetails;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceSnapshotJobStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionReason;

/**
 * Parity tests through the Java SDK 2.40.2 of resource snapshots and snapshot jobs, the selling-system settings,
 * SubmitOpportunity and AssignOpportunity, and of their consistency with the engagement task's records.
 */
class SnapshotAndSubmissionApiTest {

    private static final String TEMPLATE = "OpportunitySummaryView";

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).instant(true).resetBeforeEach();

    private static String newEngagement(String token) {
        return pc.noRetryClient().createEngagement(r -> r.catalog("AWS").clientToken(token).title("Snapshots")
                .contexts(EngagementContextDetails.builder().type("CustomerProject")
                        .payload(EngagementApiTest.customerProject("Northwind Stores")).build())).id();
    }

    @Test
    void snapshotsCountRevisionsAndAreWhatTheEvidenceReadsShow() {
        String engagement = newEngagement("snap");
        String opportunity = SeededScenario.SUBMITTABLE.id("AWS");
        var first = pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-1")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE));
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.arn()).endsWith("/engagement/" + engagement + "/resource/Opportunity/" + opportunity
                + "/template/" + TEMPLATE + "/snapshot/1");
        assertThat(pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-1")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE)).revision()).isEqualTo(1);
        var second = pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-2")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE));
        assertThat(second.revision()).isEqualTo(2);

        var latest = pc.noRetryClient().getResourceSnapshot(r -> r.catalog("AWS").engagementIdentifier(engagement)
                .resourceType("Opportunity").resourceIdentifier(opportunity).resourceSnapshotTemplateIdentifier(TEMPLATE));
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.payload().opportunitySummary().customer().account().companyName()).isNotBlank();
        assertThat(pc.noRetryClient().listResourceSnapshots(r -> r.catalog("AWS").engagementIdentifier(engagement))
                .resourceSnapshotSummaries()).hasSize(2);
        assertThat(pc.noRetryClient().listEngagementResourceAssociations(r -> r.catalog("AWS")
                .engagementIdentifier(engagement)).engagementResourceAssociationSummaries()).singleElement()
                .satisfies(a -> assertThat(a.resourceId()).isEqualTo(opportunity));

        // The engagement task finds the link and snapshots into the same engagement: revision 3, no new engagement.
        var task = pc.noRetryClient().startEngagementFromOpportunityTask(r -> r.catalog("AWS").clientToken("engage")
                .identifier(opportunity).awsSubmission(s -> s.involvementType("Co-Sell")));
        assertThat(task.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(task.engagementId()).isEqualTo(engagement);
        assertThat(pc.noRetryClient().getResourceSnapshot(r -> r.catalog("AWS").engagementIdentifier(engagement)
                .resourceType("Opportunity").resourceIdentifier(opportunity).resourceSnapshotTemplateIdentifier(TEMPLATE))
                .revision()).isEqualTo(3);

        assertThatThrownBy(() -> pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-3")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier("NoSuchTemplate")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().fieldName())
                        .isEqualTo("ResourceSnapshotTemplateIdentifier"));
        assertThatThrownBy(() -> pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-4")
                .engagementIdentifier("eng-00000000000000").resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-5")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier("O999999999")
                .resourceSnapshotTemplateIdentifier(TEMPLATE))).isInstanceOf(ResourceNotFoundException.class);
        String elsewhere = SeededScenario.EXISTING_ENGAGEMENT.id("AWS");
        assertThatThrownBy(() -> pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-6")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(elsewhere)
                .resourceSnapshotTemplateIdentifier(TEMPLATE)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already belongs to engagement");
        assertThatThrownBy(() -> pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS").clientToken("s-1")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier("Other1")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void snapshotJobsGoFromStoppedToRunningAndBackBeforeTheyCanBeDeleted() {
        String engagement = newEngagement("jobs");
        String opportunity = SeededScenario.SUBMITTABLE_SECOND.id("AWS");
        var created = pc.noRetryClient().createResourceSnapshotJob(r -> r.catalog("AWS").clientToken("j-1")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE).tags(t -> t.key("team").value("east")));
        assertThat(created.id()).matches("job-[0-9a-z]{13}");
        assertThat(created.arn()).isEqualTo("arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/"
                + "resource-snapshot-job/" + created.id());
        assertThat(pc.noRetryClient().createResourceSnapshotJob(r -> r.catalog("AWS").clientToken("j-1")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE).tags(t -> t.key("team").value("east"))).id())
                .isEqualTo(created.id());
        assertThatThrownBy(() -> pc.noRetryClient().createResourceSnapshotJob(r -> r.catalog("AWS").clientToken("j-2")
                .engagementIdentifier(engagement).resourceType("Opportunity").resourceIdentifier(opportunity)
                .resourceSnapshotTemplateIdentifier(TEMPLATE))).isInstanceOf(ConflictException.class);
        assertThat(pc.noRetryClient().listTagsForResource(r -> r.resourceArn(created.arn())).tags())
                .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("east"));

        var job = pc.noRetryClient().getResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier(created.id()));
        assertThat(job.status()).isEqualTo(ResourceSnapshotJobStatus.STOPPED);
        assertThat(job.lastSuccessfulExecutionDate()).isNull();
        assertThatThrownBy(() -> pc.noRetryClient().stopResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier(created.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().code())
                        .isEqualTo(ValidationExceptionErrorCode.INVALID_RESOURCE_STATE));

        pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS").resourceSnapshotJobIdentifier(created.id()));
        pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS").resourceSnapshotJobIdentifier(created.id()));
        var running = pc.noRetryClient().getResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier(created.id()));
        assertThat(running.status()).isEqualTo(ResourceSnapshotJobStatus.RUNNING);
        assertThat(running.lastSuccessfulExecutionDate()).isNotNull();
        // The run took the first snapshot; starting a running job again took no second one.
        assertThat(pc.noRetryClient().listResourceSnapshots(r -> r.catalog("AWS").engagementIdentifier(engagement))
                .resourceSnapshotSummaries()).singleElement().satisfies(s -> assertThat(s.revision()).isEqualTo(1));
        assertThat(pc.noRetryClient().listResourceSnapshotJobs(r -> r.catalog("AWS").engagementIdentifier(engagement)
                .status("Running")).resourceSnapshotJobSummaries()).extracting(s -> s.id()).containsExactly(created.id());

        assertThatThrownBy(() -> pc.noRetryClient().deleteResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier(created.id()))).isInstanceOf(ConflictException.class);
        pc.noRetryClient().stopResourceSnapshotJob(r -> r.catalog("AWS").resourceSnapshotJobIdentifier(created.id()));
        pc.noRetryClient().stopResourceSnapshotJob(r -> r.catalog("AWS").resourceSnapshotJobIdentifier(created.id()));
        pc.noRetryClient().deleteResourceSnapshotJob(r -> r.catalog("AWS").resourceSnapshotJobIdentifier(created.id()));
        for (var call : java.util.List.<Runnable>of(
                () -> pc.noRetryClient().getResourceSnapshotJob(r -> r.catalog("AWS")
                        .resourceSnapshotJobIdentifier(created.id())),
                () -> pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS")
                        .resourceSnapshotJobIdentifier(created.id())),
                () -> pc.noRetryClient().stopResourceSnapshotJob(r -> r.catalog("AWS")
                        .resourceSnapshotJobIdentifier(created.id())),
                () -> pc.noRetryClient().deleteResourceSnapshotJob(r -> r.catalog("AWS")
                        .resourceSnapshotJobIdentifier(created.id())))) {
            assertThatThrownBy(call::run).isInstanceOf(ResourceNotFoundException.class);
        }
        // Snapshots are immutable: deleting the job keeps them.
        assertThat(pc.noRetryClient().listResourceSnapshots(r -> r.catalog("AWS").engagementIdentifier(engagement))
                .resourceSnapshotSummaries()).hasSize(1);
        assertThatThrownBy(() -> pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier("not-a-job")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason())
                        .isEqualTo(ValidationExceptionReason.REQUEST_VALIDATION_FAILED));
    }

    @Test
    void theSellingSystemRoleIsWhatSnapshotJobsNeed() {
        var seeded = pc.noRetryClient().getSellingSystemSettings(r -> r.catalog("AWS"));
        assertThat(seeded.catalog()).isEqualTo("AWS");
        assertThat(seeded.resourceSnapshotJobRoleArn())
                .isEqualTo("arn:aws:iam::111122223333:role/PartnerCentralSellingResourceSnapshotJobRole");

        var removed = pc.noRetryClient().putSellingSystemSettings(r -> r.catalog("AWS"));
        assertThat(removed.resourceSnapshotJobRoleArn()).isNull();
        assertThat(pc.noRetryClient().getSellingSystemSettings(r -> r.catalog("AWS")).resourceSnapshotJobRoleArn())
                .isNull();
        // The Sandbox keeps its own setting.
        assertThat(pc.noRetryClient().getSellingSystemSettings(r -> r.catalog("Sandbox"))
                .resourceSnapshotJobRoleArn()).isNotNull();

        String opportunity = SeededScenario.SUBMITTABLE.id("AWS");
        var failed = pc.noRetryClient().startEngagementFromOpportunityTask(r -> r.catalog("AWS").clientToken("no-role")
                .identifier(opportunity).awsSubmission(s -> s.involvementType("Co-Sell")));
        assertThat(failed.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.reasonCodeAsString()).isEqualTo("ResourceSnapshotJobAccessDenied");
        String engagement = newEngagement("role");
        var job = pc.noRetryClient().createResourceSnapshotJob(r -> r.catalog("AWS").clientToken("role-job")
                .engagementIdentifier(engagement).resourceType("Opportunity")
                .resourceIdentifier(SeededScenario.SUBMITTABLE_SECOND.id("AWS")).resourceSnapshotTemplateIdentifier(TEMPLATE));
        assertThatThrownBy(() -> pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS")
                .resourceSnapshotJobIdentifier(job.id()))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("PutSellingSystemSettings");

        var named = pc.noRetryClient().putSellingSystemSettings(r -> r.catalog("AWS")
                .resourceSnapshotJobRoleIdentifier("CoSellJobs"));
        assertThat(named.resourceSnapshotJobRoleArn()).isEqualTo("arn:aws:iam::111122223333:role/CoSellJobs");
        var arn = pc.noRetryClient().putSellingSystemSettings(r -> r.catalog("AWS")
                .resourceSnapshotJobRoleIdentifier("arn:aws:iam::111122223333:role/team/CoSell"));
        assertThat(arn.resourceSnapshotJobRoleArn()).isEqualTo("arn:aws:iam::111122223333:role/team/CoSell");
        assertThatThrownBy(() -> pc.noRetryClient().putSellingSystemSettings(r -> r.catalog("AWS")
                .resourceSnapshotJobRoleIdentifier("arn:aws:s3:::bucket"))).isInstanceOf(ValidationException.class);
        pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS").resourceSnapshotJobIdentifier(job.id()));
        var completed = pc.noRetryClient().startEngagementFromOpportunityTask(r -> r.catalog("AWS")
                .clientToken("with-role").identifier(opportunity).awsSubmission(s -> s.involvementType("Co-Sell")));
        assertThat(completed.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
    }

    @Test
    void submitOpportunityMakesItReadOnlyUntilReviewed() {
        String id = SeededScenario.SUBMITTABLE.id("AWS");
        pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS").identifier(id).involvementType("Co-Sell")
                .visibility("Full"));
        var submitted = pc.noRetryClient().getOpportunity(r -> r.catalog("AWS").identifier(id));
        assertThat(submitted.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(pc.noRetryClient().getAwsOpportunitySummary(r -> r.catalog("AWS").relatedOpportunityIdentifier(id))
                .involvementTypeAsString()).isEqualTo("Co-Sell");
        assertThatThrownBy(() -> pc.noRetryClient().updateOpportunity(r -> r.catalog("AWS").identifier(id)
                .lastModifiedDate(submitted.lastModifiedDate()).customer(submitted.customer())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS").identifier(id)
                .involvementType("Co-Sell"))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.BUSINESS_VALIDATION_FAILED);
                    assertThat(e.errorList().getFirst().code()).isEqualTo(ValidationExceptionErrorCode.INVALID_RESOURCE_STATE);
                });
        assertThatThrownBy(() -> pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS")
                .identifier(SeededScenario.MISSING_WEBSITE.id("AWS")).involvementType("Co-Sell")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList())
                        .anySatisfy(f -> assertThat(f.fieldName()).isEqualTo("Customer.Account.WebsiteUrl")));
        assertThatThrownBy(() -> pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS").identifier("O999999999")
                .involvementType("Co-Sell"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS").identifier(id)
                .involvementType("Sometimes")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().code())
                        .isEqualTo(ValidationExceptionErrorCode.INVALID_ENUM_VALUE));
        // Action Required opportunities may be submitted again.
        String actionRequired = SeededScenario.ACTION_REQUIRED.id("AWS");
        pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS").identifier(actionRequired)
                .involvementType("For Visibility Only"));
        assertThat(pc.noRetryClient().getOpportunity(r -> r.catalog("AWS").identifier(actionRequired)).lifeCycle()
                .reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
    }

    @Test
    void assignOpportunityMakesTheAssigneeItsOwner() {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox");
        var before = pc.noRetryClient().getOpportunity(r -> r.catalog("Sandbox").identifier(id));
        pc.noRetryClient().assignOpportunity(r -> r.catalog("Sandbox").identifier(id)
                .assignee(a -> a.email("sam@partner.example.com")
                .firstName("Sam").lastName("Okafor").businessTitle("PartnerAccountManager")));
        var after = pc.noRetryClient().getOpportunity(r -> r.catalog("Sandbox").identifier(id));
        assertThat(after.opportunityTeam().getFirst().email()).isEqualTo("sam@partner.example.com");
        assertThat(after.opportunityTeam()).hasSize(before.opportunityTeam().size());
        assertThat(after.lastModifiedDate()).isAfter(before.lastModifiedDate());
        assertThatThrownBy(() -> pc.noRetryClient().assignOpportunity(r -> r.catalog("Sandbox").identifier("O999999999")
                .assignee(a -> a.email("sam@partner.example.com").firstName("Sam").lastName("Okafor")
                        .businessTitle("PartnerAccountManager")))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pc.noRetryClient().assignOpportunity(r -> r.catalog("Sandbox").identifier(id)
                .assignee(a -> a.firstName("Sam").lastName("Okafor").businessTitle("PartnerAccountManager"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().fieldName())
                        .isEqualTo("Assignee.Email"));
    }

    /**
     * The errors every operation lists but no request of ours provokes (throttling, access denied, internal
     * error) reach the SDK as the modeled exceptions for each of the new operations; faults apply before
     * validation, so the requests need not be complete.
     */
    @Test
    void injectedServiceErrorsOfEveryNewOperationReachTheSdkAsModeledExceptions() {
        java.util.Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("CreateEngagement", () -> pc.noRetryClient().createEngagement(r -> r.catalog("AWS")));
        calls.put("CreateEngagementContext", () -> pc.noRetryClient().createEngagementContext(r -> r.catalog("AWS")));
        calls.put("UpdateEngagementContext", () -> pc.noRetryClient().updateEngagementContext(r -> r.catalog("AWS")));
        calls.put("CreateEngagementInvitation", () -> pc.noRetryClient()
                .createEngagementInvitation(r -> r.catalog("AWS")));
        calls.put("AcceptEngagementInvitation", () -> pc.noRetryClient()
                .acceptEngagementInvitation(r -> r.catalog("AWS")));
        calls.put("ListEngagementMembers", () -> pc.noRetryClient().listEngagementMembers(r -> r.catalog("AWS")));
        calls.put("CreateResourceSnapshot", () -> pc.noRetryClient().createResourceSnapshot(r -> r.catalog("AWS")));
        calls.put("CreateResourceSnapshotJob", () -> pc.noRetryClient()
                .createResourceSnapshotJob(r -> r.catalog("AWS")));
        calls.put("StartResourceSnapshotJob", () -> pc.noRetryClient().startResourceSnapshotJob(r -> r.catalog("AWS")));
        calls.put("StopResourceSnapshotJob", () -> pc.noRetryClient().stopResourceSnapshotJob(r -> r.catalog("AWS")));
        calls.put("DeleteResourceSnapshotJob", () -> pc.noRetryClient()
                .deleteResourceSnapshotJob(r -> r.catalog("AWS")));
        calls.put("GetSellingSystemSettings", () -> pc.noRetryClient().getSellingSystemSettings(r -> r.catalog("AWS")));
        calls.put("PutSellingSystemSettings", () -> pc.noRetryClient().putSellingSystemSettings(r -> r.catalog("AWS")));
        calls.put("SubmitOpportunity", () -> pc.noRetryClient().submitOpportunity(r -> r.catalog("AWS")));
        calls.put("AssignOpportunity", () -> pc.noRetryClient().assignOpportunity(r -> r.catalog("AWS")));
        calls.put("StartOpportunityFromEngagementTask", () -> pc.noRetryClient().startOpportunityFromEngagementTask(
                r -> r.catalog("AWS")));
        calls.put("ListOpportunityFromEngagementTasks", () -> pc.noRetryClient().listOpportunityFromEngagementTasks(
                r -> r.catalog("AWS")));
        try {
            calls.forEach((operation, call) -> {
                pc.emulator().faults().failNext(operation, "ThrottlingException", 1);
                assertThatThrownBy(call::run).as(operation).isInstanceOf(
                        software.amazon.awssdk.services.partnercentralselling.model.ThrottlingException.class);
                pc.emulator().faults().failNext(operation, "AccessDeniedException", 1);
                assertThatThrownBy(call::run).as(operation).isInstanceOf(AccessDeniedException.class);
                pc.emulator().faults().failNext(operation, "InternalServerException", 1);
                assertThatThrownBy(call::run).as(operation).isInstanceOf(
                        software.amazon.awssdk.services.partnercentralselling.model.InternalServerException.class);
                // Without a fault an incomplete request is refused by validation, not answered.
                if (!java.util.Set.of("CreateEngagement", "GetSellingSystemSettings", "PutSellingSystemSettings",
                        "ListOpportunityFromEngagementTasks").contains(operation)) {
                    assertThatThrownBy(call::run).as(operation).isInstanceOf(ValidationException.class);
                }
            });
        } finally {
            pc.emulator().faults().clear();
        }
    }
}
