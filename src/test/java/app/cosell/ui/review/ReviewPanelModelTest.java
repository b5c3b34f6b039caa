package app.cosell.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.ReviewFeedback;
import app.cosell.engagement.ReviewReport;
import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.Catalog;
import app.cosell.model.Opportunity;
import app.cosell.model.ReviewStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ReviewPanelModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("app.cosell.i18n.messages");
    private static final AwsOpportunitySummary APPROVED_VIEW = new AwsOpportunitySummary("O1", "Partner Referral",
            "Co-Sell", "Full", null, "Seller Engaged", null, null, "Intro call", List.of(
            new AwsOpportunitySummary.NextStep("AWS validated", Instant.parse("2026-12-01T10:00:00Z"))),
            List.of(new AwsOpportunitySummary.AwsTeamMember("Alex", "Morgan", "alex@amazon.example.com", "AWSSalesRep")),
            "High", "Schedule a call");

    /** Review reports in the order a test wants them read. */
    private static final class Reviews implements ReviewSource {
        final Deque<ReviewReport> answers = new ArrayDeque<>();
        int reads;

        @Override public ReviewReport report(String id) {
            reads++;
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }

        @Override public AwsOpportunitySummary awsSummary(String id) {
            reads++;
            return answers.peek() == null ? null : answers.peek().aws();
        }
    }

    private static Opportunity record(ReviewStatus status, String comments, String reason) {
        return new Opportunity("O1", "arn", Catalog.Sandbox, null,
                new Opportunity.Customer("Acme", null, null, null, null, null, null, null, null),
                new Opportunity.Project("Migration", null, null, null, null, null),
                new Opportunity.LifeCycle(null, null, status, status.wire(), null, null, comments, reason), null, null,
                null, null, null, null, Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
    }

    private static ReviewReport report(ReviewStatus status, String comments, String reason, AwsOpportunitySummary aws) {
        return ReviewReport.of(record(status, comments, reason), aws);
    }

    @Test
    void followsASubmissionUntilAwsDecidesWithoutTheRepPressingAnything() {
        Reviews reviews = new Reviews();
        reviews.answers.add(report(ReviewStatus.SUBMITTED, null, null, null));
        reviews.answers.add(report(ReviewStatus.IN_REVIEW, null, null, null));
        reviews.answers.add(report(ReviewStatus.APPROVED, null, null, APPROVED_VIEW));
        ManualBackground background = new ManualBackground();
        ReviewPanelModel model = new ReviewPanelModel(reviews, background, Duration.ofSeconds(5), MESSAGES,
                (id, e, f) -> {});

        model.show("O1");
        assertThat(model.statusText()).isEqualTo(MESSAGES.getString("review.status.SUBMITTED"));
        assertThat(background.delays).containsExactly(Duration.ofSeconds(5));
        background.passTime();
        assertThat(model.reportProperty().get().reviewStatus()).isEqualTo(ReviewStatus.IN_REVIEW);
        background.passTime();
        assertThat(model.reportProperty().get().reviewStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(background.later).as("decided: no more reads").isEmpty();
        assertThat(model.sellerText()).isEqualTo("Alex Morgan (AWSSalesRep)");
        assertThat(model.sellerEmail()).isEqualTo("alex@amazon.example.com");
        assertThat(model.engagementScore()).isEqualTo("High");
        assertThat(model.awsStage()).isEqualTo("Seller Engaged");
        assertThat(model.nextSteps()).contains("Intro call").contains("AWS validated");
        assertThat(model.whatHappensNext()).isEqualTo(MESSAGES.getString("review.next.APPROVED"));
        assertThat(reviews.reads).isEqualTo(3);
    }

    @Test
    void actionRequiredOffersTheFixWithTheEditableAndNamedFieldsThenFollowsAgain() {
        Reviews reviews = new Reviews();
        String comments = "Please verify the customer website.";
        reviews.answers.add(report(ReviewStatus.ACTION_REQUIRED, comments, "Website unverified", null));
        reviews.answers.add(report(ReviewStatus.SUBMITTED, null, null, null));
        ManualBackground background = new ManualBackground();
        List<List<String>> asked = new ArrayList<>();
        ReviewPanelModel model = new ReviewPanelModel(reviews, background, Duration.ofSeconds(5), MESSAGES,
                (id, editable, focus) -> {
                    asked.add(editable);
                    asked.add(focus);
                });

        model.show("O1");
        assertThat(model.fixableProperty().get()).isTrue();
        assertThat(model.fieldsToFix()).isEqualTo("Customer website");
        assertThat(model.reason()).isEqualTo("Website unverified");
        assertThat(background.later).as("AWS waits for the rep: nothing to follow").isEmpty();

        model.fix();
        assertThat(asked).containsExactly(ReviewFeedback.EDITABLE_UNDER_ACTION_REQUIRED,
                List.of("Customer.Account.WebsiteUrl"));
        background.passTime();
        background.passTime(); // the editor saved meanwhile: the review is back under way
        assertThat(model.reportProperty().get().reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(model.fixableProperty().get()).isFalse();
        assertThat(background.later).hasSize(1);
    }

    @Test
    void aRecordAtHandCostsOneReadAndNoneBeforeSubmission() {
        Reviews reviews = new Reviews();
        reviews.answers.add(report(ReviewStatus.REJECTED, null, "Duplicate", APPROVED_VIEW));
        ManualBackground background = new ManualBackground();
        ReviewPanelModel model = new ReviewPanelModel(reviews, background, Duration.ofSeconds(5), MESSAGES,
                (id, e, f) -> {});
        model.show(record(ReviewStatus.PENDING_SUBMISSION, null, null));
        assertThat(reviews.reads).isZero();
        assertThat(model.hasAwsView()).isFalse();

        model.show(record(ReviewStatus.REJECTED, null, "Duplicate"));
        assertThat(reviews.reads).isEqualTo(1);
        assertThat(model.reason()).isEqualTo("Duplicate");
        assertThat(model.whatHappensNext()).isEqualTo(MESSAGES.getString("review.next.REJECTED"));
        assertThat(background.later).isEmpty();
    }

    @Test
    void aReviewThatStaysPutIsReadLessAndLessOften() {
        Reviews reviews = new Reviews();
        reviews.answers.add(report(ReviewStatus.IN_REVIEW, null, null, null));
        ManualBackground background = new ManualBackground();
        ReviewPanelModel model = new ReviewPanelModel(reviews, background, Duration.ofSeconds(5), MESSAGES,
                (id, e, f) -> {});
        model.show("O1");
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(background.delays.getFirst());
            background.passTime();
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
}
