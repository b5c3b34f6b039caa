package app.cosell.model;

import java.time.Instant;
import java.util.List;

/**
 * The server-side filters and sort of one opportunity search. Empty lists mean "no filter on that field"; within a
 * field the values are alternatives (the service ORs them), across fields they all apply.
 *
 * @param companyNames customer company names (the service matches them as it chooses; up to 10)
 * @param identifiers  opportunity ids such as {@code O1234567} (up to 20)
 * @param modifiedAfter only opportunities modified after this instant ({@code LastModifiedDate.AfterLastModifiedDate}),
 *                      or null for all: what incremental sync and the change watcher ask for
 */
public record OpportunityQuery(List<Stage> stages, List<ReviewStatus> reviewStatuses, List<String> companyNames,
                               List<String> identifiers, OpportunitySortKey sortBy, boolean ascending,
                               Instant modifiedAfter) {

    public OpportunityQuery(List<Stage> stages, List<ReviewStatus> reviewStatuses, List<String> companyNames,
                            List<String> identifiers, OpportunitySortKey sortBy, boolean ascending) {
        this(stages, reviewStatuses, companyNames, identifiers, sortBy, ascending, null);
    }

    public OpportunityQuery {
        stages = List.copyOf(stages == null ? List.of() : stages);
        reviewStatuses = List.copyOf(reviewStatuses == null ? List.of() : reviewStatuses);
        companyNames = List.copyOf(companyNames == null ? List.of() : companyNames);
        identifiers = List.copyOf(identifiers == null ? List.of() : identifiers);
        sortBy = sortBy == null ? OpportunitySortKey.LAST_MODIFIED : sortBy;
    }

    /** Everything, most recently modified first (the service's default order). */
    public static OpportunityQuery all() {
        return new OpportunityQuery(List.of(), List.of(), List.of(), List.of(), OpportunitySortKey.LAST_MODIFIED, false);
    }

    public OpportunityQuery withStages(List<Stage> s) {
        return new OpportunityQuery(s, reviewStatuses, companyNames, identifiers, sortBy, ascending, modifiedAfter);
    }

    public OpportunityQuery withReviewStatuses(List<ReviewStatus> r) {
        return new OpportunityQuery(stages, r, companyNames, identifiers, sortBy, ascending, modifiedAfter);
    }

    public OpportunityQuery withCompanyNames(List<String> c) {
        return new OpportunityQuery(stages, reviewStatuses, c, identifiers, sortBy, ascending, modifiedAfter);
    }

    public OpportunityQuery withIdentifiers(List<String> i) {
        return new OpportunityQuery(stages, reviewStatuses, companyNames, i, sortBy, ascending, modifiedAfter);
    }

    public OpportunityQuery sortedBy(OpportunitySortKey key, boolean asc) {
        return new OpportunityQuery(stages, reviewStatuses, companyNames, identifiers, key, asc, modifiedAfter);
    }

    /** The same search, limited to what changed after {@code instant} (null: no such limit). */
    public OpportunityQuery modifiedAfter(Instant instant) {
        return new OpportunityQuery(stages, reviewStatuses, companyNames, identifiers, sortBy, ascending, instant);
    }
}
