package app.cosell.engagement;

import app.cosell.emulator.SeededScenario;
import app.cosell.files.AppJson;
import app.cosell.model.InvolvementType;
import app.cosell.model.ReasonCode;
import app.cosell.testing.EmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox();
    final ReadinessCheck check = new ReadinessCheck();
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SUBMITTABLE, ",
            "SUBMITTABLE_SECOND, ",
            "EXISTING_ENGAGEMENT, ",
            "ACTION_REQUIRED, ",
            "MISSING_WEBSITE, OpportunityValidationFailed",
            "MISSING_INDUSTRY, OpportunityValidationFailed",
            "MISSING_ADDRESS, OpportunityValidationFailed",
            "MISSING_BUSINESS_PROBLEM, OpportunityValidationFailed",
            "MISSING_DELIVERY_AND_SPEND, OpportunityValidationFailed",
            "MISSING_MARKETING_AND_NEEDS, OpportunityValidationFailed",
            "NO_SOLUTION, OpportunityValidationFailed",
            "PAST_TARGET_DATE, OpportunityValidationFailed",
            "STATE_ABBREVIATED, OpportunityValidationFailed",
            "ALREADY_SUBMITTED, OpportunityConflict",
            "IN_REVIEW, OpportunityConflict",
            "APPROVED, OpportunityConflict",
            "REJECTED, OpportunityConflict",
            "CLOSED_LOST, OpportunityConflict",
            "SUBMITTABLE_COMMITTED, ",
            "SUBMITTABLE_NON_US, "})
    void theCheckWarnsAboutWhatTheEmulatorWouldFail(SeededScenario scenario, ReasonCode expected) throws Exception {
        String opportunityId = scenario.id("Sandbox");
        pc.emulator().setInstant(true);
        var opportunity = pc.partnerCentral().getOpportunity(opportunityId);
        List<ReadinessIssue> willFail = check.check(opportunity, InvolvementType.CO_SELL, LocalDate.now()).stream()
                .filter(i -> i.severity() == ReadinessIssue.Severity.WILL_FAIL).toList();

        var task = new EngagementRunner(pc.partnerCentral(), TaskHistory.open(dir, AppJson.newMapper()), java.time.Clock.systemUTC(), FastPolls.SCHEDULE)
                .start(EngagementRunnerTest.request(opportunityId), p -> { });
        pc.emulator().reset();

        if (expected == null) {
            assertThat(task.isComplete()).as(task.reasonCode() + " " + task.message()).isTrue();
            assertThat(willFail).as("no certain failure for a task that completes").isEmpty();
        } else {
            assertThat(task.reasonCode()).as(task.message()).isEqualTo(expected.name());
            assertThat(willFail).extracting(ReadinessIssue::reasonCode).as(task.message()).contains(expected);
        }
    }
}
