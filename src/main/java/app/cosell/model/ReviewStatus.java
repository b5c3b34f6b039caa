package app.cosell.model;

/**
 * {@code LifeCycle.ReviewStatus}, read-only for partners. Note the wire spells {@code In review} with a lower-case r.
 */
public enum ReviewStatus implements WireEnum {
    PENDING_SUBMISSION("Pending Submission"), SUBMITTED("Submitted"), IN_REVIEW("In review"),
    APPROVED("Approved"), REJECTED("Rejected"), ACTION_REQUIRED("Action Required");

    private final String wire;

    ReviewStatus(String wire) { this.wire = wire; }

    @Override public String wire() { return wire; }

    /** Only these states accept a submission (StartEngagementFromOpportunityTask / SubmitOpportunity). */
    public boolean acceptsSubmission() { return this == PENDING_SUBMISSION || this == ACTION_REQUIRED; }

    public static ReviewStatus fromWire(String value) { return WireEnum.fromWire(ReviewStatus.class, value); }
}
