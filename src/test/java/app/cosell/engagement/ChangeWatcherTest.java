package app.cosell.engagement;

import app.cosell.files.JsonFileStore;
import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.model.ReviewStatus;
import app.cosell.testing.EmulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The change watcher against the emulator over the real SDK: cheap quiet polls, alerts, catching up after a restart. */
class ChangeWatcherTest {

    /** The review is held before each stage: an opportunity forced into review stays there until a test decides. */
    @RegisterExtension
    static final EmulatorExtension fixture = EmulatorExtension.sandbox().holdReviews().resetBeforeEach();
    @TempDir Path dir;

    private ChangeWatcher watcher(Set<String> submitted) {
        JsonFileStore<ChangeWatchStore.WatchState> file = new JsonFileStore<>(dir.resolve("review-watch.json"),
                AppJson.newMapper(), ChangeWatchStore.WatchState.class, () -> ChangeWatchStore.WatchState.EMPTY);
        return new ChangeWatcher(() -> fixture.partnerCentral(), () -> submitted, ChangeWatchStore.inFile(file),
                Clock.systemUTC(), Duration.ZERO);
    }

    @Test
    void quietPollCostsOneReadAndAnApprovalRaisesOneChangeWithTheSeller() {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox");
        fixture.emulator().forceReview("Sandbox", id, "In review", null);
        ChangeWatcher watcher = watcher(Set.of(id));
        assertThat(watcher.poll()).isEmpty(); // the first poll only sets the watermark
        fixture.resetCounts();

        assertThat(watcher.poll()).isEmpty();
        assertThat(fixture.totalCalls()).isEqualTo(1);

        fixture.emulator().forceReview("Sandbox", id, "Approved", null);
        fixture.resetCounts();
        List<ReviewChange> changes = watcher.poll();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.opportunityId()).isEqualTo(id);
            assertThat(c.reviewStatusAfter()).isEqualTo(ReviewStatus.APPROVED);
            assertThat(c.reviewStatusChanged()).isTrue();
            assertThat(c.awsSellerAfter()).endsWith("@amazon.example.com");
            assertThat(c.awsStageAfter()).isEqualTo("Seller Engaged");
        });
        assertThat(fixture.callsByOperation()).containsEntry("ListOpportunities", 1)
                .containsEntry("GetAwsOpportunitySummary", 1);

        fixture.resetCounts();
        assertThat(watcher.poll()).as("the same change is not raised twice").isEmpty();
        assertThat(fixture.totalCalls()).isEqualTo(1);
        assertThat(watcher.recent()).hasSize(1);
    }

    @Test
    void changesToOpportunitiesTheRepDidNotSubmitAreIgnored() {
        ChangeWatcher watcher = watcher(Set.of(SeededScenario.SUBMITTABLE.id("Sandbox")));
        watcher.poll();
        fixture.emulator().forceReview("Sandbox", SeededScenario.SUBMITTABLE_SECOND.id("Sandbox"), "Rejected", null);
        fixture.resetCounts();
        assertThat(watcher.poll()).isEmpty();
        assertThat(fixture.calls("GetAwsOpportunitySummary")).isZero();
    }

    @Test
    void aSubmissionRecordedWhileAPollListsStillRaisesAwsFirstDecision() {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox");
        // The rep's submission reaches the history only once the poll's list call has been answered.
        int[] listsBefore = new int[1];
        JsonFileStore<ChangeWatchStore.WatchState> file = new JsonFileStore<>(dir.resolve("review-watch.json"),
                AppJson.newMapper(), ChangeWatchStore.WatchState.class, () -> ChangeWatchStore.WatchState.EMPTY);
        ChangeWatcher watcher = new ChangeWatcher(() -> fixture.partnerCentral(),
                () -> fixture.calls("ListOpportunities") > listsBefore[0] ? Set.of(id) : Set.of(),
                ChangeWatchStore.inFile(file), Clock.systemUTC(), Duration.ZERO);
        watcher.poll();
        fixture.emulator().forceReview("Sandbox", id, "Approved", null);
        fixture.resetCounts();

        List<ReviewChange> first = watcher.poll();
        List<ReviewChange> second = watcher.poll();
        assertThat(first).as("first poll").singleElement()
                .satisfies(c -> assertThat(c.reviewStatusAfter()).isEqualTo(ReviewStatus.APPROVED));
        assertThat(second).as("second poll").isEmpty();
    }

    @Test
    void aSubmissionRecordedOnlyAfterAwsDecidedStillRaisesThatDecision() {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox");
        Set<String> submitted = new java.util.concurrent.CopyOnWriteArraySet<>();
        JsonFileStore<ChangeWatchStore.WatchState> file = new JsonFileStore<>(dir.resolve("review-watch.json"),
                AppJson.newMapper(), ChangeWatchStore.WatchState.class, () -> ChangeWatchStore.WatchState.EMPTY);
        ChangeWatcher watcher = new ChangeWatcher(() -> fixture.partnerCentral(), () -> submitted,
                ChangeWatchStore.inFile(file), Clock.systemUTC(), Duration.ZERO);
        watcher.poll();
        fixture.emulator().forceReview("Sandbox", id, "Approved", null);
        assertThat(watcher.poll()).as("not the rep's yet").isEmpty();

        submitted.add(id); // the history records the submission late, after AWS's decision was listed
        assertThat(watcher.poll()).singleElement()
                .satisfies(c -> assertThat(c.reviewStatusAfter()).isEqualTo(ReviewStatus.APPROVED));
        assertThat(watcher.poll()).isEmpty();
    }

    @Test
    void nextLaunchCatchesUpWithWhatChangedWhileClosed() {
        String id = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox");
        ChangeWatcher first = watcher(Set.of(id));
        first.poll();
        // The app is closed; AWS acts meanwhile.
        fixture.emulator().forceReview("Sandbox", id, "Action Required", "Please fix the customer website");

        ChangeWatcher afterRestart = watcher(Set.of(id));
        assertThat(afterRestart.since()).isNotNull();
        assertThat(afterRestart.poll()).singleElement().satisfies(c -> {
            assertThat(c.reviewStatusAfter()).isEqualTo(ReviewStatus.ACTION_REQUIRED);
            assertThat(c.reviewStatusBefore()).isEqualTo(ReviewStatus.SUBMITTED);
        });
    }
}
