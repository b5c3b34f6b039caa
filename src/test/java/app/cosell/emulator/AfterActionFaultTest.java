package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementFromOpportunityTaskResponse;

/**
 * Faults that strike after the service acted ({@code "when": "after"}): the call takes effect and only its answer is
 * lost, replaced by a 5xx, or late — the "created but unanswered" case, through the real SDK over HTTP.
 */
class AfterActionFaultTest {

    private static final String OPPORTUNITY = "O20000001";

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).instant(true).resetBeforeEach();

    private StartEngagementFromOpportunityTaskResponse start(String token) {
        return pc.noRetryClient().startEngagementFromOpportunityTask(b -> b.catalog("Sandbox").identifier(OPPORTUNITY)
                .clientToken(token).awsSubmission(s -> s.involvementType("Co-Sell").visibility("Full")));
    }

    private int tasks() {
        return pc.noRetryClient().listEngagementFromOpportunityTasks(b -> b.catalog("Sandbox")
                .opportunityIdentifier(OPPORTUNITY)).taskSummaries().size();
    }

    @Test
    void aDropAfterTheStartLeavesTheTaskCreatedAndTheSameTokenFindsIt() {
        pc.emulator().faults().failNextAfter("StartEngagementFromOpportunityTask", "ConnectionReset", 1);

        assertThatThrownBy(() -> start("after-drop-1")).isInstanceOf(SdkClientException.class);
        assertThat(tasks()).isEqualTo(1);

        StartEngagementFromOpportunityTaskResponse again = start("after-drop-1");
        assertThat(tasks()).isEqualTo(1);
        assertThat(again.taskStatusAsString()).isEqualTo("COMPLETE");
    }

    @Test
    void aServerErrorAfterTheStartStillCreatedTheTask() {
        pc.emulator().faults().replace("""
                {"operations": [{"operation": "StartEngagementFromOpportunityTask",
                                 "fault": "InternalServerException", "when": "after", "next": 1}]}""");
        assertThat(pc.emulator().faults().toJson()).contains("\"when\" : \"after\"");

        assertThatThrownBy(() -> start("after-5xx-1")).isInstanceOf(InternalServerException.class);

        assertThat(tasks()).isEqualTo(1);
        assertThat(pc.emulator().faults().toJson()).doesNotContain("StartEngagementFromOpportunityTask");
    }

    @Test
    void aFaultBeforeTheCallLeavesNothingCreated() {
        pc.emulator().faults().failNext("StartEngagementFromOpportunityTask", "ConnectionReset", 1);

        assertThatThrownBy(() -> start("before-drop-1")).isInstanceOf(SdkClientException.class);

        assertThat(tasks()).isZero();
    }

    @Test
    void whenMustBeBeforeOrAfter() {
        assertThatThrownBy(() -> pc.emulator().faults().replace("""
                {"operations": [{"operation": "*", "fault": "reset", "when": "during"}]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("when");
    }
}
