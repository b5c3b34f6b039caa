package app.cosell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.SeededScenario;
import app.cosell.testing.EmulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code cosell-console status} against the emulator over the real SDK (default credential chain). */
class StatusCommandTest {

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(30)
            .reviewDelay(Duration.ofMinutes(10));

    @BeforeAll
    static void start() throws Exception {
        // The SDK's default chain reads these first: the emulator's (documented example) key pair.
        System.setProperty("aws.accessKeyId", emulator.accessKeyId());
        System.setProperty("aws.secretAccessKey", emulator.secretAccessKey());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run status(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CosellCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "status";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--catalog", "Sandbox", "--endpoint-url", emulator.endpoint().toString()}, 0,
                all, args.length + 1, 4);
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    @Test
    void jsonShowsTheReviewAndAwsSummaryOfAnApprovedOpportunity() throws Exception {
        String id = SeededScenario.SUBMITTABLE.id("Sandbox");
        emulator.emulator().forceReview("Sandbox", id, "Approved", null);
        Run run = status(id, "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("OpportunityId").asText()).isEqualTo(id);
        assertThat(json.get("ReviewStatus").asText()).isEqualTo("Approved");
        assertThat(json.at("/AwsOpportunitySummary/Stage").asText()).isEqualTo("Seller Engaged");
        assertThat(json.at("/AwsOpportunitySummary/OpportunityTeam/0/Email").asText()).endsWith("@amazon.example.com");
        assertThat(json.at("/AwsOpportunitySummary/EngagementScore").asText()).isIn("High", "Medium", "Low");
        assertThat(json.get("WhatHappensNext").asText()).isNotBlank();
    }

    @Test
    void textShowsCommentsAndTheFieldsAwsAsksAbout() {
        String id = SeededScenario.SUBMITTABLE_SECOND.id("Sandbox");
        emulator.emulator().forceReview("Sandbox", id, "Action Required", null);
        Run run = status(id);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Action Required").contains("Customer.Account.WebsiteUrl, "
                + "Project.CustomerBusinessProblem").contains("back into review");
    }

    @Test
    void anUnknownOpportunityIsAnError() {
        Run run = status("O29999999");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("O29999999");
    }
}
