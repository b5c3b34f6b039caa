package app.cosell.cli;

import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.InvitationReplies;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppJson;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.partner.PartnerCentral;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cosell-console accept <INVITATION_ID>}: accepts an AWS referral with StartEngagementByAcceptingInvitationTask
 * and follows the task live to its end. The guard runs first: an invitation that is not pending (accepted, rejected,
 * expired) is refused before any write (exit 3); an acceptance the task history holds unfinished is resumed with its
 * own token instead of starting a second task.
 */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = "Accept an AWS referral (engagement invitation) and follow the acceptance task to its end.")
public final class AcceptCommand implements Callable<Integer> {

    @Mixin ConnectionOptions connection;

    @Mixin InvitationIdParameter invitation;

    @Option(names = "--json", description = "Print the outcome as JSON instead of the live steps.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String id = invitation.id();
        ObjectMapper mapper = AppJson.newMapper();
        try (CliSession session = new CliSession(connection)) {
            PartnerCentral pc = session.partnerCentral;
            TaskHistory history = session.history;
            InvitationReplies.Decision d = new InvitationReplies(pc, history, Clock.systemUTC()).checkAccept(id);
            if (d.refused()) {
                if (json) out.println(mapper.writeValueAsString(outcome(mapper, id, d.existing(), "REFUSED", d.reason())));
                err.println("Refused: " + d.reason());
                return ExitCode.REFUSED;
            }
            EngagementRunner runner = new EngagementRunner(pc, history);
            Map<String, StepState> shown = new HashMap<>();
            java.util.function.Consumer<TaskProgress> live = json ? p -> {} : p -> print(out, p, shown);
            TaskProgress end;
            if (d.verdict() == InvitationReplies.Verdict.RESUME) {
                if (!json) out.println("Resuming the acceptance of " + id + " started earlier (same client token).");
                end = runner.resume(d.existing(), live);
            } else {
                if (!json) out.println("Accepting " + id + (d.invitation() == null ? "" : " (" + d.invitation().title()
                        + ")") + " in " + connection.describe());
                end = runner.start(StartEngagementRequest.acceptInvitation(connection.catalog(), id, List.of()), live);
            }
            String opportunity = TaskKind.createdOpportunityId(end);
            if (json) {
                out.println(mapper.writeValueAsString(outcome(mapper, id, end, end.status() == null
                        ? "NOT_STARTED" : end.status().name(), null)));
            } else if (end.isComplete()) {
                out.println("COMPLETE: opportunity " + opportunity + " created (task " + end.taskId() + ")");
            } else if (end.failure() != null) {
                err.println("Not accepted: " + end.failure().kind() + (end.failure().errorCode() == null ? ""
                        : " " + end.failure().errorCode()) + ": " + end.failure().message());
            } else {
                err.println("FAILED: " + end.reasonCode() + ": " + end.message());
            }
            out.flush();
            if (end.isComplete()) return ExitCode.OK;
            if (end.status() != null) return ExitCode.FAILED;
            return ExitCode.ERROR;
        } catch (PartnerCentralFailure f) {
            err.println("Could not accept " + id + ": " + f.kind() + (f.errorCode() == null ? "" : " " + f.errorCode())
                    + ": " + f.getMessage());
            return f.kind() == app.cosell.model.FailureKind.NOT_FOUND ? ExitCode.REFUSED : ExitCode.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Stopped; the task goes on at Partner Central and is resumed by the next accept.");
            return ExitCode.ERROR;
        } catch (Exception e) {
            err.println("Could not accept " + id + ": " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    /** Prints each step as it changes: "  ✓ AcceptEngagementInvitation  eng-…". */
    static void print(PrintWriter out, TaskProgress p, Map<String, StepState> shown) {
        TaskKind kind = TaskKind.of(p);
        for (StepProgress s : p.steps()) {
            String operation = kind.stepOperation(s.step());
            if (operation.isEmpty() || s.state() == shown.get(operation)) continue;
            shown.put(operation, s.state());
            if (s.state() == StepState.PENDING) continue;
            String mark = switch (s.state()) {
                case DONE -> "done   ";
                case RUNNING -> "running";
                case FAILED -> "FAILED ";
                case SKIPPED -> "skipped";
                default -> "       ";
            };
            out.println("  " + mark + " " + operation + (s.resultId() == null ? "" : "  " + s.resultId()));
        }
        out.flush();
    }

    static ObjectNode outcome(ObjectMapper mapper, String invitationId, TaskProgress p, String status, String refusal) {
        ObjectNode n = mapper.createObjectNode();
        n.put("invitationId", invitationId);
        n.put("status", status);
        if (refusal != null) n.put("refusal", refusal);
        if (p != null) {
            n.put("taskId", p.taskId());
            n.put("taskArn", p.taskArn());
            n.put("opportunityId", TaskKind.createdOpportunityId(p));
            n.put("resourceSnapshotJobId", p.resourceSnapshotJobId());
            n.put("reasonCode", p.reasonCode());
            n.put("message", p.message());
            if (p.failure() != null) n.put("failure", p.failure().kind() + ": " + p.failure().message());
        }
        return n;
    }
}
