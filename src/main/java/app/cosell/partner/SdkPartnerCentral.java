package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.EngagementInvitation;
import app.cosell.model.FailureKind;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ResourceSnapshotJob;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.AccountSummary;
import software.amazon.awssdk.services.partnercentralselling.model.AddressSummary;
import software.amazon.awssdk.services.partnercentralselling.model.AwsSubmission;
import software.amazon.awssdk.services.partnercentralselling.model.GetOpportunityResponse;
import software.amazon.awssdk.services.partnercentralselling.model.LastModifiedDate;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementFromOpportunityTaskSummary;
import software.amazon.awssdk.services.partnercentralselling.model.ListOpportunitiesRequest;
import software.amazon.awssdk.services.partnercentralselling.model.ListOpportunitiesResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ListTasksSortBase;
import software.amazon.awssdk.services.partnercentralselling.model.OpportunitySort;
import software.amazon.awssdk.services.partnercentralselling.model.ParticipantType;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceType;
import software.amazon.awssdk.services.partnercentralselling.model.SortOrder;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementFromOpportunityTaskResponse;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link PartnerCentral} over the AWS SDK client: maps SDK shapes to model records and SDK errors to failures. */
final class SdkPartnerCentral implements PartnerCentral {

    private static final Logger LOG = LoggerFactory.getLogger(SdkPartnerCentral.class);

    private final PartnerCentralSellingClient client;
    private final Catalog catalog;
    private final String description;
    private final String profile;
    private final ProfileCredentials credentials;
    private final boolean sso;

    SdkPartnerCentral(PartnerCentralSellingClient client, Catalog catalog, String description, String profile,
                      ProfileCredentials credentials, boolean sso) {
        this.sso = sso;
        this.client = client;
        this.catalog = catalog;
        this.description = description;
        this.profile = profile;
        this.credentials = credentials;
    }

    @Override public Catalog catalog() { return catalog; }

