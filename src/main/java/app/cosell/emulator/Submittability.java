package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The business rules an opportunity must meet before it can be submitted to AWS (API-NOTES §5): mandatory
 * customer, project and lifecycle fields, a linked solution, a target close date not in the past, US states
 * as full names. Each problem is phrased so that a rep knows which field to fix.
 */
final class Submittability {

    // The service's own list (model.OpportunityChoices holds the app's copy): the emulator stands in for the service
    // and depends on nothing of the app's (docs/architecture.md), so that a mistake in either list shows.
    private static final Set<String> US_STATES = Set.of("Alabama", "Alaska", "Arizona", "Arkansas", "California",
            "Colorado", "Connecticut", "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho",
            "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
            "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
            "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
            "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
            "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Guam",
            "American Samoa", "Northern Mariana Islands", "U.S. Virgin Islands");

    private Submittability() {
    }

    /** Everything that stands between this opportunity and a submission; empty when it is submittable. */
    static List<String> problems(Opportunity opportunity, String involvementType, LocalDate today) {
        JsonNode content = opportunity.content();
        List<String> problems = new ArrayList<>();
        missing(content, "Customer.Account.CompanyName", problems);
        String industry = WireJson.textAt(content, "Customer.Account.Industry");
        if (industry == null) {
            problems.add("Customer.Account.Industry is missing");
        } else if ("Other".equals(industry) && WireJson.textAt(content, "Customer.Account.OtherIndustry") == null) {
            problems.add("Customer.Account.OtherIndustry is required when Industry is Other");
        }
        if (!"Yes".equals(WireJson.textAt(content, "NationalSecurity"))) {
            missing(content, "Customer.Account.WebsiteUrl", problems);
        }
        String country = WireJson.textAt(content, "Customer.Account.Address.CountryCode");
        if (country == null) {
            problems.add("Customer.Account.Address.CountryCode is missing");
        }
        missing(content, "Customer.Account.Address.PostalCode", problems);
        if ("US".equals(country)) {
            String state = WireJson.textAt(content, "Customer.Account.Address.StateOrRegion");
            if (state == null) {
                problems.add("Customer.Account.Address.StateOrRegion is missing (required for US customers)");
            } else if (!US_STATES.contains(state)) {
                problems.add("Customer.Account.Address.StateOrRegion '" + state
                        + "' must be a full US state name (for example New York, not NY)");
            }
        }
        missing(content, "Project.Title", problems);
        String problem = WireJson.textAt(content, "Project.CustomerBusinessProblem");
        if (problem == null) {
            problems.add("Project.CustomerBusinessProblem is missing");
        } else if (problem.length() < 20 || problem.length() > 2000) {
            problems.add("Project.CustomerBusinessProblem must be 20–2000 characters");
        }
        missing(content, "Project.CustomerUseCase", problems);
        emptyList(content, "Project.DeliveryModels", problems);
        emptyList(content, "Project.ExpectedCustomerSpend", problems);
        missing(content, "LifeCycle.Stage", problems);
        String target = WireJson.textAt(content, "LifeCycle.TargetCloseDate");
        if (target == null) {
            problems.add("LifeCycle.TargetCloseDate is missing");
        } else {
            try {
                if (LocalDate.parse(target).isBefore(today)) {
                    problems.add("LifeCycle.TargetCloseDate " + target + " is in the past");
                }
            } catch (DateTimeParseException e) {
                problems.add("LifeCycle.TargetCloseDate '" + target + "' is not a date");
            }
        }
        missing(content, "OpportunityType", problems);
        if ("Co-Sell".equals(involvementType)) {
            emptyList(content, "PrimaryNeedsFromAws", problems);
        }
        missing(content, "Marketing.Source", problems);
        if (PartnerCentralState.AWS.equals(opportunity.catalog()) && "AWS Referral".equals(opportunity.origin())) {
            problems.add("Origin must be Partner Referral in the AWS catalog");
        }
        if (opportunity.solutions().isEmpty()) {
            problems.add("no partner solution is linked (associate one with AssociateOpportunity, "
                    + "RelatedEntityType Solutions)");
        }
        return problems;
    }

    private static void missing(JsonNode content, String path, List<String> problems) {
        String value = WireJson.textAt(content, path);
        if (value == null || value.isBlank()) {
            problems.add(path + " is missing");
        }
    }

    private static void emptyList(JsonNode content, String path, List<String> problems) {
        JsonNode value = WireJson.at(content, path);
        if (value == null || !value.isArray() || value.isEmpty()) {
            problems.add(path + " is missing");
        }
    }
}
