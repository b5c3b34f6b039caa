package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementFromOpportunityTaskSummary;
import software.amazon.awssdk.services.partnercentralselling.model.ParticipantType;
import software.amazon.awssdk.services.partnercentralselling.model.ReasonCode;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceSnapshotJobStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.SalesInvolvementType;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementFromOpportunityTaskResponse;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;
import software.amazon.awssdk.services.partnercentralselling.model.Visibility;

/** StartEngagementFromOpportunityTask end to end with the Java SDK: completion, evidence, every failure path. */
class EngagementTaskTest {

    private static final String SANDBOX = "Sandbox";
    private static int tokens;

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(40).resetBeforeEach();

    private static StartEngagementFromOpportunityTaskResponse start(String catalog, String opportunityId) {
        return start(catalog, opportunityId, "token-" + (++tokens), SalesInvolvementType.CO_SELL);
    }

    private static StartEngagementFromOpportunityTaskResponse start(String catalog, String opportunityId, String token,
                                                                    SalesInvolvementType involvement) {
        return pc.client().startEngagementFromOpportunityTask(r -> r.catalog(catalog).identifier(opportunityId)
                .clientToken(token).awsSubmission(s -> s.involvementType(involvement).visibility(Visibility.FULL)));
    }

    @Test
    void submittableOpportunityCompletesWithEngagementInvitationAndJob() {
        String id = SeededScenario.SUBMITTABLE.id(SANDBOX);
        StartEngagementFromOpportunityTaskResponse started = start(SANDBOX, id);

        assertThat(started.taskId()).matches("task-[0-9a-z]{13}");
        assertThat(started.taskArn()).isEqualTo("arn:aws:partnercentral:us-east-1::catalog/Sandbox/"
                + "engagement-from-opportunity-task/" + started.taskId());
        assertThat(started.opportunityId()).isEqualTo(id);
        assertThat(started.startTime()).isNotNull();
        ListEngagementFromOpportunityTaskSummary done = TaskAwait.finished(pc.client(), SANDBOX, started.taskId());

        assertThat(done.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.engagementId()).matches("eng-[0-9a-z]{14}");
        assertThat(done.engagementInvitationId()).matches("engi-[0-9a-z]{13}");
        assertThat(done.resourceSnapshotJobId()).matches("job-[0-9a-z]{13}");
        assertThat(done.reasonCode()).isNull();
        assertThat(pc.client().getOpportunity(r -> r.catalog(SANDBOX).identifier(id)).lifeCycle().reviewStatus())
                .isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(pc.client().getAwsOpportunitySummary(r -> r.catalog(SANDBOX).relatedOpportunityIdentifier(id))
                .involvementType()).isEqualTo(SalesInvolvementType.CO_SELL);
    }

