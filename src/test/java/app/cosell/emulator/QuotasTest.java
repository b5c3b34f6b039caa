package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuotasTest {

    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void readsAreLimitedToTenASecondPerOperation() {
        Quotas quotas = new Quotas(now::get, true);
        for (int i = 0; i < 10; i++) quotas.acquire("ListOpportunities");

        assertThatThrownBy(() -> quotas.acquire("ListOpportunities"))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("ThrottlingException"))
                .hasMessageContaining("10 requests per second");
        quotas.acquire("GetOpportunity");
        now.addAndGet(SECOND / 10);
        quotas.acquire("ListOpportunities");
    }

    @Test
    void callsSpacedAtTenASecondAreNeverThrottled() {
        Quotas quotas = new Quotas(now::get, true);
        for (int i = 0; i < 1_000; i++) {
            quotas.acquire("ListOpportunities");
            now.addAndGet(SECOND / 10);
        }
    }

    @Test
    void theDailyBudgetsHoldForARolling24Hours() {
        Quotas quotas = new Quotas(now::get, true, 30, 2);
        for (int i = 0; i < 30; i++) {
            quotas.acquire("GetOpportunity");
            now.addAndGet(SECOND);
        }
        assertThatThrownBy(() -> quotas.acquire("GetOpportunity")).hasMessageContaining("30 requests per rolling 24 hours");
        quotas.acquire("StartEngagementFromOpportunityTask");
        now.addAndGet(2 * SECOND);
        quotas.acquire("StartEngagementFromOpportunityTask");
        now.addAndGet(2 * SECOND);
        assertThatThrownBy(() -> quotas.acquire("StartEngagementFromOpportunityTask"))
                .hasMessageContaining("2 requests per rolling 24 hours");

        now.addAndGet(24 * 3600 * SECOND);
        quotas.acquire("GetOpportunity");
        quotas.acquire("StartEngagementFromOpportunityTask");
    }

    @Test
    void noThrottlingSwitchesEverythingOff() {
        Quotas quotas = new Quotas(now::get, false, 1, 1);
        for (int i = 0; i < 50; i++) {
            quotas.acquire("ListOpportunities");
            quotas.acquire("StartEngagementFromOpportunityTask");
        }
    }

    @Test
    void operationsWithoutAPublishedQuotaAreNotLimited() {
        Quotas quotas = new Quotas(now::get, true, 1, 1);
        for (int i = 0; i < 50; i++) quotas.acquire("ListEngagementFromOpportunityTasks");
    }
}
