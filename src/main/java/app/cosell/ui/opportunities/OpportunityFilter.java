package app.cosell.ui.opportunities;

import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import java.util.Set;

/**
 * The server-side filters of the opportunity list (ListOpportunities' LifeCycleStage, LifeCycleReviewStatus and
 * CustomerCompanyName). Empty sets and a blank company mean "any".
 */
public record OpportunityFilter(Set<Stage> stages, Set<ReviewStatus> reviewStatuses, String company) {

    public static final OpportunityFilter ANY = new OpportunityFilter(Set.of(), Set.of(), "");

    public OpportunityFilter {
        stages = Set.copyOf(stages == null ? Set.of() : stages);
        reviewStatuses = Set.copyOf(reviewStatuses == null ? Set.of() : reviewStatuses);
        company = company == null ? "" : company.strip();
    }

    public boolean isAny() { return stages.isEmpty() && reviewStatuses.isEmpty() && company.isEmpty(); }

    /** Whether the service would list {@code row} under this filter (the company name is matched exactly). */
    public boolean matches(app.cosell.model.OpportunitySummary row) {
        return (stages.isEmpty() || stages.contains(row.stage()))
                && (reviewStatuses.isEmpty() || reviewStatuses.contains(row.reviewStatus()))
                && (company.isEmpty() || company.equals(row.customerCompanyName()));
    }

    /** Whether a stored row passes this filter on the rep's machine: the company name by prefix, ignoring case. */
    public boolean matchesStored(app.cosell.model.OpportunitySummary row) {
        return (stages.isEmpty() || stages.contains(row.stage()))
                && (reviewStatuses.isEmpty() || reviewStatuses.contains(row.reviewStatus()))
                && (company.isEmpty() || (row.customerCompanyName() != null && row.customerCompanyName()
                        .regionMatches(true, 0, company, 0, company.length())));
    }
}
