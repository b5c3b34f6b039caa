package app.cosell.ui.opportunities;

import app.cosell.model.Catalog;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory opportunity source for model tests: n rows, paged like the service, filters applied. */
public final class FakeOpportunities implements OpportunitySource {

    final List<OpportunitySummary> all = new ArrayList<>();
    final AtomicInteger listCalls = new AtomicInteger();
    volatile RuntimeException failOnPage;
    volatile int failAfterPages = Integer.MAX_VALUE;

    public FakeOpportunities(int n) {
        for (int i = 0; i < n; i++) all.add(summary(i));
    }

    static final List<String> INDUSTRIES = List.of("Software and Internet", "Healthcare", "Financial Services");
    static final List<String> CITIES = List.of("New York", "Seattle", "Austin", "Denver");

    public static OpportunitySummary summary(int i) {
        Stage stage = Stage.values()[i % Stage.values().length];
        ReviewStatus review = ReviewStatus.values()[i % ReviewStatus.values().length];
        return new OpportunitySummary(String.format("O%07d", i), "arn:o" + i, Catalog.Sandbox, "P-" + i,
                i % 10 == 0 ? "Acme Corp" : "Customer " + i, "US", "Project " + i, stage, stage.wire(), review,
                review.wire(), LocalDate.of(2027, 1, 1).plusDays(i % 300),
                new Money(BigDecimal.valueOf(1000 + i), "USD"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z").plusSeconds(i),
                INDUSTRIES.get(i % INDUSTRIES.size()), CITIES.get(i % CITIES.size()));
    }

    @Override
    public Page list(OpportunityFilter filter, String nextToken, int maxResults) {
        int call = listCalls.incrementAndGet();
        if (failOnPage != null && call > failAfterPages) throw failOnPage;
        List<OpportunitySummary> matching = all.stream()
                .filter(s -> filter.stages().isEmpty() || filter.stages().contains(s.stage()))
                .filter(s -> filter.reviewStatuses().isEmpty() || filter.reviewStatuses().contains(s.reviewStatus()))
                .filter(s -> filter.company().isEmpty() || filter.company().equals(s.customerCompanyName()))
                .toList();
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(matching.size(), from + maxResults);
        return new Page(matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null);
    }

    @Override
    public Opportunity get(String id) {
        OpportunitySummary s = all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return new Opportunity(s.id(), s.arn(), s.catalog(), s.partnerOpportunityIdentifier(),
                new Opportunity.Customer(s.customerCompanyName(), s.industry(), null, "https://example.com",
                        "US", "10001", "New York", s.city(), "1 Main St"),
                new Opportunity.Project(s.projectTitle(), "A business problem long enough to pass", "Migration / Database Migration",
                        List.of("SaaS or PaaS"), List.of(s.expectedMonthlySpend()), null),
                new Opportunity.LifeCycle(s.stage(), s.stageRaw(), s.reviewStatus(), s.reviewStatusRaw(),
                        s.targetCloseDate(), null, null, null),
                "Net New Business", "Partner Referral", "No", "None", List.of("Co-Sell - Architectural Validation"),
                List.of("S-0000001"), s.createdDate(), s.lastModifiedDate());
    }
}
