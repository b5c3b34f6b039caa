package app.cosell.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.ReviewStatus;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review report read from the emulator: status, comments, fields to fix, AWS's view; two reads at most. */
class ReviewReportTest {

    private static EmulatorFixture fixture;
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE);

    @BeforeAll
    static void start() throws Exception {
        fixture = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void fresh() {
        fixture.reset();
    }

    @Test
    void actionRequiredNamesTheFieldsToFixAndTheEditableOnes() {
        fixture.emulator.forceReview("Sandbox", EmulatorFixture.SUBMITTABLE_SECOND, "Action Required", null);
        ReviewReport report = ReviewReport.fetch(fixture.partnerCentral, EmulatorFixture.SUBMITTABLE_SECOND);
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
        fixture.emulator.forceReview("Sandbox", EmulatorFixture.SUBMITTABLE, "Approved", null);
        fixture.resetCounts();
        ReviewReport report = ReviewReport.fetch(fixture.partnerCentral, EmulatorFixture.SUBMITTABLE);
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
        ReviewReport report = ReviewReport.fetch(fixture.partnerCentral, EmulatorFixture.SUBMITTABLE);
        assertThat(report.reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
        assertThat(report.aws()).isNull();
        assertThat(fixture.totalCalls()).isEqualTo(1);
    }
}
