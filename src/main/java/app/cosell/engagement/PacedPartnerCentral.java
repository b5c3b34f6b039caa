package app.cosell.engagement;

import app.cosell.model.Catalog;
import app.cosell.model.EngagementInvitation;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.ResourceSnapshotJob;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskAnswer;
import app.cosell.partner.PartnerCentral;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection whose every call first waits its turn in the {@link CallBudget} (10 reads/s, 1 write/s, the day's
 * budgets): the app wraps its gateway in this once, so no screen or command can bypass the quotas. Each method names
 * the service operation it sends. The methods are alike by design (wait for the operation's turn, then forward): the
 * one thing each says is which operation it is, so they are written out rather than routed through a helper.
 */
public final class PacedPartnerCentral implements PartnerCentral {

    private final PartnerCentral delegate;
    private final CallBudget budget;

    public PacedPartnerCentral(PartnerCentral delegate, CallBudget budget) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public CallBudget budget() { return budget; }

    /** The gateway underneath (to reach what only it offers). */
    public PartnerCentral unwrapped() { return delegate; }

    @Override public Catalog catalog() { return delegate.catalog(); }

    @Override public String describe() { return delegate.describe(); }

    @Override
    public OpportunityPage listOpportunities(OpportunityQuery query, String nextToken, int maxResults) {
        budget.acquire("ListOpportunities");
        return delegate.listOpportunities(query, nextToken, maxResults);
    }

    @Override
    public Opportunity getOpportunity(String opportunityId) {
        budget.acquire("GetOpportunity");
        return delegate.getOpportunity(opportunityId);
    }

    @Override
    public TaskAnswer startEngagementTask(StartEngagementRequest request, String clientToken) {
        budget.acquire("StartEngagementFromOpportunityTask");
        return delegate.startEngagementTask(request, clientToken);
    }

    @Override
    public List<TaskAnswer> tasksById(String taskId) {
        budget.acquire("ListEngagementFromOpportunityTasks");
        return delegate.tasksById(taskId);
    }

    @Override
    public List<TaskAnswer> tasksForOpportunity(String opportunityId) {
        budget.acquire("ListEngagementFromOpportunityTasks");
        return delegate.tasksForOpportunity(opportunityId);
    }

    @Override
    public Optional<String> engagementForOpportunity(String opportunityId) {
        budget.acquire("ListEngagementResourceAssociations");
        return delegate.engagementForOpportunity(opportunityId);
    }

    @Override
    public Optional<String> snapshotOfOpportunity(String engagementId, String opportunityId) {
        budget.acquire("ListResourceSnapshots");
        return delegate.snapshotOfOpportunity(engagementId, opportunityId);
    }

    @Override
    public List<ResourceSnapshotJob> snapshotJobs(String engagementId) {
        budget.acquire("ListResourceSnapshotJobs");
        return delegate.snapshotJobs(engagementId);
    }

    @Override
    public List<EngagementInvitation> sentInvitations(String engagementId) {
        budget.acquire("ListEngagementInvitations");
        return delegate.sentInvitations(engagementId);
    }

    @Override
    public ReviewStatus reviewStatus(String opportunityId) {
        budget.acquire("GetOpportunity");
        return delegate.reviewStatus(opportunityId);
    }

    @Override
    public app.cosell.model.AwsOpportunitySummary awsOpportunitySummary(String opportunityId) {
        budget.acquire("GetAwsOpportunitySummary");
        return delegate.awsOpportunitySummary(opportunityId);
    }

    /** A read of the current record, the update, and an AssociateOpportunity when the solution changed. */
    @Override
    public Opportunity updateOpportunity(app.cosell.model.OpportunityUpdate update) {
        budget.acquire("GetOpportunity");
        budget.acquire("UpdateOpportunity");
        if (update.touched().contains(app.cosell.model.EditableField.SOLUTION)) budget.acquire("AssociateOpportunity");
        budget.acquire("GetOpportunity");
        return delegate.updateOpportunity(update);
    }

    @Override
    public List<app.cosell.model.Solution> listSolutions() {
        budget.acquire("ListSolutions");
        return delegate.listSolutions();
    }

    @Override
    public void associateSolution(String opportunityId, String solutionId) {
        budget.acquire("AssociateOpportunity");
        delegate.associateSolution(opportunityId, solutionId);
    }

    @Override
    public List<app.cosell.model.ReceivedInvitation> receivedInvitations(List<String> statuses) {
        budget.acquire("ListEngagementInvitations");
        return delegate.receivedInvitations(statuses);
    }

    @Override
    public app.cosell.model.ReceivedInvitation receivedInvitation(String invitationId) {
        budget.acquire("GetEngagementInvitation");
        return delegate.receivedInvitation(invitationId);
    }

    @Override
    public TaskAnswer startAcceptingInvitationTask(String invitationId, String clientToken,
                                                   List<app.cosell.model.Tag> tags) {
        budget.acquire("StartEngagementByAcceptingInvitationTask");
        return delegate.startAcceptingInvitationTask(invitationId, clientToken, tags);
    }

    @Override
    public List<TaskAnswer> acceptanceTasksById(String taskId) {
        budget.acquire("ListEngagementByAcceptingInvitationTasks");
        return delegate.acceptanceTasksById(taskId);
    }

    @Override
    public List<TaskAnswer> acceptanceTasksForInvitation(String invitationId) {
        budget.acquire("ListEngagementByAcceptingInvitationTasks");
        return delegate.acceptanceTasksForInvitation(invitationId);
    }

    @Override
    public void rejectInvitation(String invitationId, String reason) {
        budget.acquire("RejectEngagementInvitation");
        delegate.rejectInvitation(invitationId, reason);
    }

    @Override
    public void close() { delegate.close(); }
}
