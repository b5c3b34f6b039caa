package app.cosell.engagement;

import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.FailureKind;
import app.cosell.model.Opportunity;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReviewStatus;
import app.cosell.partner.PartnerCentral;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Where AWS's review of one opportunity stands, and AWS's view of the deal: what the review panel shows and what
 * {@code cosell-console status} prints. Built from GetOpportunity (review status, comments, reason) and, once the
 * opportunity was submitted, GetAwsOpportunitySummary.
 *
 * @param statusDate     when the review status was last set, as far as the API tells (the record's LastModifiedDate)
 * @param fieldsToFix    the editable fields AWS's comments name (Action Required only)
 * @param editableFields the fields the rep may change now (under Action Required: the model's list; else empty,
 *                       meaning "as the record's usual rules say")
 * @param aws            AWS's view, or null while the opportunity has not been submitted
 */
public record ReviewReport(
        String opportunityId,
        String customerCompanyName,
        String projectTitle,
        ReviewStatus reviewStatus,
        String reviewStatusRaw,
        Instant statusDate,
        String reviewComments,
        String reviewStatusReason,
        List<String> fieldsToFix,
        List<String> editableFields,
        AwsOpportunitySummary aws) {

    public ReviewReport {
        fieldsToFix = List.copyOf(fieldsToFix == null ? List.of() : fieldsToFix);
        editableFields = List.copyOf(editableFields == null ? List.of() : editableFields);
    }

    /** The report of a record and AWS's summary of it (null when AWS has none). */
    public static ReviewReport of(Opportunity o, AwsOpportunitySummary aws) {
        Opportunity.LifeCycle l = o.lifeCycle();
        ReviewStatus status = l == null ? null : l.reviewStatus();
        boolean actionRequired = status == ReviewStatus.ACTION_REQUIRED;
        return new ReviewReport(o.id(), o.customer() == null ? null : o.customer().companyName(),
                o.project() == null ? null : o.project().title(), status, l == null ? null : l.reviewStatusRaw(),
                o.lastModifiedDate(), l == null ? null : l.reviewComments(), l == null ? null : l.reviewStatusReason(),
                actionRequired ? ReviewFeedback.fieldsNamed(l.reviewComments()) : List.of(),
                actionRequired ? ReviewFeedback.EDITABLE_UNDER_ACTION_REQUIRED : List.of(), aws);
    }

    /**
     * Reads the report: GetOpportunity, then GetAwsOpportunitySummary unless the opportunity was never submitted
     * (two reads at most). Blocking; call off the FX thread.
     */
    public static ReviewReport fetch(PartnerCentral partnerCentral, String opportunityId) {
        Opportunity o = partnerCentral.getOpportunity(opportunityId);
        ReviewStatus status = o.lifeCycle() == null ? null : o.lifeCycle().reviewStatus();
        AwsOpportunitySummary aws = null;
        if (status != null && status != ReviewStatus.PENDING_SUBMISSION) {
            try {
                aws = partnerCentral.awsOpportunitySummary(opportunityId);
            } catch (PartnerCentralFailure f) {
                if (f.kind() != FailureKind.NOT_FOUND) throw f;
            }
        }
        return of(o, aws);
    }

    /** Whether AWS has not decided yet (the review will move on by itself). */
    public boolean underReview() {
        return reviewStatus == ReviewStatus.SUBMITTED || reviewStatus == ReviewStatus.IN_REVIEW;
    }

    /** The first AWS team member (the seller AWS assigned), or null. */
    public AwsOpportunitySummary.AwsTeamMember awsSeller() {
        return aws == null || aws.team().isEmpty() ? null : aws.team().getFirst();
    }

    /** The bundle key of "what happens next" for the review status. */
    public String whatHappensNextKey() {
        return "review.next." + (reviewStatus == null ? "unknown" : reviewStatus.name());
    }

    /** "What happens next" in the rep's words, from the message bundle. */
    public String whatHappensNext(ResourceBundle messages) {
        return messages.getString(whatHappensNextKey());
    }

    /** The review status in the rep's words ("In review", "Action required"…), from the message bundle. */
    public String statusText(ResourceBundle messages) {
        String key = "review.status." + (reviewStatus == null ? "unknown" : reviewStatus.name());
        return messages.containsKey(key) ? messages.getString(key) : String.valueOf(reviewStatusRaw);
    }
}
