package app.cosell.emulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A question about a catalog's opportunities (ListOpportunities' filters and sort), in the domain's terms: a null
 * set or bound does not filter. Dates are exclusive bounds; close dates are YYYY-MM-DD, so they compare as text, and
 * when {@code byCloseDate} is set an opportunity without a close date never matches. Company names match when the
 * opportunity's contains any of them, case-insensitively.
 */
record OpportunityQuery(Set<String> ids, Set<String> stages, Set<String> reviewStatuses, Set<String> companyNames,
                        Instant modifiedAfter, Instant modifiedBefore, Instant createdAfter, Instant createdBefore,
                        boolean byCloseDate, String closeAfter, String closeBefore, String sortBy,
                        boolean ascending) {

    OpportunityQuery {
        if (companyNames != null) {
            companyNames = companyNames.stream().map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** The order the query asks for; ties broken by id (shorter ids first, so O9 comes before O10). */
    Comparator<Opportunity> order() {
        Comparator<Opportunity> byId = Comparator.comparing((Opportunity o) -> o.id().length())
                .thenComparing(Opportunity::id);
        Comparator<Opportunity> order = switch (sortBy) {
            case "Identifier" -> byId;
            case "CustomerCompanyName" -> Comparator.comparing(Opportunity::companyName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(byId);
            case "CreatedDate" -> Comparator.comparing(Opportunity::createdDate).thenComparing(byId);
            // Without a close date an opportunity sorts after every dated one (ascending). The date lives in the
            // stored document, so each is read once per query, not once per comparison.
            case "TargetCloseDate" -> {
                Map<String, String> closeDates = new HashMap<>();
                yield Comparator.comparing((Opportunity o) -> closeDates.computeIfAbsent(o.id(), id ->
                        Objects.requireNonNullElse(closeDate(o), "\uffff"))).thenComparing(byId);
            }
            default -> Comparator.comparing(Opportunity::lastModifiedDate).thenComparing(byId);
        };
        return ascending ? order : order.reversed();
    }

    boolean matches(Opportunity o) {
        return (ids == null || ids.contains(o.id()))
                && (stages == null || stages.contains(o.stage()))
                && (reviewStatuses == null || reviewStatuses.contains(o.reviewStatus()))
                && (companyNames == null || companyMatches(o))
                && within(o.lastModifiedDate(), modifiedAfter, modifiedBefore)
                && within(o.createdDate(), createdAfter, createdBefore)
                && (!byCloseDate || closeDateMatches(closeDate(o)));
    }

    private boolean companyMatches(Opportunity o) {
        String name = o.companyName().toLowerCase(Locale.ROOT);
        return companyNames.stream().anyMatch(name::contains);
    }

    private static boolean within(Instant value, Instant after, Instant before) {
        return (after == null || value.isAfter(after)) && (before == null || value.isBefore(before));
    }

    private boolean closeDateMatches(String date) {
        return date != null && (closeAfter == null || date.compareTo(closeAfter) > 0)
                && (closeBefore == null || date.compareTo(closeBefore) < 0);
    }

    private static String closeDate(Opportunity o) {
        return WireJson.textAt(o.content(), "LifeCycle.TargetCloseDate");
    }
}
