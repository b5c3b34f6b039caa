package app.cosell.cli;

import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.InvitationReplies;
import app.cosell.engagement.TaskHistory;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.partner.PartnerCentral;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cosell-console reject <INVITATION_ID> --reason TEXT}: rejects an AWS referral with RejectEngagementInvitation,
 * recorded in the task history. Refused before any write (exit 3) when the invitation is not pending or is being
 * accepted.
 */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject an AWS referral (engagement invitation), with your reason.")
public final class RejectCommand implements Callable<Integer> {

    /** RejectionReason: 1..80 characters of printable text (the model's pattern). */
    static final java.util.regex.Pattern REASON =
            java.util.regex.Pattern.compile("[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}");

    @Mixin ConnectionOptions connection;

    @Mixin InvitationIdParameter invitation;

    @Option(names = "--reason", paramLabel = "TEXT", required = true,
            description = "Why you reject it (1 to 80 characters), e.g. \"Customer is outside our service region\".")
    String reason;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String id = invitation.id();
        if (!REASON.matcher(reason).matches()) {
            err.println("--reason must be 1 to 80 characters of text (no line breaks).");
            return ExitCode.USAGE;
        }
        try (CliSession session = new CliSession(connection)) {
            PartnerCentral pc = session.partnerCentral;
            TaskHistory history = session.history;
            InvitationReplies.Decision d = new InvitationReplies(pc, history, Clock.systemUTC()).checkReject(id);
            if (d.refused()) {
                err.println("Refused: " + d.reason());
                return ExitCode.REFUSED;
            }
            TaskProgress end = new EngagementRunner(pc, history)
                    .start(StartEngagementRequest.rejectInvitation(connection.catalog(), id, reason), p -> {});
            if (end.isComplete()) {
                out.println("REJECTED: " + id + " (" + reason + ")");
                out.flush();
                return ExitCode.OK;
            }
            err.println("Not rejected: " + (end.failure() == null ? end.message()
                    : end.failure().kind() + ": " + end.failure().message()));
            return ExitCode.ERROR;
        } catch (PartnerCentralFailure f) {
            err.println("Could not reject " + id + ": " + f.kind() + ": " + f.getMessage());
            return f.kind() == app.cosell.model.FailureKind.NOT_FOUND ? ExitCode.REFUSED : ExitCode.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.ERROR;
        } catch (Exception e) {
            err.println("Could not reject " + id + ": " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
