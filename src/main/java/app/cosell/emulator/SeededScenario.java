package app.cosell.emulator;

/**
 * The fixed scenarios of the seeded data: scenario n is opportunity {@code O10000000+n} in the AWS catalog and
 * {@code O20000000+n} in Sandbox (docs/emulator.md has the table). Public so that tests of other packages can
 * name an outcome instead of a magic id; the app itself never imports the emulator.
 */
public enum SeededScenario {
    SUBMITTABLE("COMPLETE: engagement, invitation and snapshot job created; ReviewStatus becomes Submitted"),
    SUBMITTABLE_SECOND("COMPLETE (a second clean opportunity for repeated demos)"),
    EXISTING_ENGAGEMENT("COMPLETE with the opportunity's existing engagement and no invitation"),
    ACTION_REQUIRED("COMPLETE: Action Required opportunities may be resubmitted"),
    MISSING_WEBSITE("FAILED OpportunityValidationFailed: Customer.Account.WebsiteUrl is missing"),
    MISSING_INDUSTRY("FAILED OpportunityValidationFailed: Customer.Account.Industry is missing"),
    MISSING_ADDRESS("FAILED OpportunityValidationFailed: PostalCode and StateOrRegion are missing"),
    MISSING_BUSINESS_PROBLEM("FAILED OpportunityValidationFailed: Project.CustomerBusinessProblem is missing"),
    MISSING_DELIVERY_AND_SPEND("FAILED OpportunityValidationFailed: Project.DeliveryModels and "
            + "Project.ExpectedCustomerSpend are missing"),
    MISSING_MARKETING_AND_NEEDS("FAILED OpportunityValidationFailed: Marketing.Source, OpportunityType and "
            + "PrimaryNeedsFromAws are missing"),
    NO_SOLUTION("FAILED OpportunityValidationFailed: no partner solution is linked"),
    PAST_TARGET_DATE("FAILED OpportunityValidationFailed: LifeCycle.TargetCloseDate is in the past"),
    STATE_ABBREVIATED("FAILED OpportunityValidationFailed: StateOrRegion 'NY' must be the full state name"),
    ALREADY_SUBMITTED("FAILED OpportunityConflict at SubmitOpportunity: already Submitted (has an engagement)"),
    IN_REVIEW("FAILED OpportunityConflict at SubmitOpportunity: review status In review"),
    APPROVED("FAILED OpportunityConflict at SubmitOpportunity: review status Approved"),
    REJECTED("FAILED OpportunityConflict at SubmitOpportunity: review status Rejected"),
    CLOSED_LOST("FAILED OpportunityConflict at SubmitOpportunity: stage Closed Lost"),
    SUBMITTABLE_COMMITTED("COMPLETE (Committed stage, large spend)"),
    SUBMITTABLE_NON_US("COMPLETE (German customer, postal code, no state needed)");

    private final String outcome;

    SeededScenario(String outcome) {
        this.outcome = outcome;
    }

    /** The opportunity id of this scenario in a catalog ({@code AWS} or {@code Sandbox}). */
    public String id(String catalog) {
        return "O" + (SeedData.base(catalog) + ordinal() + 1);
    }

    /** What StartEngagementFromOpportunityTask does with this opportunity, in words. */
    public String outcome() {
        return outcome;
    }
}
