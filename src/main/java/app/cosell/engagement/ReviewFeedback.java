package app.cosell.engagement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What AWS's review comments ask the rep to fix: the opportunity fields the comments name, among those the API
 * leaves editable under Action Required. Comments name fields either by their API path
 * ({@code Customer.Account.WebsiteUrl}) or in words ("the customer website", "business problem"); both count.
 */
public final class ReviewFeedback {

    /**
     * The fields the LifeCycle.ReviewStatus documentation of the service model lists as editable while the review
     * status is Action Required (the model's {@code Project.ExpectedMonthlyAWSRevenue} is the record's
     * {@code Project.ExpectedCustomerSpend}).
     */
    public static final List<String> EDITABLE_UNDER_ACTION_REQUIRED = List.of(
            "Customer.Account.Address.City", "Customer.Account.Address.CountryCode",
            "Customer.Account.Address.PostalCode", "Customer.Account.Address.StateOrRegion",
            "Customer.Account.Address.StreetAddress", "Customer.Account.WebsiteUrl", "LifeCycle.TargetCloseDate",
            "Project.ExpectedCustomerSpend", "Project.CustomerBusinessProblem", "PartnerOpportunityIdentifier");

    /** Words reviewers use for a field, lower case, checked in this order. */
    private static final Map<String, List<String>> WORDS = linked(
            "Customer.Account.WebsiteUrl", List.of("website", "web site", "websiteurl", "url", "domain"),
            "Project.CustomerBusinessProblem", List.of("business problem", "customerbusinessproblem", "problem statement",
                    "customer need", "use case description"),
            "LifeCycle.TargetCloseDate", List.of("close date", "closing date", "targetclosedate", "close-date"),
            "Project.ExpectedCustomerSpend", List.of("spend", "revenue", "mrr", "expectedmonthlyawsrevenue"),
            "Customer.Account.Address.StreetAddress", List.of("street", "streetaddress"),
            "Customer.Account.Address.City", List.of("city"),
            "Customer.Account.Address.PostalCode", List.of("postal code", "postcode", "zip", "postalcode"),
            "Customer.Account.Address.StateOrRegion", List.of("state or region", "stateorregion", "state", "region"),
            "Customer.Account.Address.CountryCode", List.of("country", "countrycode"),
            "PartnerOpportunityIdentifier", List.of("partner opportunity identifier", "crm id", "crm identifier",
                    "partneropportunityidentifier"));

    private ReviewFeedback() {}

    /**
     * The editable fields the comments name, in the order of {@link #EDITABLE_UNDER_ACTION_REQUIRED}; "address"
     * alone names every address field. Empty for null or blank comments, or comments naming no editable field.
     */
    public static List<String> fieldsNamed(String comments) {
        if (comments == null || comments.isBlank()) return List.of();
        String text = comments.toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (String field : EDITABLE_UNDER_ACTION_REQUIRED) {
            if (text.contains(field.toLowerCase(Locale.ROOT))) found.add(field);
        }
        for (Map.Entry<String, List<String>> e : WORDS.entrySet()) {
            for (String word : e.getValue()) {
                if (containsWord(text, word)) {
                    found.add(e.getKey());
                    break;
                }
            }
        }
        if (containsWord(text, "address")) {
            EDITABLE_UNDER_ACTION_REQUIRED.stream().filter(f -> f.startsWith("Customer.Account.Address."))
                    .forEach(found::add);
        }
        List<String> ordered = new ArrayList<>();
        for (String field : EDITABLE_UNDER_ACTION_REQUIRED) if (found.contains(field)) ordered.add(field);
        return List.copyOf(ordered);
    }

    /** Whether {@code word} occurs in {@code text} not as part of a longer word ("state" is not in "statement"). */
    private static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) return false;
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || text.charAt(end) == 's' && (end + 1 >= text.length()
                    || !Character.isLetterOrDigit(text.charAt(end + 1)));
            if (startsWord && endsWord) return true;
            from = at + 1;
        }
    }

    private static Map<String, List<String>> linked(Object... pairs) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> words = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], words);
        }
        return map;
    }
}
