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

    // --- AWS referrals: engagement invitations AWS sent to the partner ------------------------------------------

    /**
     * The invitations AWS sent (ListEngagementInvitations, participant RECEIVER, every page), newest first; only
     * those in {@code statuses} when it is not empty.
     */
    default List<app.cosell.model.ReceivedInvitation> receivedInvitations(List<String> statuses) {
        throw new UnsupportedOperationException("receivedInvitations");
    }

    /** GetEngagementInvitation: the invitation with everything it carries. */
    default app.cosell.model.ReceivedInvitation receivedInvitation(String invitationId) {
        throw new UnsupportedOperationException("receivedInvitation");
    }

    /**
     * StartEngagementByAcceptingInvitationTask with the given ClientToken (chosen by the start policy, as for
     * {@link #startEngagementTask}).
     */
    default TaskAnswer startAcceptingInvitationTask(String invitationId, String clientToken,
                                                    List<app.cosell.model.Tag> tags) {
        throw new UnsupportedOperationException("startAcceptingInvitationTask");
    }

    /** ListEngagementByAcceptingInvitationTasks filtered by TaskIdentifier. */
    default List<TaskAnswer> acceptanceTasksById(String taskId) {
        throw new UnsupportedOperationException("acceptanceTasksById");
    }

    /** ListEngagementByAcceptingInvitationTasks filtered by EngagementInvitationIdentifier, newest first. */
    default List<TaskAnswer> acceptanceTasksForInvitation(String invitationId) {
        throw new UnsupportedOperationException("acceptanceTasksForInvitation");
    }

    /** RejectEngagementInvitation; {@code reason} (1..80 characters) may be null. */
    default void rejectInvitation(String invitationId, String reason) {
        throw new UnsupportedOperationException("rejectInvitation");
    }

    /** Releases the HTTP client. */
    @Override
    void close();
}
