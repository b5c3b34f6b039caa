package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields a review status locks against UpdateOpportunity. Action Required: only the fields the service model's
 * documentation of {@code LifeCycle.ReviewStatus} lists may change (its {@code Project.ExpectedMonthlyAWSRevenue} is
 * the expected customer spend). Approved: the customer block, the software revenue and the project title are locked
 * (observed, API-NOTES §5). Submitted, In review and Rejected refuse every update before this is asked.
 */
final class ReviewLocks {

    static final List<String> EDITABLE_WHEN_ACTION_REQUIRED = List.of("Customer.Account.Address.City",
            "Customer.Account.Address.CountryCode", "Customer.Account.Address.PostalCode",
            "Customer.Account.Address.StateOrRegion", "Customer.Account.Address.StreetAddress",
            "Customer.Account.WebsiteUrl", "LifeCycle.TargetCloseDate", "Project.ExpectedCustomerSpend",
            "Project.ExpectedMonthlyAWSRevenue", "Project.CustomerBusinessProblem", "PartnerOpportunityIdentifier");

    static final List<String> LOCKED_WHEN_APPROVED = List.of("Customer", "SoftwareRevenue", "Project.Title");

    /** AWS's part of the record: the update never changes it (the handler keeps it), so it is no edit. */
    private static final List<String> AWS_OWNED = List.of("LifeCycle.ReviewStatus", "LifeCycle.ReviewComments",
            "LifeCycle.ReviewStatusReason", "LifeCycle.NextStepsHistory");

    private ReviewLocks() {}

    /** The first field the update changes that {@code status} locks, or null when the update may go ahead. */
    static String changedLockedField(String status, JsonNode current, JsonNode next) {
        if ("Action Required".equals(status)) {
            return firstDifference(current, next, "", path -> covered(path, UPDATABLE)
                    && !covered(path, EDITABLE_WHEN_ACTION_REQUIRED) && !covered(path, AWS_OWNED));
        }
        if ("Approved".equals(status)) {
            return firstDifference(current, next, "", path -> covered(path, LOCKED_WHEN_APPROVED));
        }
        return null;
    }

    /**
     * The members UpdateOpportunity carries (its input shape): only these can be changed (or cleared) by an update;
     * the others of the record (OpportunityTeam, the AWS-side data…) are not the update's to lock.
     */
    private static final List<String> UPDATABLE = List.of("Customer", "LifeCycle", "Marketing", "NationalSecurity",
            "OpportunityType", "PartnerOpportunityIdentifier", "PrimaryNeedsFromAws", "Project", "SoftwareRevenue");

    private static boolean covered(String path, List<String> fields) {
        for (String f : fields) if (path.equals(f) || path.startsWith(f + ".") || path.startsWith(f + "[")) return true;
        return false;
    }

    private static String firstDifference(JsonNode a, JsonNode b, String path,
                                          java.util.function.Predicate<String> locked) {
        boolean aAbsent = a == null || a.isNull();
        boolean bAbsent = b == null || b.isNull();
        if (aAbsent && bAbsent) return null;
        if ((aAbsent || a.isObject()) && (bAbsent || b.isObject())) {
            JsonNode left = aAbsent ? WireJson.object() : a;
            JsonNode right = bAbsent ? WireJson.object() : b;
            Set<String> names = new LinkedHashSet<>();
            for (Iterator<String> i = left.fieldNames(); i.hasNext(); ) names.add(i.next());
            for (Iterator<String> i = right.fieldNames(); i.hasNext(); ) names.add(i.next());
            for (String n : names) {
                String child = path.isEmpty() ? n : path + "." + n;
                String d = firstDifference(left.get(n), right.get(n), child, locked);
                if (d != null) return d;
            }
            return null;
        }
        boolean same = !aAbsent && !bAbsent && a.equals(b);
        return same || !locked.test(path) ? null : path;
    }
}
