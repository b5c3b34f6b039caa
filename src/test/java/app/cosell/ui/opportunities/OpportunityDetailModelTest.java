package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.ui.common.Background;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityDetailModelTest {

    private final FakeOpportunities source = new FakeOpportunities(30);

    @Test
    void selectingARowFetchesTheRecordAndRunsTheReadinessCheck() {
        OpportunityDetailModel model = new OpportunityDetailModel(source,
                o -> List.of(new ReadinessItem(true, "No website for " + o.id(), "Add it")), Background.DIRECT);

        model.selectedProperty().set(source.all.get(3));

        assertThat(model.opportunityProperty().get().id()).isEqualTo("O0000003");
        assertThat(model.findings()).containsExactly(new ReadinessItem(true, "No website for O0000003", "Add it"));
        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void onlyWarningsStillCountAsReady() {
        OpportunityDetailModel model = new OpportunityDetailModel(source,
                o -> List.of(new ReadinessItem(false, "Close date soon", "Check it")), Background.DIRECT);
        model.selectedProperty().set(source.all.get(1));
        assertThat(model.readyProperty().get()).isTrue();
    }

    @Test
    void showsOnlyTheTasksOfTheSelectedOpportunity() {
        OpportunityDetailModel model = new OpportunityDetailModel(source, o -> List.of(), Background.DIRECT);
        model.updateTasks(List.of(Tasks.complete("a", "O0000001"), Tasks.failed("b", "O0000002"),
                Tasks.failed("c", "O0000001")));

        model.selectedProperty().set(source.all.get(1));
        assertThat(model.tasks()).extracting(t -> t.localId()).containsExactly("a", "c");

        model.selectedProperty().set(null);
        assertThat(model.tasks()).isEmpty();
        assertThat(model.opportunityProperty().get()).isNull();
    }

    @Test
    void aFresherRecordIsShownOnlyForTheSelectedOpportunityAndTheReplacedRowIsNotFetchedAgain() {
        int[] fetches = {0};
        OpportunitySource counting = new OpportunitySource() {
            @Override public Page list(OpportunityFilter f, String t, int m) { return new Page(List.of(), null); }
            @Override public app.cosell.model.Opportunity get(String id) { fetches[0]++; return source.get(id); }
        };
        OpportunityDetailModel model = new OpportunityDetailModel(counting,
                o -> List.of(new ReadinessItem(false, "checked " + o.lastModifiedDate(), null)), Background.DIRECT);
        model.selectedProperty().set(source.all.get(1));
        assertThat(fetches[0]).isEqualTo(1);
        app.cosell.model.Opportunity before = model.opportunityProperty().get();
        app.cosell.model.Opportunity fresh = withLastModified(before, java.time.Instant.parse("2026-11-23T10:00:00Z"));

        model.showRefreshed(withLastModified(source.get("O0000002"), java.time.Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(model.opportunityProperty().get()).isSameAs(before);

        model.showRefreshed(fresh);
        model.selectedProperty().set(app.cosell.model.OpportunitySummary.of(fresh, source.all.get(1)));

        assertThat(model.opportunityProperty().get()).isSameAs(fresh);
        assertThat(model.findings()).extracting(ReadinessItem::problem).containsExactly("checked 2026-11-23T10:00:00Z");
        assertThat(fetches[0]).isEqualTo(1);
    }

    private static app.cosell.model.Opportunity withLastModified(app.cosell.model.Opportunity o, java.time.Instant at) {
        return new app.cosell.model.Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(), o.customer(),
                o.project(), o.lifeCycle(), o.opportunityType(), o.origin(), o.nationalSecurity(), o.marketingSource(),
                o.primaryNeedsFromAws(), o.relatedSolutionIds(), o.createdDate(), at);
    }

    @Test
    void aFailedFetchIsReportedAndClearedByTheNextSelection() {
        OpportunitySource failing = new OpportunitySource() {
            @Override public Page list(OpportunityFilter f, String t, int m) { return new Page(List.of(), null); }
            @Override public app.cosell.model.Opportunity get(String id) {
                if (id.equals("O0000001")) throw PartnerCentralFailure.of(FailureKind.ACCESS_DENIED, "denied", null);
                return source.get(id);
            }
        };
        OpportunityDetailModel model = new OpportunityDetailModel(failing, o -> List.of(), Background.DIRECT);

        model.selectedProperty().set(source.all.get(1));
        assertThat(model.failureProperty().get()).isInstanceOf(PartnerCentralFailure.class);
        assertThat(model.opportunityProperty().get()).isNull();

        model.selectedProperty().set(source.all.get(2));
        assertThat(model.failureProperty().get()).isNull();
        assertThat(model.opportunityProperty().get().id()).isEqualTo("O0000002");
    }
}
