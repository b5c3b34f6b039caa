package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import app.cosell.testing.ReviewGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.model.GetAwsOpportunitySummaryResponse;
import software.amazon.awssdk.services.partnercentralselling.model.GetOpportunityResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.SalesInvolvementType;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;
import software.amazon.awssdk.services.partnercentralselling.model.Visibility;

/**
 * AWS's simulated review after a submission, over the real SDK: stages, seeded decisions, the AWS view, updates. The
 * review runs without delay but is held at the extension's {@link ReviewGate} before each stage, so every stage is
 * read while the review stands still there.
 */
class ReviewSimulationTest {

    private static int tokens;

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(40).instant(true)
            .reviewDelay(Duration.ZERO).holdReviews().admin().resetBeforeEach();

    private static void submit(String catalog, String id) {
        var started = pc.client().startEngagementFromOpportunityTask(r -> r.catalog(catalog).identifier(id)
                .clientToken("review-" + (++tokens))
                .awsSubmission(s -> s.involvementType(SalesInvolvementType.CO_SELL).visibility(Visibility.FULL)));
        assertThat(started.taskStatus()).isEqualTo(TaskStatus.COMPLETE);
    }

    private static GetOpportunityResponse get(String catalog, String id) {
        return pc.client().getOpportunity(r -> r.catalog(catalog).identifier(id));
    }

    /**
     * The review statuses the opportunity goes through until AWS's decision, as a client reads them: each stage is read
     * while the gate holds the review before the next one, then the review is let through; the decision is read once
     * written. Fails when the decision is not {@code last}.
     */
    private static List<ReviewStatus> followUntil(String catalog, String id, ReviewStatus last)
            throws InterruptedException {
        List<ReviewStatus> seen = new ArrayList<>();
        ReviewGate.Held held;
        do {
            held = pc.reviewGate().awaitHeld(catalog, id);
            seen.add(get(catalog, id).lifeCycle().reviewStatus());
            held.release();
        } while (ReviewStatus.fromValue(held.stage()) == ReviewStatus.IN_REVIEW);
        ReviewStatus before = seen.getLast();
        seen.add(TaskAwait.until(() -> get(catalog, id).lifeCycle().reviewStatus(), now -> now != before,
                Duration.ofSeconds(20)));
        assertThat(seen).as(catalog + "/" + id).endsWith(last);
        return seen;
    }

    @Test
    void submittedOpportunityGoesThroughReviewToItsSeededDecisionInBothCatalogs() throws Exception {
        Map<SeededScenario, ReviewStatus> expected = Map.of(SeededScenario.SUBMITTABLE, ReviewStatus.APPROVED,
                SeededScenario.SUBMITTABLE_COMMITTED, ReviewStatus.APPROVED,
                SeededScenario.SUBMITTABLE_SECOND, ReviewStatus.ACTION_REQUIRED,
                SeededScenario.SUBMITTABLE_NON_US, ReviewStatus.REJECTED);
        for (String catalog : List.of("AWS", "Sandbox")) {
            for (var each : expected.entrySet()) {
                SeededScenario scenario = each.getKey();
                ReviewStatus decision = each.getValue();
                String id = scenario.id(catalog);
                Instant before = get(catalog, id).lastModifiedDate();
                submit(catalog, id);
                List<ReviewStatus> seen = followUntil(catalog, id, decision);
                assertThat(seen).as(catalog + " " + scenario).startsWith(ReviewStatus.SUBMITTED)
                        .contains(ReviewStatus.IN_REVIEW).endsWith(decision)
                        .containsExactly(ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, decision);
                assertThat(get(catalog, id).lastModifiedDate()).isAfter(before);
            }
        }
        var actionRequired = get("AWS", SeededScenario.SUBMITTABLE_SECOND.id("AWS")).lifeCycle();
        assertThat(actionRequired.reviewComments()).contains("Customer.Account.WebsiteUrl")
                .contains("Project.CustomerBusinessProblem");
        assertThat(get("Sandbox", SeededScenario.SUBMITTABLE_NON_US.id("Sandbox")).lifeCycle().reviewStatusReason())
                .isNotBlank();
    }

    @Test
    void withoutAHookTheReviewMovesOnByItself() {
        // The emulator's own behaviour (the app, the command line): nothing holds the review, the delay paces it.
        pc.emulator().setReviewHook(null);
        pc.emulator().setReviewDelay(Duration.ofMillis(1));
        String id = SeededScenario.SUBMITTABLE_NON_US.id("Sandbox");
        submit("Sandbox", id);
        assertThat(TaskAwait.until(() -> get("Sandbox", id).lifeCycle().reviewStatus(),
                now -> now == ReviewStatus.REJECTED, Duration.ofSeconds(20))).isEqualTo(ReviewStatus.REJECTED);
    }

    @Test
    void approvedOpportunityHasAnAwsSellerScoreAndNextSteps() throws Exception {
        String id = SeededScenario.SUBMITTABLE.id("AWS");
        submit("AWS", id); // the review is held at Submitted until followUntil lets it go on
        GetAwsOpportunitySummaryResponse early = pc.client().getAwsOpportunitySummary(r -> r.catalog("AWS")
                .relatedOpportunityIdentifier(id));
        assertThat(early.opportunityTeam()).isEmpty();
        followUntil("AWS", id, ReviewStatus.APPROVED);

        GetAwsOpportunitySummaryResponse summary = pc.client().getAwsOpportunitySummary(r -> r.catalog("AWS")
                .relatedOpportunityIdentifier(id));
        assertThat(summary.lifeCycle().stageAsString()).isEqualTo("Seller Engaged");
        assertThat(summary.opportunityTeam()).singleElement().satisfies(seller -> {
            assertThat(seller.email()).endsWith("@amazon.example.com");
            assertThat(seller.businessTitleAsString()).isNotBlank();
        });
        assertThat(summary.insights().engagementScoreAsString()).isIn("High", "Medium", "Low");
        assertThat(summary.insights().nextBestActions()).isNotBlank();
        assertThat(summary.lifeCycle().nextStepsHistory()).isNotEmpty();
        assertThat(summary.lifeCycle().nextSteps()).isNotBlank();
    }

