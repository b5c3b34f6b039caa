package app.cosell.ui.review;

import app.cosell.engagement.ReviewReport;
import app.cosell.model.AwsOpportunitySummary;

/** Where the review panel reads AWS's review (blocking calls, made on the application executor). */
public interface ReviewSource {

    /** The whole report: GetOpportunity and, once submitted, GetAwsOpportunitySummary. */
    ReviewReport report(String opportunityId);

    /** AWS's view only (the record is at hand already), or null when AWS has none yet. */
    AwsOpportunitySummary awsSummary(String opportunityId);
}
