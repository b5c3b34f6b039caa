package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** {@link FakeOpportunities} kept "on disk": stored rows read in chunks of 10, a sync that changes nothing; counted. */
final class FakeOpportunitiesStore implements OpportunitySource {

    static final Instant AS_OF = Instant.parse("2026-12-06T09:00:00Z");
    private final FakeOpportunities rows;
    int storedReads;
    int syncs;

    FakeOpportunitiesStore(int n) { this.rows = new FakeOpportunities(n); }

    @Override public Page list(OpportunityFilter filter, String nextToken, int maxResults) {
        return rows.list(filter, nextToken, maxResults);
    }

    @Override public Opportunity get(String id) { return rows.get(id); }

    @Override public boolean keepsStore() { return true; }

    @Override public int storedCount() { return rows.all.size(); }

    @Override
    public void readStored(OpportunityFilter filter, Predicate<Stored> chunk) {
        storedReads++;
        List<OpportunitySummary> all = rows.all.stream().filter(filter::matchesStored).toList();
        for (int i = 0; i < all.size(); i += 10) {
            if (!chunk.test(new Stored(all.subList(i, Math.min(all.size(), i + 10)), AS_OF, Map.of()))) return;
        }
        if (all.isEmpty()) chunk.test(new Stored(List.of(), AS_OF, Map.of()));
    }

    @Override
    public boolean sync(boolean full, Consumer<List<OpportunitySummary>> pageStored) {
        syncs++;
        return false;
    }
}
