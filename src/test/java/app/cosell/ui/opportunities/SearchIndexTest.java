package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.model.Stage;
import app.cosell.ui.common.Background;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static final Comparator<OpportunitySummary> NEWEST_FIRST =
            Comparator.comparing(OpportunitySummary::lastModifiedDate).reversed();

    private static List<OpportunitySummary> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(FakeOpportunities::summary).toList();
    }

    private static OpportunitySummary copy(OpportunitySummary s, String id, Instant modified) {
        return new OpportunitySummary(id, s.arn(), s.catalog(), s.partnerOpportunityIdentifier(), s.customerCompanyName(),
                s.countryCode(), s.projectTitle(), s.stage(), s.stageRaw(), s.reviewStatus(), s.reviewStatusRaw(),
                s.targetCloseDate(), s.expectedMonthlySpend(), s.createdDate(), modified, s.industry(), s.city());
    }

    private static List<String> ids(List<OpportunitySummary> rows) {
        return rows.stream().map(OpportunitySummary::id).toList();
    }

    @Test
    void searchesEveryFieldIgnoringCaseAndTheSpacesAround() {
        Map<String, String> titles = new HashMap<>();
        SearchIndex index = new SearchIndex(titles::get);
        titles.put("O0000003", "Lakehouse Migration");
        index.reset(rows(0, 12));

        assertThat(ids(index.search("  O0000007 ", null))).containsExactly("O0000007");     // id
        assertThat(ids(index.search("acme", null))).containsExactly("O0000000", "O0000010");  // customer
        assertThat(ids(index.search("project 11", null))).containsExactly("O0000011");       // title
        assertThat(ids(index.search("p-5", null))).containsExactly("O0000005");              // CRM id
        assertThat(ids(index.search("healthcare", null))).hasSize(4);                        // industry
        assertThat(ids(index.search("SEATTLE", null))).containsExactly("O0000001", "O0000005", "O0000009"); // city
        assertThat(ids(index.search("lakehouse", null))).containsExactly("O0000003");        // a learnt title
        assertThat(index.search("", null)).hasSize(12);
        assertThat(index.search("corpproject", null)).isEmpty(); // never across two fields
    }

    @Test
    void aQueryThatExtendsTheLastScansOnlyItsMatchesAndAnyOtherScansEveryRow() {
        SearchIndex index = new SearchIndex(id -> null);
        index.reset(rows(0, 200));

        assertThat(index.search("project 1", null)).hasSize(111);
        assertThat(index.lastScanned()).isEqualTo(200);
        assertThat(ids(index.search("project 19", null))).hasSize(11);
        assertThat(index.lastScanned()).isEqualTo(111);
        assertThat(ids(index.search("project 199", null))).containsExactly("O0000199");
        assertThat(index.lastScanned()).isEqualTo(11);
        // Backspace (not an extension): every row again.
        assertThat(index.search("project 1", null)).hasSize(111);
        assertThat(index.lastScanned()).isEqualTo(200);
        // A different test (the quick filter): every row again, even for an extending query; it runs on text matches.
        List<String> tested = new ArrayList<>();
        Predicate<OpportunitySummary> counting = s -> tested.add(s.id()) && s.id().endsWith("9");
        assertThat(ids(index.search("project 19", counting))).hasSize(2).containsExactly("O0000019", "O0000199");
        assertThat(index.lastScanned()).isEqualTo(200);
        assertThat(tested).hasSize(11);
        assertThat(ids(index.search("project 199", counting))).containsExactly("O0000199");
        assertThat(index.lastScanned()).isEqualTo(2);
        // A test whose answers changed (a row's readiness): every row again.
        index.forgetLastSearch();
        index.search("project 199", counting);
        assertThat(index.lastScanned()).isEqualTo(200);
    }

    @Test
    void theOrderChangesOnlyWhenAskedAndResultsComeInIt() {
        SearchIndex index = new SearchIndex(id -> null);
        index.reset(rows(0, 50));
        assertThat(ids(index.search("", null))).first().isEqualTo("O0000000"); // the server order

        index.setOrder(NEWEST_FIRST);
        assertThat(index.search("", null)).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(ids(index.search("acme", null))).containsExactly("O0000040", "O0000030", "O0000020", "O0000010", "O0000000");
        assertThat(ids(index.search("acme c", null))).containsExactly("O0000040", "O0000030", "O0000020", "O0000010", "O0000000");

        Comparator<OpportunitySummary> byStage = Comparator.comparing(OpportunitySummary::stage);
        index.setOrder(byStage);
        List<OpportunitySummary> byStageAcme = index.search("acme c", null); // after a sort: not a refinement
        assertThat(byStageAcme).hasSize(5).isSortedAccordingTo(byStage);
        assertThat(byStageAcme.stream().filter(s -> s.stage() == Stage.values()[0]).map(OpportunitySummary::id).toList())
                .as("ties keep the order they had").isSortedAccordingTo(Comparator.naturalOrder());

        index.setOrder(null); // "Not sorted": a stable sort on the previous order does not bring the server's back
        assertThat(index.search("", null)).hasSize(50);
    }

    @Test
    void rowsArrivingDuringASearchMergeIntoTheOrderAndTheResult() {
        SearchIndex index = new SearchIndex(id -> null);
        index.setOrder(NEWEST_FIRST);
        index.reset(rows(0, 100));
        assertThat(index.search("acme", null)).hasSize(10);

        index.add(rows(100, 250)); // the next pages: newer rows, to be merged in front
        List<OpportunitySummary> after = index.search("acme c", null); // extends the query, but the rows changed
        assertThat(after).hasSize(25).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(ids(after).getFirst()).isEqualTo("O0000240");
        assertThat(index.search("", null)).hasSize(250).isSortedAccordingTo(NEWEST_FIRST).doesNotHaveDuplicates();

        index.add(List.of(copy(FakeOpportunities.summary(5), "O0009999", FakeOpportunities.summary(120).lastModifiedDate())));
        List<OpportunitySummary> all = index.search("", null);
        assertThat(all).hasSize(251).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(ids(all).indexOf("O0009999")).isEqualTo(ids(all).indexOf("O0000120") + 1); // after its equal
    }

    @Test
    void aReplacedRowMovesToItsPlaceAndIsSearchedByItsNewText() {
        SearchIndex index = new SearchIndex(id -> null);
        index.setOrder(NEWEST_FIRST);
        index.reset(rows(0, 30));
        OpportunitySummary old = FakeOpportunities.summary(3);
        OpportunitySummary fresh = copy(FakeOpportunities.summary(3), "O0000003", FakeOpportunities.summary(99).lastModifiedDate());

        index.replace(old, fresh);

        List<OpportunitySummary> all = index.search("", null);
        assertThat(all).hasSize(30).isSortedAccordingTo(NEWEST_FIRST).first().isSameAs(fresh);
        assertThat(all).doesNotContain(old);
    }

    @Test
    void theModelPublishesOneChangePerKeystrokeInTheTablesOrderAndAppendsArrivingRows() {
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(300), Background.DIRECT);
        model.refresh();
        model.sortBy(NEWEST_FIRST);
        List<String> changes = new ArrayList<>();
        model.visibleRows().addListener((ListChangeListener<OpportunitySummary>) c -> {
            while (c.next()) changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
        });

        model.searchProperty().set("acme");

        assertThat(changes).containsExactly("-300+30");
        assertThat(model.visibleRows()).isSortedAccordingTo(NEWEST_FIRST);
        model.sortBy(null); // "Not sorted": the server's order again
        assertThat(model.visibleRows()).hasSize(30).extracting(OpportunitySummary::id).first().isEqualTo("O0000000");
    }
}
