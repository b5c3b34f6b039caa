package app.cosell.model;

import java.util.List;

/**
 * What a tracked task does: start an engagement from one of the rep's opportunities, accept an AWS referral (an
 * engagement invitation from AWS), or reject one. Every kind is shown on the same six step slots of
 * {@link TaskStep}: this is the one place that says which operation each slot runs for a kind and which step a
 * ReasonCode fails. Accepting runs six inner steps of its own (inferred from the operations its IAM action requires,
 * in the order the developer guide describes); rejecting is one call, shown as its two steps with the rest skipped.
 */
public enum TaskKind {
    ENGAGEMENT_FROM_OPPORTUNITY("StartEngagementFromOpportunityTask", List.of("GetOpportunity", "CreateEngagement",
            "CreateResourceSnapshot", "CreateResourceSnapshotJob", "CreateEngagementInvitation", "SubmitOpportunity")),
    ENGAGEMENT_BY_ACCEPTING_INVITATION("StartEngagementByAcceptingInvitationTask", List.of("GetEngagementInvitation",
            "AcceptEngagementInvitation", "CreateOpportunity", "CreateResourceSnapshotJob", "StartResourceSnapshotJob",
            "SubmitOpportunity")),
    REJECT_INVITATION("RejectEngagementInvitation", List.of("GetEngagementInvitation", "RejectEngagementInvitation",
            "", "", "", ""));

    /** The slot of an acceptance that creates the opportunity (its result is the new opportunity's id). */
    public static final TaskStep CREATE_OPPORTUNITY_SLOT = TaskStep.CREATE_RESOURCE_SNAPSHOT;

    private final String operation;
    private final List<String> stepOperations;

    TaskKind(String operation, List<String> stepOperations) {
        this.operation = operation;
        this.stepOperations = stepOperations;
    }

    /** The operation that starts the task. */
    public String operation() { return operation; }

    /** The operation the step in {@code slot} runs for this kind; empty when the kind has no such step. */
    public String stepOperation(TaskStep slot) { return stepOperations.get(slot.ordinal()); }

    /** How many of the six slots this kind uses. */
    public int stepCount() { return (int) stepOperations.stream().filter(s -> !s.isEmpty()).count(); }

    /** Whether the task's subject is an engagement invitation (then {@code request.opportunityId()} holds its id). */
    public boolean isAboutInvitation() { return this != ENGAGEMENT_FROM_OPPORTUNITY; }

    /** The kind of a request (requests written before kinds existed are engagements from an opportunity). */
    public static TaskKind of(StartEngagementRequest request) {
        return request.kind() == null ? ENGAGEMENT_FROM_OPPORTUNITY : request.kind();
    }

    /** The kind of a tracked task. */
    public static TaskKind of(TaskProgress task) { return of(task.request()); }

    /** The step {@code code} fails for this kind, or null when it can fail any step (then the evidence decides). */
    public TaskStep stepOf(ReasonCode code) {
        if (code == null) return null;
        if (this == ENGAGEMENT_FROM_OPPORTUNITY) return code.step();
        return switch (code) {
            case InvitationAccessDenied, InvitationValidationFailed -> TaskStep.GET_OPPORTUNITY;
            case EngagementInvitationConflict, EngagementAccessDenied, EngagementValidationFailed, EngagementConflict,
                 ContextNotFound, CustomerProjectContextNotPermitted, DisqualifiedLeadNotPermitted ->
                    TaskStep.CREATE_ENGAGEMENT;
            case OpportunityAccessDenied, OpportunityValidationFailed, OpportunityConflict -> CREATE_OPPORTUNITY_SLOT;
            case ResourceSnapshotAccessDenied, ResourceSnapshotValidationFailed, ResourceSnapshotConflict,
                 ResourceSnapshotJobValidationFailed, ResourceSnapshotJobConflict ->
                    TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB;
            case ResourceSnapshotJobAccessDenied -> TaskStep.CREATE_ENGAGEMENT_INVITATION;
            case OpportunitySubmissionFailed -> TaskStep.SUBMIT_OPPORTUNITY;
            case ServiceQuotaExceeded, RequestThrottled, InternalError -> null;
        };
    }

    /** The opportunity an acceptance created (known once it is COMPLETE), else null. */
    public static String createdOpportunityId(TaskProgress task) {
        if (of(task) != ENGAGEMENT_BY_ACCEPTING_INVITATION) return null;
        return task.step(CREATE_OPPORTUNITY_SLOT).resultId();
    }
}
