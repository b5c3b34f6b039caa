package app.cosell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.testing.EmulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code invitations}, {@code accept}, {@code reject} against the emulator over HTTP: output and exit codes. */
class InvitationCommandsTest {

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(20)
            .stepDelay(Duration.ofMillis(20));
    @TempDir static Path dataDir;
    /** The system properties this test sets, with their values before it (surefire sets cosell.dataDir). */
    private static final java.util.Map<String, String> before = new java.util.HashMap<>();

    private static void set(String key, String value) {
        before.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    @BeforeAll
    static void start() throws Exception {
        // The command line resolves credentials through the SDK's default chain and keeps its history in the data
        // folder: both come from system properties here.
        set("aws.accessKeyId", emulator.accessKeyId());
        set("aws.secretAccessKey", emulator.secretAccessKey());
        set("cosell.dataDir", dataDir.toString());
    }

    @AfterAll
    static void stop() {
        before.forEach((key, value) -> {
            if (value == null) System.clearProperty(key);
            else System.setProperty(key, value);
        });
    }

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = CosellCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--catalog";
        all[args.length + 1] = "Sandbox";
        all[args.length + 2] = "--endpoint-url";
        all[args.length + 3] = emulator.endpoint().toString();
        int exit = cl.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String idOf(String listing, String title) {
        Matcher m = Pattern.compile("(engi-[0-9a-z]{13}) .*" + Pattern.quote(title)).matcher(listing);
        assertThat(m.find()).as(title + " listed").isTrue();
        return m.group(1);
    }

    @Test
    void acceptCreatesTheOpportunityAndASecondAcceptIsRefusedBeforeAnyWrite() {
        Run list = run("invitations", "--status", "PENDING");
        assertThat(list.exit()).isEqualTo(ExitCode.OK);
        assertThat(list.out()).contains("PENDING").doesNotContain("EXPIRED  ");
        String id = idOf(list.out(), "SAP on AWS migration");

        Run accept = run("accept", id);
        assertThat(accept.exit()).as(accept.err()).isEqualTo(ExitCode.OK);
        assertThat(accept.out()).contains("CreateOpportunity").containsPattern("COMPLETE: opportunity O[0-9]+ created");

        Run again = run("accept", id, "--json");
        assertThat(again.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.out()).contains("\"status\" : \"REFUSED\"");
    }

    @Test
    void rejectRecordsTheReasonAndAFailedAcceptanceExitsFour() {
        String listing = run("invitations").out();
        Run reject = run("reject", idOf(listing, "Contact center on Amazon Connect"), "--reason", "No capacity");
        assertThat(reject.exit()).as(reject.err()).isEqualTo(ExitCode.OK);
        assertThat(run("invitations", "--status", "REJECTED", "--json").out()).contains("Contact center on Amazon Connect");

        Run failed = run("accept", idOf(listing, "Generative AI assistant pilot"), "--json");
        assertThat(failed.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.out()).contains("OpportunityValidationFailed");

        assertThat(run("reject", idOf(listing, "Data lake for clinical trials"), "--reason", "x".repeat(81)).exit())
                .isEqualTo(ExitCode.USAGE);
        assertThat(run("invitations", "--status", "MAYBE").exit()).isEqualTo(ExitCode.USAGE);
    }
}
