package app.cosell.engagement;

import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.store.PipelineStore;
import java.net.URI;
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
    void aFasterPaceIsHonouredOnlyForALoopbackEndpoint() {
        String before = System.getProperty(CallBudget.EMULATOR_CALLS_PER_SECOND);
        try {
            System.setProperty(CallBudget.EMULATOR_CALLS_PER_SECOND, "500");
            for (String local : List.of("http://127.0.0.1:4566", "http://localhost:8080/", "http://[::1]:9000",
                    "https://127.9.9.9")) {
                CallBudget budget = CallBudget.forEndpoint(null, Clock.systemUTC(), URI.create(local));
                assertThat(budget.writeInterval()).as(local).isEqualTo(Duration.ofMillis(2));
                assertThat(budget.readInterval()).as(local).isEqualTo(Duration.ofMillis(2));
            }
            for (String remote : List.of("https://partnercentral-selling.us-east-1.api.aws", "http://10.0.0.5:4566",
                    "http://localhost.example.com", "http://192.168.1.20")) {
                CallBudget budget = CallBudget.forEndpoint(null, Clock.systemUTC(), URI.create(remote));
                assertThat(budget.writeInterval()).as(remote).isEqualTo(Duration.ofSeconds(1));
                assertThat(budget.readInterval()).as(remote).isEqualTo(Duration.ofMillis(100));
            }
            CallBudget aws = CallBudget.forEndpoint(null, Clock.systemUTC(), null);
            assertThat(aws.writeInterval()).as("the service's own endpoint").isEqualTo(Duration.ofSeconds(1));

            // Never slower than the quotas, and a setting that is no number is ignored.
            System.setProperty(CallBudget.EMULATOR_CALLS_PER_SECOND, "5");
            CallBudget five = CallBudget.forEndpoint(null, Clock.systemUTC(), URI.create("http://127.0.0.1:1"));
            assertThat(five.readInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(five.writeInterval()).isEqualTo(Duration.ofMillis(200));
            System.setProperty(CallBudget.EMULATOR_CALLS_PER_SECOND, "fast");
            assertThat(CallBudget.forEndpoint(null, Clock.systemUTC(), URI.create("http://127.0.0.1:1")).writeInterval())
                    .isEqualTo(Duration.ofSeconds(1));
            System.clearProperty(CallBudget.EMULATOR_CALLS_PER_SECOND);
            assertThat(CallBudget.forEndpoint(null, Clock.systemUTC(), URI.create("http://127.0.0.1:1")).writeInterval())
                    .as("no setting: the quotas").isEqualTo(Duration.ofSeconds(1));
        } finally {
            if (before == null) System.clearProperty(CallBudget.EMULATOR_CALLS_PER_SECOND);
            else System.setProperty(CallBudget.EMULATOR_CALLS_PER_SECOND, before);
        }
    }

    @Test
    void aThrottledCallPutsAFasterBudgetBackOnTheQuotas() {
        List<Duration> waits = new ArrayList<>();
        CallBudget budget = new CallBudget(null, Clock.systemUTC(), waits::add, 1000, 1000);
        budget.acquire("StartEngagementFromOpportunityTask");
        assertThat(budget.writeInterval()).isEqualTo(Duration.ofMillis(1));

        budget.onThrottled("StartEngagementFromOpportunityTask");

        assertThat(budget.writeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(budget.readInterval()).isEqualTo(Duration.ofMillis(100));
        budget.acquire("StartEngagementFromOpportunityTask");
        assertThat(waits.getLast()).as("the throttled write's interval, at the quota's pace")
                .isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void aFullReloadOverATenthOfTheDayIsALargeShare() {
        assertThat(CallBudget.isLargeShareOfDay(10_000)).isFalse();
        assertThat(CallBudget.isLargeShareOfDay(10_001)).isTrue();
    }
}
