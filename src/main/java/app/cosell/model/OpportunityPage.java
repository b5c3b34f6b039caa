package app.cosell.model;

import java.util.List;

/**
 * One page of a ListOpportunities answer.
 *
 * @param nextToken pass it back for the next page; null when this was the last page
 */
public record OpportunityPage(List<OpportunitySummary> opportunities, String nextToken) {

    public OpportunityPage {
        opportunities = List.copyOf(opportunities == null ? List.of() : opportunities);
        nextToken = nextToken == null || nextToken.isEmpty() ? null : nextToken;
    }

    public boolean hasMore() { return nextToken != null; }
}
