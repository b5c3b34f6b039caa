package app.cosell.engagement;

import app.cosell.model.InvolvementType;
import app.cosell.model.ReasonCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check against the emulator's seeded scenarios: what the emulator (modelled on API-NOTES section 5)
 * fails, the check warns about with the same ReasonCode; what it completes, the check does not call a certain failure.
 */
class ReadinessAgainstEmulatorTest {

    static EmulatorFixture pc;
    final ReadinessCheck check = new ReadinessCheck();
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

    @BeforeAll
    static void start() throws Exception {
        pc = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        pc.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "O20000001, ",
            "O20000002, ",
            "O20000003, ",
            "O20000004, ",
            "O20000005, OpportunityValidationFailed",
            "O20000006, OpportunityValidationFailed",
            "O20000007, OpportunityValidationFailed",
            "O20000008, OpportunityValidationFailed",
            "O20000009, OpportunityValidationFailed",
            "O20000010, OpportunityValidationFailed",
            "O20000011, OpportunityValidationFailed",
            "O20000012, OpportunityValidationFailed",
            "O20000013, OpportunityValidationFailed",
            "O20000014, OpportunityConflict",
            "O20000015, OpportunityConflict",
            "O20000016, OpportunityConflict",
            "O20000017, OpportunityConflict",
            "O20000018, OpportunityConflict",
            "O20000019, ",
            "O20000020, "})
    void theCheckWarnsAboutWhatTheEmulatorWouldFail(String opportunityId, ReasonCode expected) throws Exception {
        pc.emulator.setInstant(true);
        var opportunity = pc.partnerCentral.getOpportunity(opportunityId);
        List<ReadinessIssue> willFail = check.check(opportunity, InvolvementType.CO_SELL, LocalDate.now()).stream()
                .filter(i -> i.severity() == ReadinessIssue.Severity.WILL_FAIL).toList();

        var task = new EngagementRunner(pc.partnerCentral, TaskHistory.open(dir, AppJson.newMapper()), java.time.Clock.systemUTC(), EmulatorFixture.FAST)
                .start(EngagementRunnerTest.request(opportunityId), p -> { });
        pc.emulator.reset();

        if (expected == null) {
            assertThat(task.isComplete()).as(task.reasonCode() + " " + task.message()).isTrue();
            assertThat(willFail).as("no certain failure for a task that completes").isEmpty();
        } else {
            assertThat(task.reasonCode()).as(task.message()).isEqualTo(expected.name());
            assertThat(willFail).extracting(ReadinessIssue::reasonCode).as(task.message()).contains(expected);
        }
    }
}
