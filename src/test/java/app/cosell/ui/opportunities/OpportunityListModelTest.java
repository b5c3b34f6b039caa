package app.cosell.ui.opportunities;

import app.cosell.ui.common.EngagementState;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.FailureKind;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
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
        assertThat(batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(TableFeed.MAX_ROWS_PER_TURN));
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void theLaunchsStoredRowsStayAndGoOnIntoTheSyncOnceConnected() {
        FakeOpportunitiesStore source = new FakeOpportunitiesStore(30);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);

        model.showStored(); // before any connection
        model.showAllLoaded();
        assertThat(model.rows()).hasSize(30);
        assertThat(model.loadingProperty().get()).as("still connecting").isTrue();
        assertThat(model.asOfProperty().get()).isEqualTo(FakeOpportunitiesStore.AS_OF);
        assertThat(source.syncs).isZero();

        model.refresh(); // connected: the preview goes on into the sync, the rows are not read again
        assertThat(source.storedReads).isEqualTo(1);
        assertThat(source.syncs).isEqualTo(1);
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.asOfProperty().get()).as("synced").isNull();
        assertThat(model.rows()).hasSize(30);

        model.refresh(); // F5 later: a load of its own
        assertThat(source.storedReads).isEqualTo(2);
        assertThat(source.syncs).isEqualTo(2);
    }

    @Test
    void aFailedFirstConnectionLeavesTheStoredRowsShownAndStopsLoading() {
        FakeOpportunitiesStore source = new FakeOpportunitiesStore(12);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);

        model.showStored();
        model.stop(); // connecting failed
        assertThat(model.rows()).hasSize(12);
        assertThat(model.loadingProperty().get()).isFalse();

        model.refresh(); // connected later: a load of its own
        assertThat(source.storedReads).isEqualTo(2);
        assertThat(source.syncs).isEqualTo(1);
    }

    @Test
    void searchFindsTheTagsTheRepSentFromThisApp() {
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(200), Background.DIRECT);
        model.refresh();
        TaskProgress plain = Tasks.complete("t1", "O0000007");
        TaskProgress tagged = new TaskProgress(plain.localId(), new app.cosell.model.StartEngagementRequest(
                plain.request().catalog(), "O0000007", plain.request().involvementType(), plain.request().visibility(),
                List.of(new app.cosell.model.Tag("Territory", "Nordics"))), plain.clientToken(), plain.attempt(),
                plain.taskId(), plain.taskArn(), plain.status(), plain.requestedAt(), plain.startTime(), plain.endedAt(),
                plain.steps(), plain.engagementId(), plain.engagementInvitationId(), plain.resourceSnapshotJobId(),
                plain.reasonCode(), plain.message(), plain.failure(), plain.updatedAt());

        model.searchProperty().set("nordics");
        assertThat(model.visibleRows()).isEmpty();
        model.updateTasks(List.of(tagged));
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).containsExactly("O0000007");
        model.searchProperty().set("territory nor");
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).containsExactly("O0000007");
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

        assertThat(fetched).hasSize(TitleFetcher.FETCHES + TitleFetcher.BACKLOG)
                .doesNotHaveDuplicates().contains("O0000199", "O0000000", "O0000001");
        assertThat(model.titleOf("O0000199")).isEqualTo("Project 199");
        model.searchProperty().set("project 199");
        model.refresh();
        fx.runAll();
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).contains("O0000199");
    }

    @Test
    void aRowIsFetchedAgainWhenItsTaskEndsAndOnlyThen() {
        FakeOpportunities source = new FakeOpportunities(20);
        List<String> fetched = new ArrayList<>();
        List<app.cosell.model.Opportunity> refreshed = new ArrayList<>();
        OpportunitySource counting = new OpportunitySource() {
            @Override public Page list(OpportunityFilter f, String t, int m) { return source.list(f, t, m); }
            @Override public app.cosell.model.Opportunity get(String id) {
                fetched.add(id);
                app.cosell.model.Opportunity o = source.get(id);
                return new app.cosell.model.Opportunity(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                        o.customer(), o.project(), new app.cosell.model.Opportunity.LifeCycle(o.lifeCycle().stage(),
                        o.lifeCycle().stageRaw(), ReviewStatus.SUBMITTED, ReviewStatus.SUBMITTED.wire(),
                        o.lifeCycle().targetCloseDate(), null, null, null), o.opportunityType(), o.origin(),
                        o.nationalSecurity(), o.marketingSource(), o.primaryNeedsFromAws(), o.relatedSolutionIds(),
                        o.createdDate(), java.time.Instant.parse("2026-11-23T12:00:00Z"));
            }
        };
        OpportunityListModel model = new OpportunityListModel(counting, Background.DIRECT);
        model.setOnRecordRefreshed(refreshed::add);
        model.refresh();
        // The history at start: tasks that ended long ago change nothing.
        model.updateTasks(List.of(Tasks.complete("old", "O0000001"), Tasks.running("t3", "O0000003")));
        assertThat(fetched).isEmpty();

        model.updateTasks(List.of(Tasks.complete("t3", "O0000003"), Tasks.complete("old", "O0000001")));
        model.updateTasks(List.of(Tasks.complete("t3", "O0000003"), Tasks.complete("old", "O0000001")));

        assertThat(fetched).containsExactly("O0000003");
        OpportunitySummary row = model.rows().get(3);
        assertThat(row.id()).isEqualTo("O0000003");
        assertThat(row.reviewStatus()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(row.lastModifiedDate()).isEqualTo(java.time.Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(model.rows()).hasSize(20);
        assertThat(refreshed).extracting(app.cosell.model.Opportunity::id).containsExactly("O0000003");

        // A task started and ended between two reads of the history also counts.
        model.updateTasks(List.of(Tasks.failed("t4", "O0000001"), Tasks.complete("t3", "O0000003")));
        assertThat(fetched).containsExactly("O0000003", "O0000001");
    }

    @Test
    void aReloadSaysItsRowsAreBeingReplacedWhileItSwapsThem() {
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(30), Background.DIRECT);
        model.refresh();
        List<Boolean> duringSwap = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<OpportunitySummary>) c -> {
            while (c.next()) if (c.wasRemoved()) duringSwap.add(model.isReplacing("O0000001"));
        });

        model.refresh();

        assertThat(duringSwap).containsExactly(true);
        assertThat(model.isReplacing("O0000001")).isFalse();
    }

    @Test
    void aReloadKeepsThePreviousRowsUntilItsFirstPageReplacesThemInOneChange() {
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(250), fx);
        model.refresh();
        fx.runAll();
        List<String> changes = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<OpportunitySummary>) c -> {
            while (c.next()) changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
        });

        model.refresh();              // every page fetched, none taken in yet: the table keeps its rows (never empty)
        assertThat(model.rows()).hasSize(250);
        assertThat(model.statusProperty().get()).isEqualTo("Loading\u2026 0 opportunities so far");
        fx.runAll();

        assertThat(changes).containsExactly("-250+250");
        assertThat(model.completeProperty().get()).isTrue();
    }

    @Test
    void aReloadThatFindsNoRowsOrFailsAtOnceClearsThePreviousRows() {
        FakeOpportunities source = new FakeOpportunities(120);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
        model.refresh();

        model.filterProperty().set(new OpportunityFilter(Set.of(), Set.of(), "Nobody Inc"));
        assertThat(model.rows()).isEmpty();
        assertThat(model.completeProperty().get()).isTrue();

        model.filterProperty().set(OpportunityFilter.ANY);
        assertThat(model.rows()).hasSize(120);
        source.failAfterPages = source.listCalls.get();
        source.failOnPage = PartnerCentralFailure.of(FailureKind.THROTTLED, "Rate exceeded", null);
        model.refresh();
        assertThat(model.rows()).isEmpty();
        assertThat(model.failureProperty().get()).isSameAs(source.failOnPage);
    }

    @Test
    void aReloadWithADifferentRowCountSwapsInTwoStepsAFrameApartUnlessTheRepAsks() {
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(2_500), fx);
        model.refresh();
        fx.runAll();
        List<String> changes = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<OpportunitySummary>) c -> {
            while (c.next()) changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
        });

        model.refresh();
        fx.runOne();                  // step one: the count becomes the first rows' (the previous rows on screen stay)
        assertThat(changes).containsExactly("-1500");
        assertThat(model.isReplacing("O0000001")).isFalse();
        fx.runOne();                  // the load's end arrives
        assertThat(changes).containsExactly("-1500");
        fx.runOne();                  // a frame later, step two: the first 1,000 rows of the new load replace them
        assertThat(changes).containsExactly("-1500", "-1000+1000");
        assertThat(model.rows()).hasSize(1_000);
        fx.runAll();
        assertThat(model.rows()).hasSize(2_500);
        assertThat(model.completeProperty().get()).isTrue();

        changes.clear();
        model.refresh();
        fx.runOne();                  // step one again
        model.searchProperty().set("o0002345"); // the rep searches before step two: everything loaded, at once

        assertThat(changes).containsExactly("-1500", "-1000+2500");
        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).containsExactly("O0002345");
        fx.runAll();
        assertThat(model.rows()).hasSize(2_500);
        assertThat(model.completeProperty().get()).isTrue();
    }

    @Test
    void aReloadCompletesWhenItsRowsAndEndArriveBeforeTheSwapsFrameOnAnFxThreadThatRunsItsOwnCallsAtOnce() {
        FakeOpportunities source = new FakeOpportunities(2_600);
        Frames fx = new Frames();
        OpportunityListModel model = new OpportunityListModel(source, fx);
        model.filterProperty().set(new OpportunityFilter(Set.of(), Set.of(), "Acme Corp"));
        model.refresh();
        fx.settle();
        assertThat(model.rows()).hasSize(260);

        model.filterProperty().set(OpportunityFilter.ANY); // 26 pages and the end, all before the next frame
        fx.settle();

        assertThat(model.rows()).hasSize(2_600);
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(fx.frames).isGreaterThanOrEqualTo(3); // the swap's step two, then a turn's worth a frame
    }

    @Test
    void laterPagesAreHeldBackFromTheTableButCountedUntilTheLoadEnds() {
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(2_000), fx);
        List<Integer> appends = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<OpportunitySummary>) c -> {
            while (c.next()) if (c.wasAdded()) appends.add(c.getAddedSize());
        });
        model.refresh();
        fx.runOne();                  // the first turn takes the 20 pages fetched so far in: a turn's worth goes to the table

        assertThat(model.rows()).hasSize(1_000);
        assertThat(model.loadedProperty().get()).isEqualTo(2_000);
        assertThat(model.hasHeldRows()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Loading\u2026 2,000 opportunities so far");
        fx.runAll();                  // the load's end: the rest, at most a turn's worth at a time

        assertThat(model.rows()).hasSize(2_000);
        assertThat(appends).containsExactly(1_000, 1_000);
        assertThat(model.hasHeldRows()).isFalse();
        assertThat(model.completeProperty().get()).isTrue();
    }

    @Test
    void heldRowsGoToTheTableWhenAsked() {
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(2_500), fx);
        model.refresh();
        fx.runOne();                  // all 25 pages fetched: the first 1,000 rows go to the table, the rest wait

        model.showAllLoaded();        // the rep scrolled near the end, or sorted

        assertThat(model.rows()).hasSize(2_500);
        assertThat(model.hasHeldRows()).isFalse();
        assertThat(model.completeProperty().get()).isFalse();
        fx.runAll();
        assertThat(model.rows()).hasSize(2_500);
        assertThat(model.completeProperty().get()).isTrue();
    }

    @Test
    void aSearchSeesTheHeldRowsToo() {
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(2_500), fx);
        model.refresh();
        fx.runOne();
        assertThat(model.rows()).hasSize(1_000);

        model.searchProperty().set("o0002345");

        assertThat(model.visibleRows()).extracting(OpportunitySummary::id).containsExactly("O0002345");
        assertThat(model.statusProperty().get()).isEqualTo("1 matching \u00b7 Loading\u2026 2,500 opportunities so far");
    }

    @Test
    void openingAHeldBackRowHandsTheHeldRowsToTheTable() {
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(2_500), fx);
        List<OpportunitySummary> shown = new ArrayList<>();
        model.setOnShowRow(shown::add);
        model.refresh();
        fx.runOne();

        model.open("O0002321");

        assertThat(shown).extracting(OpportunitySummary::id).containsExactly("O0002321");
        assertThat(model.rows()).hasSize(2_500);
        assertThat(model.rows().get(2_321).id()).isEqualTo("O0002321"); // in server order, not fetched on its own
        assertThat(model.statusProperty().get()).doesNotContain("O0002321");
    }

    @Test
    void openingALoadedRowHiddenByTheSearchClearsTheSearchAndSaysSo() {
        OpportunityListModel model = new OpportunityListModel(new FakeOpportunities(50), Background.DIRECT);
        List<OpportunitySummary> shown = new ArrayList<>();
        model.setOnShowRow(shown::add);
        model.refresh();
        model.searchProperty().set("acme");

        model.open("O0000007");

        assertThat(model.searchProperty().get()).isEmpty();
        assertThat(model.visibleRows()).hasSize(50);
        assertThat(shown).extracting(OpportunitySummary::id).containsExactly("O0000007");
        assertThat(model.statusProperty().get()).startsWith("Search cleared to show O0000007");
    }

    @Test
    void openingARowExcludedByTheFiltersClearsThemAndAddsTheRowOnce() {
        FakeOpportunities source = new FakeOpportunities(300);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
        List<OpportunitySummary> shown = new ArrayList<>();
        model.setOnShowRow(shown::add);
        model.filterProperty().set(new OpportunityFilter(Set.of(), Set.of(), "Acme Corp"));
        model.refresh();
        assertThat(model.rows()).hasSize(30);

        model.open("O0000007");

        assertThat(model.filterProperty().get()).isEqualTo(OpportunityFilter.ANY);
        assertThat(shown).extracting(OpportunitySummary::id).containsExactly("O0000007");
        assertThat(model.rows()).hasSize(300);
        assertThat(model.rows()).filteredOn(s -> s.id().equals("O0000007")).hasSize(1);
        assertThat(model.statusProperty().get()).startsWith("Filters cleared to show O0000007");
    }

    @Test
    void openingARowNotLoadedYetFetchesItWithoutWaitingForItsPage() {
        FakeOpportunities source = new FakeOpportunities(3_000);
        Deferred fx = new Deferred();
        OpportunityListModel model = new OpportunityListModel(source, fx);
        List<OpportunitySummary> shown = new ArrayList<>();
        model.setOnShowRow(shown::add);
        model.refresh();                 // every page is fetched, none handed to the FX thread yet
        model.open("O0002999");
        fx.runOne();                     // the first turn: the first batch of the load
        fx.runOne();                     // the end of the load's loop
        fx.runOne();                     // the opened row's record, before the rest of the rows

        assertThat(shown).extracting(OpportunitySummary::id).containsExactly("O0002999");
        assertThat(model.rows()).extracting(OpportunitySummary::id).contains("O0002999");
        assertThat(model.completeProperty().get()).isFalse(); // the load's end not taken in yet
        fx.runAll();
        assertThat(model.rows()).hasSize(3_000);
        assertThat(model.rows()).filteredOn(s -> s.id().equals("O0002999")).hasSize(1);
        assertThat(model.statusProperty().get()).contains("O0002999");
    }

    @Test
    void aFailedOpenIsSaidInTheStatusLine() {
        FakeOpportunities source = new FakeOpportunities(10);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
        List<OpportunitySummary> shown = new ArrayList<>();
        model.setOnShowRow(shown::add);
        model.refresh();

        model.open("O9999999"); // the fake answers with NoSuchElementException

        assertThat(shown).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Could not open O9999999");
    }

    /**
     * Like the app's FX background: work on the FX thread asked for from the FX thread runs at once, from elsewhere it
     * waits for a turn; frames are drawn by {@link #settle} when no turn is waiting. Background work runs at once.
     */
    static final class Frames implements Background {
        private final List<Runnable> turns = new ArrayList<>();
        private final List<Runnable> afterFrame = new ArrayList<>();
        private boolean onFxThread;
        int frames;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                T v = work.call();
                turns.add(() -> onSuccess.accept(v));
            } catch (Exception e) {
                turns.add(() -> onFailure.accept(e));
            }
        }

        @Override
        public void onFx(Runnable action) {
            if (onFxThread) action.run();
            else turns.add(action);
        }

        @Override
        public void afterNextFrame(Runnable action) { afterFrame.add(action); }

        @Override
        public boolean drawsFrames() { return false; } // the load's loop runs on the test thread: it must not wait

        /** Runs turns, and a frame whenever none is waiting, until nothing is left (at most 1,000 frames). */
        void settle() {
            for (int guard = 0; guard < 1_000 && !(turns.isEmpty() && afterFrame.isEmpty()); guard++) {
                while (!turns.isEmpty()) {
                    onFxThread = true;
                    try {
                        turns.removeFirst().run();
                    } finally {
                        onFxThread = false;
                    }
                }
                if (!afterFrame.isEmpty()) {
                    frames++;
                    List<Runnable> drawn = new ArrayList<>(afterFrame);
                    afterFrame.clear();
                    drawn.forEach(turns::add);
                }
            }
        }
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

        void runOne() { fx.removeFirst().run(); }

        void runAll() {
            while (!fx.isEmpty()) fx.removeFirst().run();
        }
    }
}