    @Test
    void updatingAnActionRequiredOpportunitySendsItBackIntoReviewAndKeepsOnlyEditableFields() throws Exception {
        String id = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox");
        submit("Sandbox", id);
        followUntil("Sandbox", id, ReviewStatus.ACTION_REQUIRED);
        var current = get("Sandbox", id);
        pc.client().updateOpportunity(r -> r.catalog("Sandbox").identifier(id)
                .lastModifiedDate(current.lastModifiedDate())
                .customer(current.customer().toBuilder().account(current.customer().account().toBuilder()
                        .websiteUrl("https://verified.example.com").build()).build())
                .project(current.project().toBuilder().customerBusinessProblem("A clearer business problem, "
                        + "described at length for AWS's reviewers to understand.").build())
                .lifeCycle(current.lifeCycle()).opportunityType(current.opportunityType())
                .marketing(current.marketing()).primaryNeedsFromAwsWithStrings(current.primaryNeedsFromAwsAsStrings())
                // UpdateOpportunity replaces the record: what is not sent is cleared, and under Action Required
                // clearing a locked field is refused like changing it.
                .nationalSecurity(current.nationalSecurityAsString())
                .softwareRevenue(current.softwareRevenue())
                .partnerOpportunityIdentifier(current.partnerOpportunityIdentifier()));

        var resubmitted = get("Sandbox", id); // the second review is held at Submitted
        assertThat(resubmitted.lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(resubmitted.lifeCycle().reviewComments()).isNull();
        assertThat(resubmitted.customer().account().websiteUrl()).isEqualTo("https://verified.example.com");
        // The second review of the scenario approves what was fixed.
        assertThat(followUntil("Sandbox", id, ReviewStatus.APPROVED)).contains(ReviewStatus.IN_REVIEW);
    }

    @Test
    void sandboxMaySetTheReviewButTheAwsCatalogRefuses() {
        String sandboxId = SeededScenario.SUBMITTABLE.id("Sandbox");
        var pending = get("Sandbox", sandboxId);
        pc.client().updateOpportunity(r -> r.catalog("Sandbox").identifier(sandboxId)
                .lastModifiedDate(pending.lastModifiedDate()).customer(pending.customer()).project(pending.project())
                .lifeCycle(pending.lifeCycle().toBuilder().reviewStatus(ReviewStatus.ACTION_REQUIRED)
                        .reviewComments("Please add the customer's website").build()));
        assertThat(get("Sandbox", sandboxId).lifeCycle().reviewComments()).isEqualTo("Please add the customer's website");

        String awsId = SeededScenario.SUBMITTABLE.id("AWS");
        var awsPending = get("AWS", awsId);
        assertThatThrownBy(() -> pc.client().updateOpportunity(r -> r.catalog("AWS").identifier(awsId)
                .lastModifiedDate(awsPending.lastModifiedDate()).customer(awsPending.customer())
                .lifeCycle(awsPending.lifeCycle().toBuilder().reviewStatus(ReviewStatus.APPROVED).build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList().getFirst().code())
                        .isEqualTo(ValidationExceptionErrorCode.ACTION_NOT_PERMITTED))
                .hasMessageContaining("LifeCycle.ReviewStatus");
        assertThat(get("AWS", awsId).lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.PENDING_SUBMISSION);
    }

    @Test
    void adminEndpointForcesADecision() throws Exception {
        String id = SeededScenario.SUBMITTABLE.id("AWS");
        submit("AWS", id); // the review is held at Submitted: only the forced decision moves it
        var answer = EmulatorClients.post(pc.endpoint(), "/_emulator/review", adminHeaders(),
                "{\"catalog\":\"AWS\",\"opportunityId\":\"" + id + "\",\"decision\":\"Rejected\","
                        + "\"text\":\"Customer is not a fit\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(get("AWS", id).lifeCycle().reviewStatus()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(get("AWS", id).lifeCycle().reviewStatusReason()).isEqualTo("Customer is not a fit");

        var bad = EmulatorClients.post(pc.endpoint(), "/_emulator/review", adminHeaders(),
                "{\"catalog\":\"AWS\",\"opportunityId\":\"" + id + "\",\"decision\":\"Maybe\"}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void otherSubmissionsAreDecidedByTheSeedTheSameWayEveryTime() {
        ReviewSimulation review = new ReviewSimulation(new PartnerCentralState("1"), Instant::now, null, 42,
                Duration.ZERO);
        ReviewSimulation again = new ReviewSimulation(new PartnerCentralState("1"), Instant::now, null, 42,
                Duration.ZERO);
        List<String> decisions = new ArrayList<>();
        for (int n = 21; n < 80; n++) {
            String id = "O" + (10000000 + n);
            String decision = review.decisionFor("AWS", id, false);
            assertThat(again.decisionFor("AWS", id, false)).isEqualTo(decision);
            decisions.add(decision);
        }
        assertThat(decisions).contains("Approved", "Action Required", "Rejected");
    }

    private static Map<String, String> adminHeaders() {
        return Map.of(PartnerCentralEmulator.ADMIN_TOKEN_HEADER, pc.emulator()
                .adminToken(), "Content-Type", "application/json");
    }
}
