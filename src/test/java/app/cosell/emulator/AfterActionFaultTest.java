package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementFromOpportunityTaskResponse;

/**
 * Faults that strike after the service acted ({@code "when": "after"}): the call takes effect and only its answer is
 * lost, replaced by a 5xx, or late — the "created but unanswered" case, through the real SDK over HTTP.
 */
class AfterActionFaultTest {

    private static final String OPPORTUNITY = "O20000001";
    private static PartnerCentralEmulator emulator;
    private static PartnerCentralSellingClient client;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = PartnerCentralEmulator.builder().randomCredentials().opportunities(30).stepDelay(Duration.ZERO)
                .instant(true).throttling(false).start();
        client = EmulatorClients.noRetryClient(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void fresh() {
        emulator.reset();
        emulator.faults().clear();
    }

    private StartEngagementFromOpportunityTaskResponse start(String token) {
        return client.startEngagementFromOpportunityTask(b -> b.catalog("Sandbox").identifier(OPPORTUNITY)
                .clientToken(token).awsSubmission(s -> s.involvementType("Co-Sell").visibility("Full")));
    }

    private int tasks() {
        return client.listEngagementFromOpportunityTasks(b -> b.catalog("Sandbox").opportunityIdentifier(OPPORTUNITY))
                .taskSummaries().size();
    }

    @Test
    void aDropAfterTheStartLeavesTheTaskCreatedAndTheSameTokenFindsIt() {
        emulator.faults().failNextAfter("StartEngagementFromOpportunityTask", "ConnectionReset", 1);

        assertThatThrownBy(() -> start("after-drop-1")).isInstanceOf(SdkClientException.class);
        assertThat(tasks()).isEqualTo(1);

        StartEngagementFromOpportunityTaskResponse again = start("after-drop-1");
        assertThat(tasks()).isEqualTo(1);
        assertThat(again.taskStatusAsString()).isEqualTo("COMPLETE");
    }

    @Test
    void aServerErrorAfterTheStartStillCreatedTheTask() {
        emulator.faults().replace("""
                {"operations": [{"operation": "StartEngagementFromOpportunityTask",
                                 "fault": "InternalServerException", "when": "after", "next": 1}]}""");
        assertThat(emulator.faults().toJson()).contains("\"when\" : \"after\"");

        assertThatThrownBy(() -> start("after-5xx-1")).isInstanceOf(InternalServerException.class);

        assertThat(tasks()).isEqualTo(1);
        assertThat(emulator.faults().toJson()).doesNotContain("StartEngagementFromOpportunityTask");
    }

    @Test
    void aFaultBeforeTheCallLeavesNothingCreated() {
        emulator.faults().failNext("StartEngagementFromOpportunityTask", "ConnectionReset", 1);

        assertThatThrownBy(() -> start("before-drop-1")).isInstanceOf(SdkClientException.class);

        assertThat(tasks()).isZero();
    }

    @Test
    void whenMustBeBeforeOrAfter() {
        assertThatThrownBy(() -> emulator.faults().replace("""
                {"operations": [{"operation": "*", "fault": "reset", "when": "during"}]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("when");
    }
}
