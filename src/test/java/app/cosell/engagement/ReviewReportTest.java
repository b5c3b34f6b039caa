package app.cosell.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.ReviewStatus;
import app.cosell.testing.EmulatorExtension;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The review report read from the emulator: status, comments, fields to fix, AWS's view; two reads at most. */
class ReviewReportTest {

    @RegisterExtension
    static final EmulatorExtension fixture = EmulatorExtension.sandbox().resetBeforeEach();
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE);

    @Test
    void actionRequiredNamesTheFieldsToFixAndTheEditableOnes() {
        fixture.emulator().forceReview("Sandbox", SeededScenario.SUBMITTABLE_SECOND.id("Sandbox"), "Action Required", null);
        ReviewReport report = ReviewReport.fetch(fixture.partnerCentral(), SeededScenario.SUBMITTABLE_SECOND.id("Sandbox"));
        assertThat(report.reviewStatus()).isEqualTo(ReviewStatus.ACTION_REQUIRED);
        assertThat(report.fieldsToFix()).containsExactly("Customer.Account.WebsiteUrl",
                "Project.CustomerBusinessProblem");
        assertThat(report.editableFields()).isEqualTo(ReviewFeedback.EDITABLE_UNDER_ACTION_REQUIRED);
        assertThat(report.whatHappensNext(MESSAGES)).contains("back into review");
        assertThat(report.aws()).isNotNull();
        assertThat(report.awsSeller()).isNull();
    }

    @Test
    void approvedCarriesAwsSellerAndInsights() {
        fixture.emulator().forceReview("Sandbox", SeededScenario.SUBMITTABLE.id("Sandbox"), "Approved", null);
        fixture.resetCounts();
        ReviewReport report = ReviewReport.fetch(fixture.partnerCentral(), SeededScenario.SUBMITTABLE.id("Sandbox"));
        assertThat(fixture.totalCalls()).isEqualTo(2);
        assertThat(report.awsSeller().email()).endsWith("@amazon.example.com");
        assertThat(report.aws().engagementScore()).isIn("High", "Medium", "Low");
        assertThat(report.aws().nextBestActions()).isNotBlank();
        assertThat(report.aws().nextStepsHistory()).isNotEmpty();
        assertThat(report.fieldsToFix()).isEmpty();
    }

    @Test
    void pendingSubmissionHasNoAwsViewAndCostsOneRead() {
        fixture.resetCounts();
        ReviewReport report = ReviewReport.fetch(fixture.partnerCentral(), SeededScenario.SUBMITTABLE.id("Sandbox"));
        assertThat(report.reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
        assertThat(report.aws()).isNull();
        assertThat(fixture.totalCalls()).isEqualTo(1);
    }
}
