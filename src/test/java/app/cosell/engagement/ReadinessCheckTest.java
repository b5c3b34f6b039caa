package app.cosell.engagement;

import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import app.cosell.model.ReasonCode;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    final ReadinessCheck check = new ReadinessCheck();
    final ResourceBundle bundle = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE, Locale.ENGLISH);

    static Opportunity ready() {
        return new Opportunity("O1234567", "arn", Catalog.AWS, "CRM-1",
                new Opportunity.Customer("Example Corp", "Software and Internet", null, "https://example.com", "US",
                        "10001", "New York", "New York", "1 Main St"),
                new Opportunity.Project("Data platform", "The customer needs to move analytics to the cloud quickly.",
                        "Migration / Database Migration", List.of("SaaS or PaaS"),
                        List.of(new Money(new BigDecimal("12500"), "USD")), null),
                new Opportunity.LifeCycle(Stage.QUALIFIED, "Qualified", ReviewStatus.PENDING_SUBMISSION,
                        "Pending Submission", TODAY.plusMonths(3), null, null, null),
                "Net New Business", "Partner Referral", "No", "None", List.of("Co-Sell - Technical Consultation"),
                List.of("S-0000001"), null, null);
    }

    @Test
    void aCompleteOpportunityHasNoIssues() {
        assertThat(check.check(ready(), TODAY)).isEmpty();
    }

    @Test
    void missingWebsitePastCloseDateAndAbbreviatedStateAreListedWithTheirFix() {
        Opportunity o = ready();
        Opportunity bad = new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                new Opportunity.Customer("Example Corp", "Software and Internet", null, null, "US", "10001", "NY", null, null),
                o.project(),
                new Opportunity.LifeCycle(Stage.QUALIFIED, "Qualified", ReviewStatus.PENDING_SUBMISSION, "Pending Submission",
                        TODAY.minusDays(1), null, null, null),
                o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(), o.primaryNeedsFromAws(),
                o.relatedSolutionIds(), null, null);

        List<ReadinessIssue> issues = check.check(bad, TODAY);

        assertThat(issues).extracting(ReadinessIssue::field).containsExactlyInAnyOrder(
                "Customer.Account.WebsiteUrl", "Customer.Account.Address.StateOrRegion", "LifeCycle.TargetCloseDate");
        assertThat(issues).allSatisfy(i -> {
            assertThat(i.reasonCode()).isEqualTo(ReasonCode.OpportunityValidationFailed);
            assertThat(i.what(bundle)).doesNotStartWith("readiness.").doesNotContain("{");
            assertThat(i.fix(bundle)).doesNotStartWith("readiness.").doesNotContain("{");
        });
        assertThat(issues.stream().filter(i -> i.field().endsWith("StateOrRegion")).findFirst().orElseThrow().what(bundle))
                .contains("NY");
    }

    @Test
    void anAlreadySubmittedOpportunityWouldConflict() {
        Opportunity o = ready();
        Opportunity submitted = new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(), o.customer(),
                o.project(), new Opportunity.LifeCycle(Stage.QUALIFIED, "Qualified", ReviewStatus.IN_REVIEW, "In review",
                TODAY.plusDays(30), null, null, null), o.opportunityType(), o.origin(), o.nationalSecurity(),
                o.marketingSource(), o.primaryNeedsFromAws(), o.relatedSolutionIds(), null, null);

        assertThat(check.check(submitted, TODAY)).singleElement().satisfies(i -> {
            assertThat(i.reasonCode()).isEqualTo(ReasonCode.OpportunityConflict);
            assertThat(i.severity()).isEqualTo(ReadinessIssue.Severity.WILL_FAIL);
            assertThat(i.what(bundle)).contains("In review");
        });
    }

    @Test
    void primaryNeedsAreRequiredOnlyForCoSell() {
        Opportunity o = ready();
        Opportunity noNeeds = new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(), o.customer(),
                o.project(), o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(),
                List.of(), o.relatedSolutionIds(), null, null);

        assertThat(check.check(noNeeds, InvolvementType.CO_SELL, TODAY)).extracting(ReadinessIssue::field)
                .containsExactly("PrimaryNeedsFromAws");
        assertThat(check.check(noNeeds, InvolvementType.FOR_VISIBILITY_ONLY, TODAY)).isEmpty();
    }

    @Test
    void anEmptyOpportunityListsEveryMandatoryFieldWithBundleText() {
        Opportunity empty = new Opportunity("O1", null, Catalog.Sandbox, null, null, null, null, null, null, null, null,
                null, null, null, null);

        List<ReadinessIssue> issues = check.check(empty, TODAY);

        assertThat(issues).hasSizeGreaterThan(10);
        assertThat(issues).allSatisfy(i -> assertThat(i.what(bundle)).doesNotStartWith("readiness."));
    }
}
