package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/** GetAwsOpportunitySummary's answer: AWS's side of a submitted opportunity, drawn from where its review stands. */
final class AwsOpportunitySummaryView {

    private static final String[][] SELLERS = {
            {"Alex", "Morgan", "AWSSalesRep"}, {"Priya", "Raman", "AWSAccountOwner"}, {"Jonas", "Keller", "PSM"},
            {"Maria", "Lopez", "PDM"}, {"Kenji", "Sato", "AWSSalesRep"}, {"Fatima", "Haddad", "ISVSM"}};
    private static final String[] NEXT_BEST_ACTIONS = {
            "Schedule a joint discovery call with the AWS account team this week.",
            "Share the customer's architecture diagram with the AWS seller.",
            "Confirm the customer's migration timeline and funding needs with the AWS account team.",
            "Ask the AWS seller about funding programs (MAP, POC credits) for this customer."};

    private AwsOpportunitySummaryView() {
    }

    /**
     * The AWS opportunity of a submitted partner opportunity, as far as AWS's review has got; {@code decided} is when
     * AWS took the decision the opportunity shows. Sellers and insights are drawn from {@code seed} and the id, so
     * every read of the same opportunity gives the same answer.
     */
    static ObjectNode of(CatalogState catalog, Opportunity opportunity, long seed, Instant decided) {
        if (opportunity.involvementType() == null) {
            throw AwsError.notFound("There is no AWS opportunity for " + opportunity.id()
                    + " yet: it has not been submitted to AWS.");
        }
        JsonNode content = opportunity.content();
        String status = opportunity.reviewStatus();
        SplittableRandom random = new SplittableRandom(seed ^ opportunity.id().hashCode() ^ catalog.name.hashCode());
        boolean approved = ReviewSimulation.APPROVED.equals(status);
        // AWS may take a For Visibility Only referral into co-selling; it says why (InvolvementTypeChangeReason).
        boolean involvementChanged = approved && !"Co-Sell".equals(opportunity.involvementType())
                && random.nextInt(3) == 0;
        ObjectNode response = WireJson.object();
        response.put("Catalog", catalog.name);
        response.put("RelatedOpportunityId", opportunity.id());
        response.put("Origin", opportunity.origin() == null ? "Partner Referral" : opportunity.origin());
        response.put("InvolvementType", involvementChanged ? "Co-Sell" : opportunity.involvementType());
        WireJson.put(response, "Visibility", opportunity.visibility());
        if (involvementChanged) {
            response.put("InvolvementTypeChangeReason", "Expansion Opportunity");
        }
        ObjectNode lifeCycle = response.putObject("LifeCycle");
        lifeCycle.put("Stage", switch (status == null ? "" : status) {
            case ReviewSimulation.APPROVED -> "Seller Engaged";
            case ReviewSimulation.REJECTED -> "Closed Incomplete";
            case ReviewSimulation.IN_REVIEW, ReviewSimulation.ACTION_REQUIRED -> "In Progress";
            default -> "Not Started";
        });
        WireJson.put(lifeCycle, "TargetCloseDate", WireJson.textAt(content, "LifeCycle.TargetCloseDate"));
        String[] seller = SELLERS[random.nextInt(SELLERS.length)];
        if (approved) {
            String next = "Introduction call between " + seller[0] + " " + seller[1] + " (AWS) and the partner.";
            lifeCycle.put("NextSteps", next);
            ArrayNode history = lifeCycle.putArray("NextStepsHistory");
            ObjectNode first = history.addObject();
            first.put("Value", "AWS validated the opportunity and assigned a seller.");
            WireJson.put(first, "Time", decided);
            ObjectNode second = history.addObject();
            second.put("Value", next);
            WireJson.put(second, "Time", decided.plusMillis(1));
        } else if (ReviewSimulation.REJECTED.equals(status)) {
            lifeCycle.put("ClosedLostReason", "Other");
        }
        ArrayNode team = response.putArray("OpportunityTeam");
        if (approved) {
            ObjectNode member = team.addObject();
            member.put("FirstName", seller[0]);
            member.put("LastName", seller[1]);
            member.put("Email", (seller[0] + "." + seller[1]).toLowerCase(Locale.ROOT) + "@amazon.example.com");
            member.put("BusinessTitle", seller[2]);
        }
        if (approved) {
            ObjectNode insights = response.putObject("Insights");
            insights.put("EngagementScore", switch (random.nextInt(3)) {
                case 0 -> "High";
                case 1 -> "Medium";
                default -> "Low";
            });
            insights.put("NextBestActions", NEXT_BEST_ACTIONS[random.nextInt(NEXT_BEST_ACTIONS.length)]);
        }
        ObjectNode related = response.putObject("RelatedEntityIds");
        WireJson.putStrings(related, "Solutions", opportunity.solutions());
        WireJson.putStrings(related, "AwsProducts", opportunity.awsProducts());
        ObjectNode project = response.putObject("Project");
        JsonNode spend = WireJson.at(content, "Project.ExpectedCustomerSpend");
        project.set("ExpectedCustomerSpend", spend == null ? WireJson.array() : spend);
        JsonNode contacts = WireJson.at(content, "Customer.Contacts");
        response.putObject("Customer").set("Contacts", contacts == null ? WireJson.array() : contacts);
        return response;
    }
}
