package app.cosell.model;

/**
 * The six steps StartEngagementFromOpportunityTask runs, in order. This is the one place that lists them.
 */
public enum TaskStep {
    GET_OPPORTUNITY("GetOpportunity"),
    CREATE_ENGAGEMENT("CreateEngagement"),
    CREATE_RESOURCE_SNAPSHOT("CreateResourceSnapshot"),
    CREATE_RESOURCE_SNAPSHOT_JOB("CreateResourceSnapshotJob"),
    CREATE_ENGAGEMENT_INVITATION("CreateEngagementInvitation"),
    SUBMIT_OPPORTUNITY("SubmitOpportunity");

    private final String operation;

    TaskStep(String operation) { this.operation = operation; }

    /** The Partner Central operation the step performs. */
    public String operation() { return operation; }
}
