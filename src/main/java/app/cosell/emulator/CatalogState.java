package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Opportunity submit(Opportunity opportunity, String involvementType, String visibility, Instant when) {
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

    // ---- queries: what the List* operations ask, filtered and sorted; a null set or value does not filter ------

    /** The opportunities the query matches, in its order, as an unmodifiable list. */
    List<Opportunity> opportunities(OpportunityQuery query) {
        List<Opportunity> matching = new ArrayList<>();
        for (Opportunity opportunity : opportunities.values()) {
            if (query.matches(opportunity)) {
                matching.add(opportunity);
            }
        }
        matching.sort(query.order());
        return List.copyOf(matching);
    }

    List<Solution> solutions(Set<String> statuses, Set<String> ids, Set<String> categories, String sortBy,
                             boolean ascending) {
        List<Solution> matching = new ArrayList<>();
        for (Solution solution : solutions.values()) {
            if (in(statuses, solution.status()) && in(ids, solution.id()) && in(categories, solution.category())) {
                matching.add(solution);
            }
        }
        Comparator<Solution> order = switch (sortBy) {
            case "Name" -> Comparator.comparing(Solution::name);
            case "Status" -> Comparator.comparing(Solution::status);
            case "Category" -> Comparator.comparing(Solution::category);
            case "CreatedDate" -> Comparator.comparing(Solution::createdDate);
            default -> Comparator.comparing(Solution::id);
        };
        return sorted(matching, order.thenComparing(Solution::id), ascending);
    }

    /**
     * Engagement tasks by the suffix of their id (after "task-"), opportunity, engagement (an id, or an ARN ending
     * in it; a task without an engagement never matches) and status, by start time.
     */
    List<EngagementTask> engagementTasks(Set<String> idSuffixes, Set<String> opportunityIds,
                                         Set<String> engagementIds, Set<String> statuses, boolean ascending) {
        List<EngagementTask> matching = new ArrayList<>();
        for (EngagementTask task : tasks.values()) {
            if (in(idSuffixes, task.taskId().substring(5)) && in(opportunityIds, task.opportunityId())
                    && (engagementIds == null || (task.engagementId() != null
                    && (engagementIds.contains(task.engagementId()) || engagementIds.stream()
                    .anyMatch(e -> e.endsWith("/" + task.engagementId())))))
                    && in(statuses, task.status())) {
                matching.add(task);
            }
        }
        return sorted(matching, Comparator.comparing(EngagementTask::startTime)
                .thenComparing(EngagementTask::taskId), ascending);
    }

    /**
     * Invitation-acceptance tasks by the suffix of their id (after "task-"), invitation, the opportunity a COMPLETE
     * task created, and status, by start time.
     */
    List<AcceptanceTask> acceptanceTasks(Set<String> idSuffixes, Set<String> invitationIds,
                                         Set<String> opportunityIds, Set<String> statuses, boolean ascending) {
        List<AcceptanceTask> matching = new ArrayList<>();
        for (AcceptanceTask task : acceptanceTasks.values()) {
            if (in(idSuffixes, task.taskId().substring(5)) && in(invitationIds, task.invitationId())
                    && (opportunityIds == null || (task.opportunityId() != null
                    && EngagementTask.COMPLETE.equals(task.status()) && opportunityIds.contains(task.opportunityId())))
                    && in(statuses, task.status())) {
                matching.add(task);
            }
        }
        return sorted(matching, Comparator.comparing(AcceptanceTask::startTime)
                .thenComparing(AcceptanceTask::taskId), ascending);
    }

    List<OpportunityFromEngagementTask> opportunityTasks(Set<String> taskIds, Set<String> opportunityIds,
                                                         Set<String> engagementIds, Set<String> contextIds,
                                                         Set<String> statuses, boolean ascending) {
        List<OpportunityFromEngagementTask> matching = new ArrayList<>();
        for (OpportunityFromEngagementTask task : opportunityTasks.values()) {
            if (in(taskIds, task.taskId()) && in(opportunityIds, task.opportunityId())
                    && in(engagementIds, task.engagementId()) && in(contextIds, task.contextId())
                    && in(statuses, task.status())) {
                matching.add(task);
            }
        }
        return sorted(matching, Comparator.comparing(OpportunityFromEngagementTask::startTime)
                .thenComparing(OpportunityFromEngagementTask::taskId), ascending);
    }

    /**
     * Prospecting tasks by id, name and start time (exclusive bounds), sorted by TaskName, FailedEngagementCount or
     * StartTime.
     */
    List<ProspectingTask> prospectingTasks(Set<String> ids, Set<String> names, Instant startAfter,
                                           Instant startBefore, String sortBy, boolean ascending) {
        List<ProspectingTask> matching = new ArrayList<>();
        for (ProspectingTask task : prospectingTasks.values()) {
            if (in(ids, task.taskId()) && in(names, task.taskName())
                    && (startAfter == null || task.startTime().isAfter(startAfter))
                    && (startBefore == null || task.startTime().isBefore(startBefore))) {
                matching.add(task);
            }
        }
        Comparator<ProspectingTask> order = switch (sortBy) {
            case "TaskName" -> Comparator.comparing(ProspectingTask::taskName);
            case "FailedEngagementCount" -> Comparator.comparing((ProspectingTask task) -> task.count("FAILED"));
            default -> Comparator.comparing(ProspectingTask::startTime);
        };
        return sorted(matching, order.thenComparing(ProspectingTask::taskId), ascending);
    }

    /** Engagements by id, creator (or not) and context types (any of, none of), by creation time. */
    List<Engagement> engagements(Set<String> ids, Set<String> createdBy, Set<String> excludeCreatedBy,
                                 Set<String> contextTypes, Set<String> excludeContextTypes, boolean ascending) {
        List<Engagement> matching = new ArrayList<>();
        for (Engagement engagement : engagements.values()) {
            List<String> types = engagement.contextTypes();
            if (in(ids, engagement.id()) && in(createdBy, engagement.createdBy())
                    && (excludeCreatedBy == null || !excludeCreatedBy.contains(engagement.createdBy()))
                    && (contextTypes == null || types.stream().anyMatch(contextTypes::contains))
                    && (excludeContextTypes == null || types.stream().noneMatch(excludeContextTypes::contains))) {
                matching.add(engagement);
            }
        }
        return sorted(matching, Comparator.comparing(Engagement::createdAt).thenComparing(Engagement::id), ascending);
    }

    /** The invitations of one participant side, by payload type, status, engagement and sender, by date. */
    List<Invitation> invitations(String participantType, Set<String> payloadTypes, Set<String> statuses,
                                 Set<String> engagementIds, Set<String> senders, boolean ascending) {
        List<Invitation> matching = new ArrayList<>();
        for (Invitation invitation : invitations.values()) {
            if (participantType.equals(invitation.participantType()) && in(payloadTypes, invitation.payloadType())
                    && in(statuses, invitation.status()) && in(engagementIds, invitation.engagementId())
                    && in(senders, invitation.senderAwsAccountId())) {
                matching.add(invitation);
            }
        }
        return sorted(matching, Comparator.comparing(Invitation::invitationDate).thenComparing(Invitation::id),
                ascending);
    }

    /** Engagement-resource links, in the order they were made. */
    List<ResourceAssociation> associations(String engagementId, String resourceType, String resourceId,
                                           String createdBy) {
        List<ResourceAssociation> matching = new ArrayList<>();
        for (ResourceAssociation association : associations) {
            if (is(engagementId, association.engagementId()) && is(resourceType, association.resourceType())
                    && is(resourceId, association.resourceId()) && is(createdBy, association.createdBy())) {
                matching.add(association);
            }
        }
        return matching;
    }

    /** Snapshot jobs by engagement and status, by creation time. */
    List<SnapshotJob> jobs(String engagementId, String status, boolean ascending) {
        List<SnapshotJob> matching = new ArrayList<>();
        for (SnapshotJob job : jobs.values()) {
            if (is(engagementId, job.engagementId()) && is(status, job.status())) {
                matching.add(job);
            }
        }
        return sorted(matching, Comparator.comparing(SnapshotJob::createdAt).thenComparing(SnapshotJob::id),
                ascending);
    }

    /** One engagement's snapshots, by resource, template and creator, in the order they were taken. */
    List<ResourceSnapshot> snapshots(String engagementId, String resourceType, String resourceId, String template,
                                     String createdBy) {
        List<ResourceSnapshot> matching = new ArrayList<>();
        for (ResourceSnapshot snapshot : snapshots) {
            if (engagementId.equals(snapshot.engagementId()) && is(resourceType, snapshot.resourceType())
                    && is(resourceId, snapshot.resourceId()) && is(template, snapshot.templateName())
                    && is(createdBy, snapshot.createdBy())) {
                matching.add(snapshot);
            }
        }
        return matching;
    }

    /**
     * A snapshot of the resource with the template in the engagement: the given revision, or the latest when
     * {@code revision} is negative; null when there is none.
     */
    ResourceSnapshot snapshot(String engagementId, String resourceId, String template, int revision) {
        ResourceSnapshot found = null;
        for (ResourceSnapshot snapshot : snapshots) {
            if (snapshot.engagementId().equals(engagementId) && snapshot.resourceId().equals(resourceId)
                    && snapshot.templateName().equals(template)
                    && (revision < 0 ? found == null || snapshot.revision() > found.revision()
                    : snapshot.revision() == revision)) {
                found = snapshot;
            }
        }
        return found;
    }

    private static boolean in(Set<String> wanted, String value) {
        return wanted == null || wanted.contains(value);
    }

    private static boolean is(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order, boolean ascending) {
        items.sort(ascending ? order : order.reversed());
        return items;
    }
}