    @Test
    void eachStepLeavesItsEvidenceWhileTheTaskRuns() throws Exception {
        BlockingQueue<TaskStep> arrived = new LinkedBlockingQueue<>();
        Semaphore go = new Semaphore(0);
        pc.emulator().setStepObserver((taskId, step) -> {
            arrived.put(step);
            go.acquire();
        });
        String id = SeededScenario.SUBMITTABLE_SECOND.id(SANDBOX);
        String taskId = start(SANDBOX, id).taskId();

        assertThat(arrived.poll(10, TimeUnit.SECONDS)).isEqualTo(TaskStep.GET_OPPORTUNITY);
        assertThat(TaskAwait.task(pc.client(), SANDBOX, taskId).taskStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        go.release();
        assertThat(arrived.poll(10, TimeUnit.SECONDS)).isEqualTo(TaskStep.CREATE_ENGAGEMENT);
        assertThat(pc.client().listEngagementResourceAssociations(r -> r.catalog(SANDBOX).resourceIdentifier(id))
                .engagementResourceAssociationSummaries()).isEmpty();
        go.release();

        assertThat(arrived.poll(10, TimeUnit.SECONDS)).isEqualTo(TaskStep.CREATE_RESOURCE_SNAPSHOT);
        var associations = pc.client().listEngagementResourceAssociations(r -> r.catalog(SANDBOX)
                .resourceIdentifier(id)).engagementResourceAssociationSummaries();
        assertThat(associations).hasSize(1);
        String engagementId = associations.getFirst().engagementId();
        assertThat(pc.client().getEngagement(r -> r.catalog(SANDBOX).identifier(engagementId)).contexts().getFirst()
                .typeAsString()).isEqualTo("CustomerProject");
        assertThat(pc.client().listEngagements(r -> r.catalog(SANDBOX).engagementIdentifier(engagementId))
                .engagementSummaryList()).hasSize(1);
        assertThat(TaskAwait.task(pc.client(), SANDBOX, taskId).engagementId()).as("ids only once COMPLETE").isNull();
        go.release();

        assertThat(arrived.poll(10, TimeUnit.SECONDS)).isEqualTo(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB);
        assertThat(pc.client().listResourceSnapshots(r -> r.catalog(SANDBOX).engagementIdentifier(engagementId))
                .resourceSnapshotSummaries()).singleElement()
                .satisfies(s -> assertThat(s.resourceId()).isEqualTo(id));
        go.release();

        assertThat(arrived.poll(10, TimeUnit.SECONDS)).isEqualTo(TaskStep.CREATE_ENGAGEMENT_INVITATION);
        var jobs = pc.client().listResourceSnapshotJobs(r -> r.catalog(SANDBOX).engagementIdentifier(engagementId))
                .resourceSnapshotJobSummaries();
        assertThat(jobs).singleElement().satisfies(j -> assertThat(j.status())
                .isEqualTo(ResourceSnapshotJobStatus.RUNNING));
        assertThat(pc.client().getResourceSnapshotJob(r -> r.catalog(SANDBOX)
                .resourceSnapshotJobIdentifier(jobs.getFirst().id())).resourceId()).isEqualTo(id);
        go.release();

        assertThat(arrived.poll(10, TimeUnit.SECONDS)).isEqualTo(TaskStep.SUBMIT_OPPORTUNITY);
        assertThat(pc.client().listEngagementInvitations(r -> r.catalog(SANDBOX).participantType(ParticipantType.SENDER)
                .engagementIdentifier(engagementId)).engagementInvitationSummaries()).hasSize(1);
        assertThat(pc.client().getOpportunity(r -> r.catalog(SANDBOX).identifier(id)).lifeCycle().reviewStatus())
                .isEqualTo(ReviewStatus.PENDING_SUBMISSION);
        assertThat(TaskAwait.task(pc.client(), SANDBOX, taskId).taskStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        go.release();

        ListEngagementFromOpportunityTaskSummary done = TaskAwait.finished(pc.client(), SANDBOX, taskId);
        assertThat(done.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.engagementId()).isEqualTo(engagementId);
        assertThat(pc.client().getOpportunity(r -> r.catalog(SANDBOX).identifier(id)).lifeCycle().reviewStatus())
                .isEqualTo(ReviewStatus.SUBMITTED);
    }

    @Test
    void opportunityWithAnEngagementCompletesWithItAndWithoutInvitation() {
        String id = SeededScenario.EXISTING_ENGAGEMENT.id("AWS");
        String existing = pc.client().listEngagementResourceAssociations(r -> r.catalog("AWS").resourceIdentifier(id))
                .engagementResourceAssociationSummaries().getFirst().engagementId();

        ListEngagementFromOpportunityTaskSummary done =
                TaskAwait.finished(pc.client(), "AWS", start("AWS", id).taskId());

        assertThat(done.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.engagementId()).isEqualTo(existing);
        assertThat(done.engagementInvitationId()).isNull();
        assertThat(done.resourceSnapshotJobId()).isNotNull();
    }

    @Test
    void actionRequiredOpportunityCanBeResubmitted() {
        String id = SeededScenario.ACTION_REQUIRED.id(SANDBOX);
        assertThat(TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id).taskId()).taskStatus())
                .isEqualTo(TaskStatus.COMPLETE);
    }

