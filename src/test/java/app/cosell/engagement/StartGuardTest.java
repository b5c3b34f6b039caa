package app.cosell.engagement;

import app.cosell.model.EditableField;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.model.StartVerdict;
import app.cosell.model.StartVerdict.Cause;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static app.cosell.engagement.ReadinessCheckTest.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class StartGuardTest {

    final StartGuard guard = new StartGuard();
    final ResourceBundle bundle = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE, Locale.ENGLISH);

    static Opportunity withLifeCycle(Opportunity o, Stage stage, ReviewStatus review) {
        return new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(), o.customer(), o.project(),
                new Opportunity.LifeCycle(stage, stage == null ? "Mystery" : stage.wire(), review,
                        review == null ? "Pondering" : review.wire(), TODAY.plusMonths(2), null, null, null),
                o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(), o.primaryNeedsFromAws(),
                o.relatedSolutionIds(), null, null);
    }

    static Opportunity withoutWebsite(Opportunity o) {
        Opportunity.Customer c = o.customer();
        return new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                new Opportunity.Customer(c.companyName(), c.industry(), c.otherIndustry(), null, c.countryCode(),
                        c.postalCode(), c.stateOrRegion(), c.city(), c.streetAddress()),
                o.project(), o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(),
                o.primaryNeedsFromAws(), o.relatedSolutionIds(), null, null);
    }

    @Test
    void aCompleteOpportunityWithNothingRunningIsReady() {
        StartVerdict v = guard.decide(ReadinessCheckTest.ready(), false, TODAY);
        assertThat(v.outcome()).isEqualTo(StartVerdict.Outcome.READY);
        assertThat(v.allowsStart()).isTrue();
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void everyReviewStatusBeyondSubmissionBlocksWithTheStatusNamed() {
        for (ReviewStatus s : List.of(ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, ReviewStatus.APPROVED,
                ReviewStatus.REJECTED)) {
            StartVerdict v = guard.decide(withLifeCycle(ReadinessCheckTest.ready(), Stage.QUALIFIED, s), false, TODAY);
            assertThat(v.isBlocked()).as(s.wire()).isTrue();
            assertThat(v.first().cause()).isEqualTo(Cause.REVIEW_STATUS);
            assertThat(v.first().editable()).isNull();
            assertThat(StartGuard.what(v.first(), bundle)).contains(s.wire());
        }
        for (ReviewStatus s : List.of(ReviewStatus.PENDING_SUBMISSION, ReviewStatus.ACTION_REQUIRED)) {
            assertThat(guard.decide(withLifeCycle(ReadinessCheckTest.ready(), Stage.QUALIFIED, s), false, TODAY)
                    .allowsStart()).as(s.wire()).isTrue();
        }
    }

    @Test
    void closedLostBlocks() {
        StartVerdict v = guard.decide(withLifeCycle(ReadinessCheckTest.ready(), Stage.CLOSED_LOST,
                ReviewStatus.PENDING_SUBMISSION), false, TODAY);
        assertThat(v.isBlocked()).isTrue();
        assertThat(v.reasons()).extracting(StartVerdict.Reason::cause).contains(Cause.CLOSED_LOST);
    }

    @Test
    void aTaskOfOursStillRunningBlocksFirstEvenWhenTheRecordIsReady() {
        StartVerdict v = guard.decide(ReadinessCheckTest.ready(), true, TODAY);
        assertThat(v.isBlocked()).isTrue();
        assertThat(v.isTaskRunning()).isTrue();
        assertThat(StartGuard.summary(v, bundle)).isEqualTo("A task is already running for this opportunity.");
    }

    @Test
    void aFailedReadinessRuleBlocksAndPointsAtTheFieldToFix() {
        StartVerdict v = guard.decide(withoutWebsite(ReadinessCheckTest.ready()), false, TODAY);
        assertThat(v.isBlocked()).isTrue();
        assertThat(v.first().cause()).isEqualTo(Cause.READINESS);
        assertThat(v.first().field()).isEqualTo("Customer.Account.WebsiteUrl");
        assertThat(v.first().editable()).isEqualTo(EditableField.WEBSITE);
        assertThat(StartGuard.what(v.first(), bundle)).isEqualTo("The customer website is missing.");
    }

    @Test
    void aReviewStatusTheAppDoesNotKnowIsUnknownAndStillAllowsTheStart() {
        StartVerdict v = guard.decide(withLifeCycle(ReadinessCheckTest.ready(), Stage.QUALIFIED, null), false, TODAY);
        assertThat(v.outcome()).isEqualTo(StartVerdict.Outcome.UNKNOWN);
        assertThat(v.allowsStart()).isTrue();
        assertThat(StartGuard.what(v.first(), bundle)).contains("Pondering");
    }

    @Test
    void forVisibilityOnlyDoesNotNeedPrimaryNeeds() {
        Opportunity o = ReadinessCheckTest.ready();
        Opportunity noNeeds = new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                o.customer(), o.project(), o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(),
                o.marketingSource(), List.of(), o.relatedSolutionIds(), null, null);
        assertThat(guard.decide(noNeeds, InvolvementType.CO_SELL, false, TODAY).isBlocked()).isTrue();
        assertThat(guard.decide(noNeeds, InvolvementType.FOR_VISIBILITY_ONLY, false, TODAY).allowsStart()).isTrue();
    }

    @Test
    void serviceFieldNamesLeadToTheEditorsFields() {
        assertThat(EditableField.fromPath("Customer.Account.WebsiteUrl")).isEqualTo(EditableField.WEBSITE);
        assertThat(EditableField.fromPath("Project.ExpectedCustomerSpend[0].CurrencyCode"))
                .isEqualTo(EditableField.EXPECTED_SPEND);
        assertThat(EditableField.fromPath("Customer.Account.Address")).isEqualTo(EditableField.COUNTRY);
        assertThat(EditableField.fromPath("LifeCycle.ReviewStatus")).isNull();
        assertThat(EditableField.named("Customer.Account.WebsiteUrl is missing")).isEqualTo(EditableField.WEBSITE);
        assertThat(EditableField.named("Customer.Account.Address.StateOrRegion 'NY' must be a full US state name"))
                .isEqualTo(EditableField.STATE);
        assertThat(EditableField.allNamed("Please correct Customer.Account.WebsiteUrl and "
                + "Project.CustomerBusinessProblem; Project.ExpectedMonthlyAWSRevenue.Amount looks low."))
                .containsExactlyInAnyOrder(EditableField.WEBSITE, EditableField.BUSINESS_PROBLEM,
                        EditableField.EXPECTED_SPEND);
    }
}
