package app.cosell.engagement;

import app.cosell.emulator.SeededScenario;
import app.cosell.files.AppJson;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.Solution;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StartVerdict;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.testing.EmulatorExtension;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard and the fix against the emulator through the real SDK: a blocked opportunity is fixed with
 * UpdateOpportunity (only the touched field changes), a stale copy is refused without a write, and the fixed
 * opportunity then starts and completes.
 */
class FixBeforeStartTest {

    @RegisterExtension
    static final EmulatorExtension fx = EmulatorExtension.sandbox().resetBeforeEach();
    final StartGuard guard = new StartGuard();

    private static Opportunity withWebsite(Opportunity o, String website) {
        Opportunity.Customer c = o.customer();
        return new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                new Opportunity.Customer(c.companyName(), c.industry(), c.otherIndustry(), website, c.countryCode(),
                        c.postalCode(), c.stateOrRegion(), c.city(), c.streetAddress()),
                o.project(), o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(),
                o.primaryNeedsFromAws(), o.relatedSolutionIds(), o.createdDate(), o.lastModifiedDate(), o.marketing());
    }

    private static Opportunity withTitle(Opportunity o, String title) {
        Opportunity.Project p = o.project();
        return new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(), o.customer(),
                new Opportunity.Project(title, p.customerBusinessProblem(), p.customerUseCase(), p.deliveryModels(),
                        p.expectedCustomerSpend(), p.otherSolutionDescription()),
                o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(),
                o.primaryNeedsFromAws(), o.relatedSolutionIds(), o.createdDate(), o.lastModifiedDate(), o.marketing());
    }

    @Test
    void aMissingWebsiteIsFixedInPlaceAndTheStartThenCompletes(@TempDir Path dir) throws Exception {
        Opportunity before = fx.partnerCentral().getOpportunity(SeededScenario.MISSING_WEBSITE.id("Sandbox"));
        StartVerdict blocked = guard.decide(before, false, LocalDate.now());
        assertThat(blocked.isBlocked()).isTrue();
        assertThat(blocked.first().editable()).isEqualTo(EditableField.WEBSITE);
        fx.resetCounts();

        Opportunity saved = fx.partnerCentral().updateOpportunity(new OpportunityUpdate(
                withWebsite(before, "https://fixed.example.com"), Set.of(EditableField.WEBSITE)));

        assertThat(fx.calls("UpdateOpportunity")).isEqualTo(1);
        assertThat(saved.customer().websiteUrl()).isEqualTo("https://fixed.example.com");
        assertThat(saved.lastModifiedDate()).isAfter(before.lastModifiedDate());
        // Nothing the rep did not touch changed.
        assertThat(withWebsite(saved, null)).usingRecursiveComparison()
                .ignoringFields("lastModifiedDate").isEqualTo(before);
        assertThat(guard.decide(saved, false, LocalDate.now()).outcome()).isEqualTo(StartVerdict.Outcome.READY);

        TaskHistory history = TaskHistory.open(dir, AppJson.newMapper());
        TaskProgress end = new EngagementRunner(fx.partnerCentral(), history, java.time.Clock.systemUTC(),
                FastPolls.SCHEDULE).start(new StartEngagementRequest(saved.catalog(), saved.id(),
                InvolvementType.CO_SELL, Visibility.FULL, List.of()), p -> {});
        assertThat(end.isComplete()).isTrue();
    }

    @Test
    void aCopyChangedOnTheServiceSinceItWasReadIsRefusedWithoutAWrite() {
        Opportunity mine = fx.partnerCentral().getOpportunity(SeededScenario.MISSING_WEBSITE.id("Sandbox"));
        Opportunity theirs = fx.partnerCentral().updateOpportunity(new OpportunityUpdate(
                withTitle(mine, "Renamed by a colleague"), Set.of(EditableField.TITLE)));
        fx.resetCounts();

        assertThatThrownBy(() -> fx.partnerCentral().updateOpportunity(new OpportunityUpdate(
                withWebsite(mine, "https://mine.example.com"), Set.of(EditableField.WEBSITE))))
                .isInstanceOfSatisfying(PartnerCentralFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.CONFLICT));
        assertThat(fx.calls("UpdateOpportunity")).isZero();

        // Re-applied on the fresh copy: both changes survive.
        Opportunity merged = fx.partnerCentral().updateOpportunity(new OpportunityUpdate(
                withWebsite(theirs, "https://mine.example.com"), Set.of(EditableField.WEBSITE)));
        assertThat(merged.project().title()).isEqualTo("Renamed by a colleague");
        assertThat(merged.customer().websiteUrl()).isEqualTo("https://mine.example.com");
    }

    @Test
    void aSolutionIsListedAndLinked() {
        String id = SeededScenario.NO_SOLUTION.id("Sandbox");
        Opportunity o = fx.partnerCentral().getOpportunity(id);
        assertThat(o.relatedSolutionIds()).isEmpty();
        List<Solution> solutions = fx.partnerCentral().listSolutions();
        assertThat(solutions).isNotEmpty().allMatch(Solution::isActive);
        Opportunity linked = new Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                o.customer(), o.project(), o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(),
                o.marketingSource(), o.primaryNeedsFromAws(), List.of(solutions.getFirst().id()), o.createdDate(),
                o.lastModifiedDate(), o.marketing());
        Opportunity saved = fx.partnerCentral().updateOpportunity(new OpportunityUpdate(linked, Set.of(EditableField.SOLUTION)));
        assertThat(saved.relatedSolutionIds()).containsExactly(solutions.getFirst().id());
        assertThat(guard.decide(saved, false, LocalDate.now()).allowsStart()).isTrue();
    }
}
