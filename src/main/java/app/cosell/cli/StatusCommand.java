package app.cosell.cli;

import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.ReviewReport;
import app.cosell.files.AppJson;
import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.partner.PartnerCentral;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cosell-console status <OPPORTUNITY_ID> [--json]}: where AWS's review of an opportunity stands (status,
 * comments, reason, the fields AWS asks about, what happens next) and AWS's view of the deal, from the same
 * {@link ReviewReport} the app's review panel shows. Two reads at most; never writes.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show AWS's review of an opportunity and AWS's view of the deal.")
public final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OPPORTUNITY_ID", description = "The opportunity, e.g. O1234567.")
    String opportunityId;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResourceBundle messages = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE);
        ReviewReport report;
        try (CliSession session = new CliSession(connection)) {
            PartnerCentral pc = session.partnerCentral; // paced to the quotas and counted, as in the app
            report = ReviewReport.fetch(pc, opportunityId);
        } catch (PartnerCentralFailure f) {
            err.println("status: " + opportunityId + " in " + connection.describe() + ": " + f.getMessage());
            return ExitCode.ERROR;
        } catch (RuntimeException e) {
            err.println("status: " + e.getMessage());
            return ExitCode.ERROR;
        }
        if (json) {
            try {
                out.println(AppJson.newMapper().writeValueAsString(asJson(report, messages)));
            } catch (JsonProcessingException e) {
                err.println("status: " + e.getMessage());
                return ExitCode.ERROR;
            }
        } else {
            print(out, report, messages);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The JSON fields of the report: names as the API names them where it has a name. */
    static Map<String, Object> asJson(ReviewReport r, ResourceBundle messages) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("OpportunityId", r.opportunityId());
        node.put("CustomerCompanyName", r.customerCompanyName());
        node.put("ReviewStatus", r.reviewStatusRaw());
        node.put("ReviewStatusDate", r.statusDate() == null ? null : r.statusDate().toString());
        node.put("ReviewComments", r.reviewComments());
        node.put("ReviewStatusReason", r.reviewStatusReason());
        node.put("FieldsToFix", r.fieldsToFix());
        node.put("EditableFields", r.editableFields());
        node.put("WhatHappensNext", r.whatHappensNext(messages));
        AwsOpportunitySummary a = r.aws();
        if (a != null) {
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("InvolvementType", a.involvementType());
            aws.put("InvolvementTypeChangeReason", a.involvementTypeChangeReason());
            aws.put("Visibility", a.visibility());
            aws.put("Stage", a.awsStage());
            aws.put("NextSteps", a.nextSteps());
            aws.put("NextStepsHistory", a.nextStepsHistory().stream().map(h -> {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("Value", h.value());
                step.put("Time", h.time() == null ? null : h.time().toString());
                return step;
            }).toList());
            aws.put("OpportunityTeam", a.team().stream().map(m -> {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("FirstName", m.firstName());
                member.put("LastName", m.lastName());
                member.put("Email", m.email());
                member.put("BusinessTitle", m.businessTitle());
                return member;
            }).toList());
            aws.put("EngagementScore", a.engagementScore());
            aws.put("NextBestActions", a.nextBestActions());
            node.put("AwsOpportunitySummary", aws);
        }
        return node;
    }

    private static void print(PrintWriter out, ReviewReport r, ResourceBundle m) {
        out.println(r.opportunityId() + (r.customerCompanyName() == null ? "" : "  " + r.customerCompanyName())
                + (r.projectTitle() == null ? "" : " \u2014 " + r.projectTitle()));
        line(out, m, "status.field.reviewStatus", r.reviewStatusRaw()
                + (r.statusDate() == null ? "" : "  (" + r.statusDate() + ")"));
        line(out, m, "status.field.comments", r.reviewComments());
        line(out, m, "status.field.reason", r.reviewStatusReason());
        if (!r.fieldsToFix().isEmpty()) line(out, m, "status.field.fieldsToFix", String.join(", ", r.fieldsToFix()));
        line(out, m, "status.field.whatNext", r.whatHappensNext(m));
        AwsOpportunitySummary a = r.aws();
        if (a == null) {
            out.println(m.getString("status.notSubmitted"));
            return;
        }
        out.println(m.getString("review.awsView") + ":");
        AwsOpportunitySummary.AwsTeamMember seller = r.awsSeller();
        line(out, m, "status.field.awsSeller", seller == null ? m.getString("review.seller.none")
                : seller.name() + " <" + seller.email() + ">"
                + (seller.businessTitle() == null ? "" : " (" + seller.businessTitle() + ")"));
        for (AwsOpportunitySummary.AwsTeamMember member : a.team().stream().skip(1).toList()) {
            out.println("  " + " ".repeat(24) + member.name() + " <" + member.email() + ">");
        }
        line(out, m, "status.field.awsStage", a.awsStage());
        line(out, m, "status.field.score", a.engagementScore());
        line(out, m, "status.field.nextBestActions", a.nextBestActions());
        line(out, m, "status.field.nextSteps", a.nextSteps());
        line(out, m, "status.field.involvement", a.involvementType());
        line(out, m, "status.field.involvementChange", a.involvementTypeChangeReason());
        List<AwsOpportunitySummary.NextStep> history = a.nextStepsHistory();
        for (AwsOpportunitySummary.NextStep step : history) {
            out.println("  " + " ".repeat(24) + step.time() + "  " + step.value());
        }
    }

    private static void line(PrintWriter out, ResourceBundle m, String key, String value) {
        if (value == null || value.isBlank()) return;
        out.printf("  %-24s%s%n", m.getString(key) + ":", value);
    }
}
