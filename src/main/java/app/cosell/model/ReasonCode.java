package app.cosell.model;

/**
 * The 22 {@code ReasonCode} values a failed task can carry, and the step each belongs to. This is the one place that
 * knows that mapping (it is inferred from the names; the service does not document it). Codes without a step of
 * their own ({@link #ServiceQuotaExceeded}, {@link #RequestThrottled}, {@link #InternalError}) can fail any step.
 */
public enum ReasonCode {
    OpportunityAccessDenied(TaskStep.GET_OPPORTUNITY),
    OpportunityValidationFailed(TaskStep.GET_OPPORTUNITY),
    OpportunitySubmissionFailed(TaskStep.SUBMIT_OPPORTUNITY),
    OpportunityConflict(TaskStep.SUBMIT_OPPORTUNITY),
    EngagementAccessDenied(TaskStep.CREATE_ENGAGEMENT),
    EngagementValidationFailed(TaskStep.CREATE_ENGAGEMENT),
    EngagementConflict(TaskStep.CREATE_ENGAGEMENT),
    ContextNotFound(TaskStep.CREATE_ENGAGEMENT),
    CustomerProjectContextNotPermitted(TaskStep.CREATE_ENGAGEMENT),
    DisqualifiedLeadNotPermitted(TaskStep.CREATE_ENGAGEMENT),
    ResourceSnapshotAccessDenied(TaskStep.CREATE_RESOURCE_SNAPSHOT),
    ResourceSnapshotValidationFailed(TaskStep.CREATE_RESOURCE_SNAPSHOT),
    ResourceSnapshotConflict(TaskStep.CREATE_RESOURCE_SNAPSHOT),
    ResourceSnapshotJobAccessDenied(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB),
    ResourceSnapshotJobValidationFailed(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB),
    ResourceSnapshotJobConflict(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB),
    InvitationAccessDenied(TaskStep.CREATE_ENGAGEMENT_INVITATION),
    InvitationValidationFailed(TaskStep.CREATE_ENGAGEMENT_INVITATION),
    EngagementInvitationConflict(TaskStep.CREATE_ENGAGEMENT_INVITATION),
    ServiceQuotaExceeded(null),
    RequestThrottled(null),
    InternalError(null);

    private final TaskStep step;

    ReasonCode(TaskStep step) { this.step = step; }

    /** The step this code names, or {@code null} when it can fail any step (then the evidence decides). */
    public TaskStep step() { return step; }

    /** The constant named exactly {@code value}, or {@code null} for a code this app does not know (a newer service). */
    public static ReasonCode fromWire(String value) {
        if (value == null) return null;
        for (ReasonCode c : values()) if (c.name().equals(value)) return c;
        return null;
    }
}
