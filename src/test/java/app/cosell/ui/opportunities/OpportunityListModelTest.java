package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.FailureKind;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.ui.common.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OpportunityListModelTest {

    @Test
    void refreshLoadsEveryPageInServerOrder() {
        FakeOpportunities source = new FakeOpportunities(2_350);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);

        model.refresh();

        assertThat(model.rows()).hasSize(2_350);
        assertThat(model.rows().getFirst().id()).isEqualTo("O0000000");
        assertThat(model.rows().getLast().id()).isEqualTo("O0002349");
        assertThat(source.listCalls.get()).isEqualTo(24);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("2,350 opportunities");
    }

    @Test
    void rowsArriveInBoundedBatchesSoTheFxThreadNeverAddsMoreThanATurnsWorth() {
        FakeOpportunities source = new FakeOpportunities(3_000);
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(source, fx);
        List<Integer> batchSizes = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<OpportunitySummary>) c -> {
            while (c.next()) if (c.wasAdded()) batchSizes.add(c.getAddedSize());
        });

        model.refresh();          // the background loop has queued all 3,000 rows, the FX thread has not run yet
        assertThat(model.rows()).isEmpty();
        assertThat(model.loadingProperty().get()).isTrue();
        fx.runAll();

        assertThat(model.rows()).hasSize(3_000);
        assertThat(batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(OpportunityListModel.MAX_ROWS_PER_TURN));
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void searchMatchesIdCustomerAndTitleIgnoringCase() {
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(200), Background.DIRECT);
        model.refresh();

        model.searchProperty().set("acme");
        assertThat(model.visibleRows()).hasSize(20).allMatch(s -> s.customerCompanyName().equals("Acme Corp"));
        assertThat(model.statusProperty().get()).isEqualTo("20 matching · 200 opportunities");

        model.searchProperty().set("o0000150");
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).containsExactly("O0000150");

        model.searchProperty().set("PROJECT 19");
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id)
                .containsExactly("O0000019", "O0000190", "O0000191", "O0000192", "O0000193", "O0000194",
                        "O0000195", "O0000196", "O0000197", "O0000198", "O0000199");

        model.searchProperty().set("  ");
        assertThat(model.visibleRows()).hasSize(200);
    }

    @Test
    void changingTheServerFilterReloadsWithIt() {
        FakeOpportunities source = new FakeOpportunities(700);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
        model.refresh();

        model.filterProperty().set(new OpportunityFilter(Set.of(Stage.QUALIFIED), Set.of(ReviewStatus.PENDING_SUBMISSION), ""));

        assertThat(model.rows()).isNotEmpty()
                .allMatch(s -> s.stage() == Stage.QUALIFIED && s.reviewStatus() == ReviewStatus.PENDING_SUBMISSION);
        assertThat(model.rows()).hasSize((int) source.all.stream()
                .filter(s -> s.stage() == Stage.QUALIFIED && s.reviewStatus() == ReviewStatus.PENDING_SUBMISSION).count());
    }

    @Test
    void aFilterRestoredBeforeTheFirstLoadDoesNotLoadYet() {
        FakeOpportunities source = new FakeOpportunities(50);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
        model.filterProperty().set(new OpportunityFilter(Set.of(Stage.PROSPECT), Set.of(), ""));
        assertThat(source.listCalls.get()).isZero();
        model.refresh();
        assertThat(model.rows()).isNotEmpty().allMatch(s -> s.stage() == Stage.PROSPECT);
    }

    @Test
    void aNewLoadAbandonsTheOneUnderWay() {
        FakeOpportunities source = new FakeOpportunities(500);
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(source, fx);
        model.refresh();
        model.filterProperty().set(new OpportunityFilter(Set.of(), Set.of(), "Acme Corp"));

        fx.runAll();

        assertThat(model.rows()).hasSize(50).allMatch(s -> s.customerCompanyName().equals("Acme Corp"));
    }

    @Test
    void aFailedPageKeepsTheRowsSoFarAndReportsTheFailure() {
        FakeOpportunities source = new FakeOpportunities(1_000);
        source.failAfterPages = 3;
        source.failOnPage = PartnerCentralFailure.of(FailureKind.THROTTLED, "Rate exceeded", null);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);

        model.refresh();

        assertThat(model.rows()).hasSize(300);
        assertThat(model.failureProperty().get()).isSameAs(source.failOnPage);
        assertThat(model.completeProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("300").contains("failed");
    }

    @Test
    void engagementStateFollowsTheLatestTaskOfEachOpportunity() {
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(5), Background.DIRECT);
        model.refresh();
        OpportunitySummary first = model.rows().getFirst();

        model.updateTasks(List.of(Tasks.complete("t2", first.id()), Tasks.failed("t1", first.id())));

        assertThat(model.engagementStateOf(first)).isEqualTo(EngagementState.ENGAGED);
        assertThat(model.engagementStateOf(model.rows().get(1))).isEqualTo(EngagementState.NONE);
        model.updateTasks(List.of());
        assertThat(model.engagementStateOf(first)).isEqualTo(EngagementState.NONE);
    }

    @Test
    void titlesOfRowsOnScreenAreFetchedOnceNewestFirstWithABoundedBacklog() {
        FakeOpportunities source = new FakeOpportunities(500);
        java.util.List<String> fetched = new java.util.ArrayList<>();
        OpportunitySource counting = new OpportunitySource() {
            @Override public Page list(OpportunityFilter f, String t, int m) { return source.list(f, t, m); }
            @Override public app.cosell.model.Opportunity get(String id) { fetched.add(id); return source.get(id); }
        };
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(counting, fx);

        for (int i = 0; i < 200; i++) model.wantTitle(String.format("O%07d", i)); // a fast scroll
        model.wantTitle("O0000199");
        fx.runAll();

        assertThat(fetched).hasSize(OpportunityListModel.TITLE_FETCHES + OpportunityListModel.TITLE_BACKLOG)
                .doesNotHaveDuplicates().contains("O0000199", "O0000000", "O0000001");
        assertThat(model.titleOf("O0000199")).isEqualTo("Project 199");
        model.searchProperty().set("project 199");
        model.refresh();
        fx.runAll();
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).contains("O0000199");
    }

    /** Runs background work at once but holds FX-thread work until {@link #runAll}, like a busy FX thread. */
    static final class Deferred implements Background {
        private final List<Runnable> fx = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                T v = work.call();
                fx.add(() -> onSuccess.accept(v));
            } catch (Exception e) {
                fx.add(() -> onFailure.accept(e));
            }
        }

        @Override
        public void onFx(Runnable action) { fx.add(action); }

        void runAll() {
            while (!fx.isEmpty()) fx.removeFirst().run();
        }
    }
}
