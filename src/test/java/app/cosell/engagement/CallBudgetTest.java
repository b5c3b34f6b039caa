package app.cosell.engagement;

import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.store.PipelineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallBudgetTest {

    @TempDir Path dir;

    @Test
    void readsAreSpacedAtTenASecondAndWritesAtOne() {
        List<Duration> waits = new ArrayList<>();
        CallBudget budget = new CallBudget(null, Clock.systemUTC(), waits::add, 10, 1);

        for (int i = 0; i < 5; i++) budget.acquire("ListOpportunities");
        budget.acquire("StartEngagementFromOpportunityTask");
        budget.acquire("StartEngagementFromOpportunityTask");

        // Back to back, each read waits for the one before it: 100 ms apart (less the little time that passed).
        assertThat(waits).hasSize(5);
        assertThat(waits.subList(0, 4)).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(50), Duration.ofMillis(400)));
        assertThat(waits.getLast()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1000));
        assertThat(budget.usage().readsToday()).isEqualTo(5);
        assertThat(budget.usage().writesToday()).isEqualTo(2);
    }

    @Test
    void theDaysCountsSurviveARestartThroughTheStore() {
        try (PipelineStore store = PipelineStore.open(dir.resolve("p.db"), AppJson.newMapper())) {
            CallBudget budget = new CallBudget(store.ledger(), Clock.systemUTC(), d -> { }, 10, 1);
            for (int i = 0; i < 7; i++) budget.acquire("GetOpportunity");
            budget.acquire("ListEngagementFromOpportunityTasks");
            budget.onThrottled("GetOpportunity");
        }
        try (PipelineStore store = PipelineStore.open(dir.resolve("p.db"), AppJson.newMapper())) {
            CallBudget.Usage usage = new CallBudget(store.ledger(), Clock.systemUTC()).usage();
            assertThat(usage.readsToday()).isEqualTo(7);
            assertThat(usage.throttledToday()).isEqualTo(1);
            assertThat(usage.readsLeft()).isEqualTo(CallBudget.READS_PER_DAY - 7);
        }
    }

    @Test
    void aWritePastTheDaysBudgetIsRefusedBeforeItIsSent() {
        try (PipelineStore store = PipelineStore.open(dir.resolve("p.db"), AppJson.newMapper())) {
            store.ledger().add("write", java.time.Instant.now(), (int) CallBudget.WRITES_PER_DAY, 0);
            CallBudget budget = new CallBudget(store.ledger(), Clock.systemUTC(), d -> { }, 10, 1);

            assertThatThrownBy(() -> budget.acquire("StartEngagementFromOpportunityTask"))
                    .isInstanceOfSatisfying(PartnerCentralFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.THROTTLED));
            budget.acquire("GetOpportunity");
        }
    }

    @Test
    void aFullReloadOverATenthOfTheDayIsALargeShare() {
        assertThat(CallBudget.isLargeShareOfDay(10_000)).isFalse();
        assertThat(CallBudget.isLargeShareOfDay(10_001)).isTrue();
    }
}