    static Stream<Arguments> failingScenarios() {
        return Stream.of(
                Arguments.of(SeededScenario.MISSING_WEBSITE, "OpportunityValidationFailed",
                        "Customer.Account.WebsiteUrl is missing"),
                Arguments.of(SeededScenario.MISSING_INDUSTRY, "OpportunityValidationFailed",
                        "Customer.Account.Industry is missing"),
                Arguments.of(SeededScenario.MISSING_ADDRESS, "OpportunityValidationFailed",
                        "Customer.Account.Address.PostalCode is missing"),
                Arguments.of(SeededScenario.MISSING_BUSINESS_PROBLEM, "OpportunityValidationFailed",
                        "Project.CustomerBusinessProblem is missing"),
                Arguments.of(SeededScenario.MISSING_DELIVERY_AND_SPEND, "OpportunityValidationFailed",
                        "Project.DeliveryModels is missing; Project.ExpectedCustomerSpend is missing"),
                Arguments.of(SeededScenario.MISSING_MARKETING_AND_NEEDS, "OpportunityValidationFailed",
                        "Marketing.Source is missing"),
                Arguments.of(SeededScenario.NO_SOLUTION, "OpportunityValidationFailed", "no partner solution is linked"),
                Arguments.of(SeededScenario.PAST_TARGET_DATE, "OpportunityValidationFailed", "is in the past"),
                Arguments.of(SeededScenario.STATE_ABBREVIATED, "OpportunityValidationFailed",
                        "'NY' must be a full US state name"),
                Arguments.of(SeededScenario.ALREADY_SUBMITTED, "OpportunityConflict", "its review status is Submitted"),
                Arguments.of(SeededScenario.IN_REVIEW, "OpportunityConflict", "its review status is In review"),
                Arguments.of(SeededScenario.APPROVED, "OpportunityConflict", "its review status is Approved"),
                Arguments.of(SeededScenario.REJECTED, "OpportunityConflict", "its review status is Rejected"),
                Arguments.of(SeededScenario.CLOSED_LOST, "OpportunityConflict", "its stage is Closed Lost"));
    }

