package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one catalog ({@code AWS} or {@code Sandbox}) holds. The catalogs are separate worlds, as in
 * the real service. Records are immutable and kept in concurrent collections, so reads need no lock;
 * compound writes are serialised by {@link PartnerCentralState}.
 */
final class CatalogState {

    /** What a ClientToken was first used for: the request (minus the token) and the resource it produced. */
    record ClientTokenUse(String operation, JsonNode request, String resultId) {
    }

    final String name;
    final Map<String, Opportunity> opportunities = new ConcurrentHashMap<>();
    final Map<String, Solution> solutions = new ConcurrentHashMap<>();
    final Map<String, Engagement> engagements = new ConcurrentHashMap<>();
    final List<ResourceAssociation> associations = new CopyOnWriteArrayList<>();
    final List<ResourceSnapshot> snapshots = new CopyOnWriteArrayList<>();
    final Map<String, SnapshotJob> jobs = new ConcurrentHashMap<>();
    final Map<String, Invitation> invitations = new ConcurrentHashMap<>();
    final Map<String, EngagementTask> tasks = new ConcurrentHashMap<>();
    final Map<String, ClientTokenUse> clientTokens = new ConcurrentHashMap<>();
    /** Tags by resource ARN. */
    final Map<String, List<Tag>> tags = new ConcurrentHashMap<>();
    /** StartEngagementByAcceptingInvitationTask runs, by task id. */
    final Map<String, AcceptanceTask> acceptanceTasks = new ConcurrentHashMap<>();
    /**
     * What an AWS referral keeps hidden until it is accepted (customer contacts, address), by invitation id; the
     * acceptance copies it into the new opportunity.
     */
    final Map<String, JsonNode> referralDetails = new ConcurrentHashMap<>();
    /** Why the partner rejected an invitation (RejectEngagementInvitation's RejectionReason), by invitation id. */
    final Map<String, String> rejectionReasons = new ConcurrentHashMap<>();
    /** Numbers of opportunities created through the API continue after the seeded ones. */
    final AtomicLong nextOpportunityNumber = new AtomicLong();
    /** StartOpportunityFromEngagementTask runs by task id. */
    final Map<String, OpportunityFromEngagementTask> opportunityTasks = new ConcurrentHashMap<>();
    /** StartProspectingFromEngagementTask runs by task id. */
    final Map<String, ProspectingTask> prospectingTasks = new ConcurrentHashMap<>();
    /**
     * The selling-system setting: the IAM role snapshot jobs run as (a role name or ARN), null when none is set.
     * Seeded with a default role so that engagement tasks complete out of the box.
     */
    volatile String snapshotJobRole = DEFAULT_SNAPSHOT_JOB_ROLE;

    static final String DEFAULT_SNAPSHOT_JOB_ROLE = "PartnerCentralSellingResourceSnapshotJobRole";

    CatalogState(String name) {
        this.name = name;
    }

    /** Forgets everything (reset to seed). */
    void clear() {
        opportunities.clear();
        solutions.clear();
        engagements.clear();
        associations.clear();
        snapshots.clear();
        jobs.clear();
        invitations.clear();
        tasks.clear();
        clientTokens.clear();
        tags.clear();
        acceptanceTasks.clear();
        referralDetails.clear();
        rejectionReasons.clear();
        nextOpportunityNumber.set(0);
        opportunityTasks.clear();
        prospectingTasks.clear();
        snapshotJobRole = DEFAULT_SNAPSHOT_JOB_ROLE;
    }

    /**
     * The one way an opportunity is submitted to AWS, shared by SubmitOpportunity and the engagement task's
     * SubmitOpportunity step: review status Submitted, involvement and visibility recorded. Call inside a state
     * write, after the caller has checked the opportunity may be submitted.
     */
    Opportunity submit(Opportunity opportunity, String involvementType, String visibility, java.time.Instant when) {
        Opportunity submitted = opportunity.submitted(involvementType, visibility == null ? "Full" : visibility, when);
        opportunities.put(submitted.id(), submitted);
        return submitted;
    }

    ResourceAssociation associationOf(String opportunityId) {
        for (ResourceAssociation association : associations) {
            if (association.resourceId().equals(opportunityId)) {
                return association;
            }
        }
        return null;
    }
}
