package app.cosell.cli;

import app.cosell.files.AppJson;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReceivedInvitation;
import app.cosell.partner.PartnerCentral;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cosell-console invitations}: the AWS referrals inbox — engagement invitations AWS sent to the partner. */
@Command(name = "invitations", mixinStandardHelpOptions = true,
        description = "List the engagement invitations AWS sent you (AWS referrals), newest first.")
public final class InvitationsCommand implements Callable<Integer> {

    @Mixin ConnectionOptions connection;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only these statuses: PENDING, ACCEPTED, REJECTED, EXPIRED (comma-separated).")
    List<String> statuses;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> wanted = statuses == null ? List.of()
                : statuses.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        for (String s : wanted) {
            if (!ReceivedInvitation.STATUSES.contains(s)) {
                err.println("Unknown status " + s + "; use " + String.join(", ", ReceivedInvitation.STATUSES) + ".");
                return ExitCode.USAGE;
            }
        }
        try (CliSession session = new CliSession(connection)) {
            PartnerCentral pc = session.partnerCentral; // paced to the quotas and counted, as in the app
            List<ReceivedInvitation> invitations = pc.receivedInvitations(wanted);
            Instant now = Instant.now();
            if (json) {
                ObjectMapper mapper = AppJson.newMapper();
                ArrayNode list = mapper.createArrayNode();
                for (ReceivedInvitation i : invitations) {
                    ObjectNode n = list.addObject();
                    n.put("id", i.id());
                    n.put("catalog", i.catalog().wire());
                    n.put("status", i.status());
                    n.put("title", i.title());
                    n.put("engagementId", i.engagementId());
                    n.put("sender", i.senderCompanyName());
                    n.put("senderAwsAccountId", i.senderAwsAccountId());
                    n.put("invitationDate", i.invitationDate() == null ? null : i.invitationDate().toString());
                    n.put("expirationDate", i.expirationDate() == null ? null : i.expirationDate().toString());
                    Duration left = i.timeLeft(now);
                    if (left != null) n.put("expiresInHours", left.toHours());
                }
                out.println(mapper.writeValueAsString(list));
            } else {
                out.printf("%-19s %-9s %-11s %-12s %s%n", "INVITATION", "STATUS", "EXPIRES IN", "SENDER", "TITLE");
                for (ReceivedInvitation i : invitations) {
                    Duration left = i.timeLeft(now);
                    String expires = left == null ? "-" : countdown(left) + (left.toHours() < 48 ? " !" : "");
                    out.printf("%-19s %-9s %-11s %-12s %s%n", i.id(), i.status(), expires,
                            i.senderCompanyName() == null ? "" : i.senderCompanyName(), i.title() == null ? "" : i.title());
                }
                out.println(invitations.size() + " invitation(s) in " + connection.describe());
            }
            out.flush();
            return ExitCode.OK;
        } catch (PartnerCentralFailure f) {
            err.println("Could not list the invitations: " + f.kind() + (f.errorCode() == null ? "" : " " + f.errorCode())
                    + ": " + f.getMessage());
            return ExitCode.ERROR;
        } catch (Exception e) {
            err.println("Could not list the invitations: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    /** "3d 4h", "20h 5m", "12m". */
    static String countdown(Duration left) {
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        if (days > 0) return days + "d " + hours + "h";
        if (hours > 0) return hours + "h " + minutes + "m";
        return minutes + "m";
    }
}