    @ParameterizedTest
    @MethodSource("failingScenarios")
    void unsubmittableScenariosFailWithTheMatchingReasonCode(SeededScenario scenario, String code, String message) {
        for (String catalog : List.of("AWS", SANDBOX)) {
            String id = scenario.id(catalog);
            ListEngagementFromOpportunityTaskSummary done =
                    TaskAwait.finished(pc.client(), catalog, start(catalog, id).taskId());

            assertThat(done.taskStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(done.reasonCodeAsString()).isEqualTo(code);
            assertThat(done.message()).contains(id).contains(message);
            assertThat(done.engagementId()).isNull();
        }
    }

    @Test
    void validationFailureHappensBeforeAnythingIsCreated() {
        String id = SeededScenario.MISSING_WEBSITE.id(SANDBOX);
        TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id).taskId());
        assertThat(pc.client().listEngagementResourceAssociations(r -> r.catalog(SANDBOX).resourceIdentifier(id))
                .engagementResourceAssociationSummaries()).isEmpty();
    }

    @Test
    void secondSubmissionOfASubmittedOpportunityFails() {
        String id = SeededScenario.SUBMITTABLE_COMMITTED.id(SANDBOX);
        assertThat(TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id).taskId()).taskStatus())
                .isEqualTo(TaskStatus.COMPLETE);

        ListEngagementFromOpportunityTaskSummary again = TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id)
                .taskId());

        assertThat(again.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(again.reasonCodeAsString()).isEqualTo("OpportunityConflict");
        assertThat(again.message()).contains("Submitted");
    }

    static Stream<String> allReasonCodes() {
        return Stream.concat(Stream.of(TaskStep.values()).flatMap(step -> step.reasonCodes.stream()),
                TaskStep.ANY_STEP.stream());
    }

    @ParameterizedTest
    @MethodSource("allReasonCodes")
    void everyReasonCodeCanBeForced(String code) {
        String id = SeededScenario.SUBMITTABLE.id(SANDBOX);
        pc.emulator().faults().failTask(id, code, null, 1);

        ListEngagementFromOpportunityTaskSummary done = TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id)
                .taskId());

        assertThat(done.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.reasonCodeAsString()).isEqualTo(code);
        assertThat(done.reasonCode().toString()).isEqualTo(code).as("known to SDK 2.40.2");
        assertThat(done.message()).contains("(injected fault)");
    }

    @Test
    void anUnlistedReasonCodeReachesTheWireAsGivenOnlyWhenAskedFor() throws Exception {
        String id = SeededScenario.SUBMITTABLE.id(SANDBOX);
        assertThatThrownBy(() -> pc.emulator().faults().replace(
                "{\"tasks\":[{\"reasonCode\":\"EngagementConflcit\"}]}"))
                .as("a typo is refused").isInstanceOf(IllegalArgumentException.class);
        pc.emulator().faults().replace("{\"tasks\":[{\"opportunityId\":\"" + id + "\",\"reasonCode\":\"BrandNewReason\","
                + "\"unlisted\":true,\"step\":\"CreateResourceSnapshot\",\"next\":1}]}");
        assertThat(pc.emulator().faults().toJson()).contains("\"unlisted\" : true");

        ListEngagementFromOpportunityTaskSummary done = TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id)
                .taskId());

        assertThat(done.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(done.reasonCodeAsString()).isEqualTo("BrandNewReason");
        assertThat(done.reasonCode()).as("unknown to SDK 2.40.2").isEqualTo(ReasonCode.UNKNOWN_TO_SDK_VERSION);
        assertThat(pc.client().listEngagementResourceAssociations(r -> r.catalog(SANDBOX).resourceIdentifier(id))
                .engagementResourceAssociationSummaries()).as("the steps before it ran").hasSize(1);
    }

    @Test
    void forcedFailureAtALaterStepLeavesTheEarlierStepsEvidence() {
        String id = SeededScenario.SUBMITTABLE.id(SANDBOX);
        pc.emulator().faults().failTask(id, "InternalError", "CreateEngagementInvitation", 1);

        ListEngagementFromOpportunityTaskSummary done = TaskAwait.finished(pc.client(), SANDBOX, start(SANDBOX, id)
                .taskId());

        assertThat(done.reasonCodeAsString()).isEqualTo("InternalError");
        String engagementId = pc.client().listEngagementResourceAssociations(r -> r.catalog(SANDBOX)
                .resourceIdentifier(id)).engagementResourceAssociationSummaries().getFirst().engagementId();
        assertThat(pc.client().listResourceSnapshotJobs(r -> r.catalog(SANDBOX).engagementIdentifier(engagementId))
                .resourceSnapshotJobSummaries()).hasSize(1);
        assertThat(pc.client().listEngagementInvitations(r -> r.catalog(SANDBOX).participantType(ParticipantType.SENDER)
                .engagementIdentifier(engagementId)).engagementInvitationSummaries()).isEmpty();
        assertThat(pc.client().getOpportunity(r -> r.catalog(SANDBOX).identifier(id)).lifeCycle().reviewStatus())
                .isEqualTo(ReviewStatus.PENDING_SUBMISSION);
    }

    @Test
    void instantModeCompletesInsideTheStartCall() {
        pc.emulator().setInstant(true);
        StartEngagementFromOpportunityTaskResponse started = start(SANDBOX, SeededScenario.SUBMITTABLE.id(SANDBOX));

        assertThat(started.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(started.engagementId()).isNotNull();
        assertThat(started.engagementInvitationId()).isNotNull();
        assertThat(started.resourceSnapshotJobId()).isNotNull();

        StartEngagementFromOpportunityTaskResponse failed = start(SANDBOX, SeededScenario.NO_SOLUTION.id(SANDBOX));
        assertThat(failed.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.reasonCodeAsString()).isEqualTo("OpportunityValidationFailed");
    }

    @Test
    void startingTwiceWithSameTokenReturnsTheSameTask() {
        String id = SeededScenario.SUBMITTABLE.id(SANDBOX);
        StartEngagementFromOpportunityTaskResponse first = start(SANDBOX, id, "same-token", SalesInvolvementType.CO_SELL);
        StartEngagementFromOpportunityTaskResponse second = start(SANDBOX, id, "same-token", SalesInvolvementType.CO_SELL);

        assertThat(second.taskId()).isEqualTo(first.taskId());
        assertThat(pc.client().listEngagementFromOpportunityTasks(r -> r.catalog(SANDBOX).opportunityIdentifier(id))
                .taskSummaries()).hasSize(1);
    }

    @Test
    void sameTokenWithADifferentRequestIsAConflict() {
        start(SANDBOX, SeededScenario.SUBMITTABLE.id(SANDBOX), "reused", SalesInvolvementType.CO_SELL);

        assertThatThrownBy(() -> start(SANDBOX, SeededScenario.SUBMITTABLE.id(SANDBOX), "reused",
                SalesInvolvementType.FOR_VISIBILITY_ONLY))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Conflicting client token submitted for a new request body.");
    }

    @Test
    void aSecondTaskWhileOneRunsIsAConflict() throws Exception {
        Semaphore go = new Semaphore(0);
        pc.emulator().setStepObserver((taskId, step) -> go.acquire());
        String id = SeededScenario.SUBMITTABLE.id(SANDBOX);
        String first = start(SANDBOX, id).taskId();

        assertThatThrownBy(() -> start(SANDBOX, id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(first);
        go.release(10);
        pc.emulator().setStepObserver(null);
        assertThat(TaskAwait.finished(pc.client(), SANDBOX, first).taskStatus()).isEqualTo(TaskStatus.COMPLETE);
    }

    @Test
    void unknownOpportunityIsResourceNotFound() {
        assertThatThrownBy(() -> start(SANDBOX, "O999999999"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("O999999999");
    }

    @Test
    void catalogsAreSeparate() {
        String awsId = SeededScenario.SUBMITTABLE.id("AWS");
        assertThatThrownBy(() -> start(SANDBOX, awsId)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tasksAreListedByStatusOpportunityEngagementAndPaged() {
        pc.emulator().setInstant(true);
        String ok = SeededScenario.SUBMITTABLE.id(SANDBOX);
        String bad = SeededScenario.NO_SOLUTION.id(SANDBOX);
        StartEngagementFromOpportunityTaskResponse completed = start(SANDBOX, ok);
        start(SANDBOX, bad);
        start(SANDBOX, SeededScenario.MISSING_INDUSTRY.id(SANDBOX));

        assertThat(pc.client().listEngagementFromOpportunityTasks(r -> r.catalog(SANDBOX).taskStatus(TaskStatus.FAILED))
                .taskSummaries()).hasSize(2);
        assertThat(pc.client().listEngagementFromOpportunityTasks(r -> r.catalog(SANDBOX)
                .engagementIdentifier(completed.engagementId())).taskSummaries()).singleElement()
                .satisfies(t -> assertThat(t.taskId()).isEqualTo(completed.taskId()));
        assertThat(pc.client().listEngagementFromOpportunityTasks(r -> r.catalog(SANDBOX)
                .taskIdentifier(completed.taskArn())).taskSummaries()).hasSize(1);
        String oitForm = "oit-" + completed.taskId().substring(5);
        assertThat(pc.client().listEngagementFromOpportunityTasks(r -> r.catalog(SANDBOX).taskIdentifier(oitForm))
                .taskSummaries()).hasSize(1);
        var ascending = pc.client().listEngagementFromOpportunityTasksPaginator(r -> r.catalog(SANDBOX).maxResults(1)
                .sort(s -> s.sortBy("StartTime").sortOrder("ASCENDING"))).taskSummaries().stream().toList();
        assertThat(ascending).hasSize(3);
        assertThat(ascending).isSortedAccordingTo(java.util.Comparator.comparing(
                ListEngagementFromOpportunityTaskSummary::startTime));
        assertThat(ascending).extracting(ListEngagementFromOpportunityTaskSummary::taskId).doesNotHaveDuplicates();
    }
}
