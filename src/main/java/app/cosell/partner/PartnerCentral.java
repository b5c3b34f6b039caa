package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.EngagementInvitation;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ResourceSnapshotJob;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskAnswer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The console's view of Partner Central Selling over one connection (one catalog, one set of credentials): the
 * calls the console makes, in model terms. Every method blocks, and every failure is a {@link PartnerCentralFailure}
 * with its {@link app.cosell.model.FailureKind}; no SDK type crosses this boundary. Obtain one from
 * {@link Connections}; close it when the connection changes.
 */
public interface PartnerCentral extends AutoCloseable {

    /** The catalog every call acts on. */
    Catalog catalog();

    /** A short description of the connection for the status bar and diagnostics ("profile sales-sso", "emulator"). */
    String describe();

    /**
     * One page of opportunities, filtered and sorted by the service.
     *
     * @param nextToken  null for the first page, else {@link OpportunityPage#nextToken()} of the previous page
     * @param maxResults 1..100
     */
    OpportunityPage listOpportunities(OpportunityQuery query, String nextToken, int maxResults);

    /**
     * Every page of a search, fetched lazily as the stream is consumed (stop consuming to stop fetching). Each
     * page is one ListOpportunities call; failures surface as {@link PartnerCentralFailure} from the stream.
     */
    default Stream<OpportunityPage> pages(OpportunityQuery query, int pageSize) {
        OpportunityPage first = listOpportunities(query, null, pageSize);
        return Stream.iterate(first, Objects::nonNull,
                page -> page.hasMore() ? listOpportunities(query, page.nextToken(), pageSize) : null);
    }

    /** GetOpportunity. */
    Opportunity getOpportunity(String opportunityId);

    /**
     * StartEngagementFromOpportunityTask with the given ClientToken. The SDK's own retries of this call re-send the
     * same token; choosing the token is the caller's job (see the engagement start policy).
     */
    TaskAnswer startEngagementTask(StartEngagementRequest request, String clientToken);

    /** ListEngagementFromOpportunityTasks filtered by TaskIdentifier (the only way to poll a task). */
    List<TaskAnswer> tasksById(String taskId);

    /** ListEngagementFromOpportunityTasks filtered by OpportunityIdentifier, newest first (first page). */
    List<TaskAnswer> tasksForOpportunity(String opportunityId);

    // --- evidence of a task's steps -------------------------------------------------------------------------

    /** The engagement the opportunity is associated with (ListEngagementResourceAssociations), if any. */
    Optional<String> engagementForOpportunity(String opportunityId);

    /** The ARN of the opportunity's resource snapshot in the engagement (ListResourceSnapshots), if any. */
    Optional<String> snapshotOfOpportunity(String engagementId, String opportunityId);

    /** The engagement's resource snapshot jobs (ListResourceSnapshotJobs, first page). */
    List<ResourceSnapshotJob> snapshotJobs(String engagementId);

    /** The invitations the partner sent for the engagement (ListEngagementInvitations as SENDER, first page). */
    List<EngagementInvitation> sentInvitations(String engagementId);

    /** The opportunity's {@code LifeCycle.ReviewStatus} (GetOpportunity), or null if the service sent none. */
    ReviewStatus reviewStatus(String opportunityId);

    /**
     * AWS's view of a submitted opportunity (GetAwsOpportunitySummary); a {@link app.cosell.model.FailureKind#NOT_FOUND}
     * failure while the opportunity has not been submitted.
     */
    app.cosell.model.AwsOpportunitySummary awsOpportunitySummary(String opportunityId);
    // --- fixing an opportunity before it is submitted (the editor) -------------------------------------------

    /**
     * UpdateOpportunity as the API requires it: the whole current record is sent back with only the rep's touched
     * fields replaced (the service clears what is omitted), guarded by the {@code LastModifiedDate} the rep's copy was
     * read at — a record changed since then is a CONFLICT failure, and nothing is written. A touched
     * {@link app.cosell.model.EditableField#SOLUTION} links the new solutions with AssociateOpportunity after the
     * update. Returns the record as saved (GetOpportunity).
     */
    Opportunity updateOpportunity(app.cosell.model.OpportunityUpdate update);

    /** The partner's Active solutions (ListSolutions, every page), to link one with an opportunity. */
    List<app.cosell.model.Solution> listSolutions();

    /** AssociateOpportunity with RelatedEntityType Solutions. */
    void associateSolution(String opportunityId, String solutionId);

    // --- AWS referrals: engagement invitations AWS sent to the partner ------------------------------------------

    /**
     * The invitations AWS sent (ListEngagementInvitations, participant RECEIVER, every page), newest first; only
     * those in {@code statuses} when it is not empty.
     */
    List<app.cosell.model.ReceivedInvitation> receivedInvitations(List<String> statuses);

    /** GetEngagementInvitation: the invitation with everything it carries. */
    app.cosell.model.ReceivedInvitation receivedInvitation(String invitationId);

    /**
     * StartEngagementByAcceptingInvitationTask with the given ClientToken (chosen by the start policy, as for
     * {@link #startEngagementTask}).
     */
    TaskAnswer startAcceptingInvitationTask(String invitationId, String clientToken,
                                                    List<app.cosell.model.Tag> tags);

    /** ListEngagementByAcceptingInvitationTasks filtered by TaskIdentifier. */
    List<TaskAnswer> acceptanceTasksById(String taskId);

    /** ListEngagementByAcceptingInvitationTasks filtered by EngagementInvitationIdentifier, newest first. */
    List<TaskAnswer> acceptanceTasksForInvitation(String invitationId);

    /** RejectEngagementInvitation; {@code reason} (1..80 characters) may be null. */
    void rejectInvitation(String invitationId, String reason);

    /** Releases the HTTP client. */
    @Override
    void close();
}
