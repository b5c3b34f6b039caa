package app.cosell.engagement;

import app.cosell.model.ReviewStatus;
import java.time.Instant;

/**
 * What AWS changed on one opportunity the rep submitted, as the change watcher noticed it: the review status, AWS's
 * stage of the deal, or the AWS seller. Each pair is before/after; a pair with equal values did not change.
 */
public record ReviewChange(
        String opportunityId,
        String customerCompanyName,
        Instant changedAt,
        ReviewStatus reviewStatusBefore,
        ReviewStatus reviewStatusAfter,
        String awsStageBefore,
        String awsStageAfter,
        String awsSellerBefore,
        String awsSellerAfter) {

    public boolean reviewStatusChanged() { return reviewStatusBefore != reviewStatusAfter; }

    public boolean awsStageChanged() { return !java.util.Objects.equals(awsStageBefore, awsStageAfter); }

    public boolean awsSellerChanged() { return !java.util.Objects.equals(awsSellerBefore, awsSellerAfter); }
}