    @Override public String describe() { return description + " (" + catalog.wire() + ")"; }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (closed) throw connectionClosed(operation, e);
            PartnerCentralFailure f = SdkFailures.from(e, profile, sso);
            if (f.kind() == FailureKind.SIGN_IN_NEEDED && credentials != null) credentials.rebuild();
            LOG.debug("{} failed: {} {}", operation, f.kind(), f.errorCode());
            throw f;
        } catch (RuntimeException e) {
            // A call racing close() (a reconnect) meets a shut-down client: RejectedExecutionException,
            // IllegalStateException "Connection pool shut down". Typed, so callers retry on the new connection.
            if (closed) throw connectionClosed(operation, e);
            throw e;
        }
    }

    /** Whether {@link #close()} was called. */
    private volatile boolean closed;

    private PartnerCentralFailure connectionClosed(String operation, RuntimeException cause) {
        LOG.debug("{} failed: the connection was closed ({})", operation, cause.getClass().getSimpleName());
        return new PartnerCentralFailure(FailureKind.NETWORK, "ConnectionClosed",
                "The connection to Partner Central was closed while " + operation + " was under way.", null, null,
                List.of(), profile, cause);
    }

    @Override
    public OpportunityPage listOpportunities(OpportunityQuery q, String nextToken, int maxResults) {
        ListOpportunitiesRequest.Builder b = ListOpportunitiesRequest.builder()
                .catalog(catalog.wire())
                .maxResults(Math.max(1, Math.min(100, maxResults)))
                .nextToken(nextToken)
                .sort(OpportunitySort.builder().sortBy(q.sortBy().wire())
                        .sortOrder(q.ascending() ? SortOrder.ASCENDING : SortOrder.DESCENDING).build());
        if (!q.stages().isEmpty()) b.lifeCycleStageWithStrings(q.stages().stream().map(Stage::wire).toList());
        if (!q.reviewStatuses().isEmpty())
            b.lifeCycleReviewStatusWithStrings(q.reviewStatuses().stream().map(ReviewStatus::wire).toList());
        if (!q.companyNames().isEmpty()) b.customerCompanyName(q.companyNames());
        if (!q.identifiers().isEmpty()) b.identifier(q.identifiers());
        if (q.modifiedAfter() != null)
            b.lastModifiedDate(LastModifiedDate.builder().afterLastModifiedDate(q.modifiedAfter()).build());
        ListOpportunitiesResponse r = call("ListOpportunities", () -> client.listOpportunities(b.build()));
        List<OpportunitySummary> rows = r.opportunitySummaries().stream().map(this::summary).toList();
        return new OpportunityPage(rows, r.nextToken());
    }

    private OpportunitySummary summary(software.amazon.awssdk.services.partnercentralselling.model.OpportunitySummary s) {
        var lc = s.lifeCycle();
        AccountSummary acc = s.customer() == null ? null : s.customer().account();
        AddressSummary addr = acc == null ? null : acc.address();
        Money spend = s.project() == null || !s.project().hasExpectedCustomerSpend() || s.project().expectedCustomerSpend().isEmpty()
                ? null : WireValues.money(s.project().expectedCustomerSpend().getFirst());
        return new OpportunitySummary(s.id(), s.arn(), WireValues.catalog(s.catalog(), catalog), s.partnerOpportunityIdentifier(),
                acc == null ? null : acc.companyName(),
                addr == null ? null : addr.countryCodeAsString(),
                null,
                lc == null ? null : Stage.fromWire(lc.stageAsString()), lc == null ? null : lc.stageAsString(),
                lc == null ? null : ReviewStatus.fromWire(lc.reviewStatusAsString()),
                lc == null ? null : lc.reviewStatusAsString(),
                lc == null ? null : WireValues.date(lc.targetCloseDate()),
                spend, s.createdDate(), s.lastModifiedDate(),
                acc == null ? null : OpportunitySummary.industryOf(acc.industryAsString(), acc.otherIndustry()),
                addr == null ? null : addr.city());
    }

    @Override
    public Opportunity getOpportunity(String opportunityId) {
        GetOpportunityResponse r = call("GetOpportunity",
                () -> client.getOpportunity(b -> b.catalog(catalog.wire()).identifier(opportunityId)));
        var acc = r.customer() == null ? null : r.customer().account();
        var addr = acc == null ? null : acc.address();
        Opportunity.Customer customer = acc == null ? null : new Opportunity.Customer(acc.companyName(),
                acc.industryAsString(), acc.otherIndustry(), acc.websiteUrl(),
                addr == null ? null : addr.countryCodeAsString(), addr == null ? null : addr.postalCode(),
                addr == null ? null : addr.stateOrRegion(), addr == null ? null : addr.city(),
                addr == null ? null : addr.streetAddress());
        var p = r.project();
        Opportunity.Project project = p == null ? null : new Opportunity.Project(p.title(), p.customerBusinessProblem(),
                p.customerUseCase(), p.hasDeliveryModels() ? p.deliveryModelsAsStrings() : List.of(),
                p.hasExpectedCustomerSpend() ? p.expectedCustomerSpend().stream().map(WireValues::money).toList() : List.of(),
                p.otherSolutionDescription());
        var lc = r.lifeCycle();
        Opportunity.LifeCycle lifeCycle = lc == null ? null : new Opportunity.LifeCycle(Stage.fromWire(lc.stageAsString()),
                lc.stageAsString(), ReviewStatus.fromWire(lc.reviewStatusAsString()), lc.reviewStatusAsString(),
                WireValues.date(lc.targetCloseDate()), lc.closedLostReasonAsString(), lc.reviewComments(), lc.reviewStatusReason());
        List<String> solutions = r.relatedEntityIdentifiers() != null && r.relatedEntityIdentifiers().hasSolutions()
                ? r.relatedEntityIdentifiers().solutions() : List.of();
        return new Opportunity(r.id(), r.arn(), WireValues.catalog(r.catalog(), catalog), r.partnerOpportunityIdentifier(), customer,
                project, lifeCycle, r.opportunityTypeAsString(), null, r.nationalSecurityAsString(),
                r.marketing() == null ? null : r.marketing().sourceAsString(),
                r.hasPrimaryNeedsFromAws() ? r.primaryNeedsFromAwsAsStrings() : List.of(), solutions,
                r.createdDate(), r.lastModifiedDate(), OpportunityWriter.marketing(r.marketing()));
    }

    // --- the editor's calls (guard & fix) ---------------------------------------------------------------------

    @Override
    public Opportunity updateOpportunity(app.cosell.model.OpportunityUpdate update) {
        return OpportunityWriter.update(client, catalog, update, this::call, this::getOpportunity);
    }

    @Override
    public List<app.cosell.model.Solution> listSolutions() {
        return OpportunityWriter.listSolutions(client, catalog, this::call);
    }

    @Override
    public void associateSolution(String opportunityId, String solutionId) {
        OpportunityWriter.associateSolution(client, catalog, opportunityId, solutionId, this::call);
    }

    @Override
    public TaskAnswer startEngagementTask(StartEngagementRequest request, String clientToken) {
        if (request.catalog() != catalog)
            throw new IllegalArgumentException("Request for catalog " + request.catalog() + " on a " + catalog + " connection");
        AwsSubmission.Builder submission = AwsSubmission.builder().involvementType(request.involvementType().wire());
        if (request.visibility() != null) submission.visibility(request.visibility().wire());
        StartEngagementFromOpportunityTaskResponse r = call("StartEngagementFromOpportunityTask",
                () -> client.startEngagementFromOpportunityTask(b -> {
                    b.catalog(catalog.wire()).clientToken(clientToken).identifier(request.opportunityId())
                            .awsSubmission(submission.build());
                    if (!request.tags().isEmpty()) b.tags(request.tags().stream()
                            .map(t -> software.amazon.awssdk.services.partnercentralselling.model.Tag.builder()
                                    .key(t.key()).value(t.value()).build()).toList());
                }));
        LOG.info("Started engagement task {} for {}: {}", r.taskId(), request.opportunityId(), r.taskStatusAsString());
        return new TaskAnswer(r.taskId(), r.taskArn(), r.startTime(), TaskStatus.fromWire(r.taskStatusAsString()),
                r.taskStatusAsString(), r.opportunityId(), r.engagementId(), r.resourceSnapshotJobId(),
                r.engagementInvitationId(), blankToNull(r.reasonCodeAsString()), r.message());
    }

    private static String blankToNull(String s) {
        // Samples show "ReasonCode": "null" on COMPLETE tasks.
        return s == null || s.isBlank() || s.equals("null") ? null : s;
    }

    private static TaskAnswer answer(ListEngagementFromOpportunityTaskSummary s) {
        return new TaskAnswer(s.taskId(), s.taskArn(), s.startTime(), TaskStatus.fromWire(s.taskStatusAsString()),
                s.taskStatusAsString(), s.opportunityId(), s.engagementId(), s.resourceSnapshotJobId(),
                s.engagementInvitationId(), blankToNull(s.reasonCodeAsString()), s.message());
    }

    @Override
    public List<TaskAnswer> tasksById(String taskId) {
        return call("ListEngagementFromOpportunityTasks", () -> client.listEngagementFromOpportunityTasks(b -> b
                .catalog(catalog.wire()).taskIdentifier(taskId)))
                .taskSummaries().stream().map(SdkPartnerCentral::answer).toList();
    }

    @Override
    public List<TaskAnswer> tasksForOpportunity(String opportunityId) {
        return call("ListEngagementFromOpportunityTasks", () -> client.listEngagementFromOpportunityTasks(b -> b
                .catalog(catalog.wire()).opportunityIdentifier(opportunityId).maxResults(100)
                .sort(ListTasksSortBase.builder().sortBy("StartTime").sortOrder(SortOrder.DESCENDING).build())))
                .taskSummaries().stream().map(SdkPartnerCentral::answer).toList();
    }

    @Override
    public Optional<String> engagementForOpportunity(String opportunityId) {
        return call("ListEngagementResourceAssociations", () -> client.listEngagementResourceAssociations(b -> b
                .catalog(catalog.wire()).resourceType(ResourceType.OPPORTUNITY).resourceIdentifier(opportunityId)))
                .engagementResourceAssociationSummaries().stream()
                .map(a -> a.engagementId()).filter(id -> id != null).findFirst();
    }

    @Override
    public Optional<String> snapshotOfOpportunity(String engagementId, String opportunityId) {
        return call("ListResourceSnapshots", () -> client.listResourceSnapshots(b -> b
                .catalog(catalog.wire()).engagementIdentifier(engagementId)
                .resourceType(ResourceType.OPPORTUNITY).resourceIdentifier(opportunityId)))
                .resourceSnapshotSummaries().stream().map(s -> s.arn() != null ? s.arn() : "revision-" + s.revision())
                .findFirst();
    }

    @Override
    public List<ResourceSnapshotJob> snapshotJobs(String engagementId) {
        return call("ListResourceSnapshotJobs", () -> client.listResourceSnapshotJobs(b -> b
                .catalog(catalog.wire()).engagementIdentifier(engagementId)))
                .resourceSnapshotJobSummaries().stream()
                .map(j -> new ResourceSnapshotJob(j.id(), j.arn(), j.engagementId(), j.statusAsString())).toList();
    }

    @Override
    public List<EngagementInvitation> sentInvitations(String engagementId) {
        return call("ListEngagementInvitations", () -> client.listEngagementInvitations(b -> b
                .catalog(catalog.wire()).participantType(ParticipantType.SENDER).engagementIdentifier(engagementId)))
                .engagementInvitationSummaries().stream()
                .map(i -> new EngagementInvitation(i.id(), i.engagementId(), i.statusAsString(), i.invitationDate()))
                .toList();
    }

    @Override
    public ReviewStatus reviewStatus(String opportunityId) {
        GetOpportunityResponse r = call("GetOpportunity",
                () -> client.getOpportunity(b -> b.catalog(catalog.wire()).identifier(opportunityId)));
        return r.lifeCycle() == null ? null : ReviewStatus.fromWire(r.lifeCycle().reviewStatusAsString());
    }

    // --- AWS referrals ------------------------------------------------------------------------------------------

    @Override
    public List<app.cosell.model.ReceivedInvitation> receivedInvitations(List<String> statuses) {
        List<app.cosell.model.ReceivedInvitation> out = new java.util.ArrayList<>();
        String next = null;
        do {
            String token = next;
            var page = call("ListEngagementInvitations", () -> client.listEngagementInvitations(b -> {
                b.catalog(catalog.wire()).participantType(ParticipantType.RECEIVER).maxResults(100).nextToken(token)
                        .sort(s -> s.sortBy("InvitationDate").sortOrder(SortOrder.DESCENDING));
                if (statuses != null && !statuses.isEmpty()) b.statusWithStrings(statuses);
            }));
            page.engagementInvitationSummaries().forEach(i -> out.add(InvitationShapes.summary(i, catalog)));
            next = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (next != null);
        return out;
    }

    @Override
    public app.cosell.model.ReceivedInvitation receivedInvitation(String invitationId) {
        return InvitationShapes.detail(call("GetEngagementInvitation", () -> client.getEngagementInvitation(b -> b
                .catalog(catalog.wire()).identifier(invitationId))), catalog);
    }

    @Override
    public TaskAnswer startAcceptingInvitationTask(String invitationId, String clientToken,
                                                   List<app.cosell.model.Tag> tags) {
        var r = call("StartEngagementByAcceptingInvitationTask", () -> client.startEngagementByAcceptingInvitationTask(b -> {
            b.catalog(catalog.wire()).clientToken(clientToken).identifier(invitationId);
            if (tags != null && !tags.isEmpty()) b.tags(tags.stream()
                    .map(t -> software.amazon.awssdk.services.partnercentralselling.model.Tag.builder()
                            .key(t.key()).value(t.value()).build()).toList());
        }));
        LOG.info("Started acceptance task {} for invitation {}: {}", r.taskId(), invitationId, r.taskStatusAsString());
        return InvitationShapes.answer(r);
    }

    @Override
    public List<TaskAnswer> acceptanceTasksById(String taskId) {
        return call("ListEngagementByAcceptingInvitationTasks", () -> client.listEngagementByAcceptingInvitationTasks(b -> b
                .catalog(catalog.wire()).taskIdentifier(taskId)))
                .taskSummaries().stream().map(InvitationShapes::answer).toList();
    }

    @Override
    public List<TaskAnswer> acceptanceTasksForInvitation(String invitationId) {
        return call("ListEngagementByAcceptingInvitationTasks", () -> client.listEngagementByAcceptingInvitationTasks(b -> b
                .catalog(catalog.wire()).engagementInvitationIdentifier(invitationId).maxResults(100)
                .sort(ListTasksSortBase.builder().sortBy("StartTime").sortOrder(SortOrder.DESCENDING).build())))
                .taskSummaries().stream().map(InvitationShapes::answer).toList();
    }

    @Override
    public void rejectInvitation(String invitationId, String reason) {
        call("RejectEngagementInvitation", () -> client.rejectEngagementInvitation(b -> b.catalog(catalog.wire())
                .identifier(invitationId).rejectionReason(reason == null || reason.isBlank() ? null : reason)));
        LOG.info("Rejected invitation {}", invitationId);
    }

    @Override
    public app.cosell.model.AwsOpportunitySummary awsOpportunitySummary(String opportunityId) {
        var r = call("GetAwsOpportunitySummary", () -> client.getAwsOpportunitySummary(
                b -> b.catalog(catalog.wire()).relatedOpportunityIdentifier(opportunityId)));
        var lc = r.lifeCycle();
        List<app.cosell.model.AwsOpportunitySummary.NextStep> history = lc == null || !lc.hasNextStepsHistory()
                ? List.of() : lc.nextStepsHistory().stream()
                .map(h -> new app.cosell.model.AwsOpportunitySummary.NextStep(h.value(), h.time())).toList();
        List<app.cosell.model.AwsOpportunitySummary.AwsTeamMember> team = !r.hasOpportunityTeam() ? List.of()
                : r.opportunityTeam().stream().map(m -> new app.cosell.model.AwsOpportunitySummary.AwsTeamMember(
                        m.firstName(), m.lastName(), m.email(), m.businessTitleAsString())).toList();
        var insights = r.insights();
        return new app.cosell.model.AwsOpportunitySummary(r.relatedOpportunityId(), r.originAsString(),
                r.involvementTypeAsString(), r.visibilityAsString(), r.involvementTypeChangeReasonAsString(),
                lc == null ? null : lc.stageAsString(), lc == null ? null : WireValues.date(lc.targetCloseDate()),
                lc == null ? null : lc.closedLostReasonAsString(), lc == null ? null : lc.nextSteps(), history, team,
                insights == null ? null : insights.engagementScoreAsString(),
                insights == null ? null : insights.nextBestActions());
    }

    @Override
    public void close() {
        closed = true;
        client.close();
        if (credentials != null) credentials.close();
    }
}
