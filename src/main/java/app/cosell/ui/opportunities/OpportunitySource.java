package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import java.util.List;

/**
 * Where the opportunity screens read from: one page of the list, one full record. Blocking; called off the FX
 * thread. {@code AppContext} backs it with the Partner Central gateway of the current connection.
 */
public interface OpportunitySource {

    /** One page of the list. {@code nextToken} null for the first page; the answer's token null after the last. */
    Page list(OpportunityFilter filter, String nextToken, int maxResults) throws Exception;

    Opportunity get(String id) throws Exception;

    record Page(List<OpportunitySummary> items, String nextToken) {
        public Page {
            items = List.copyOf(items);
            if (nextToken != null && nextToken.isEmpty()) nextToken = null;
        }
    }
}
