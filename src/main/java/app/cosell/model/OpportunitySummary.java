package app.cosell.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the opportunity list, from ListOpportunities. Fields the service may omit are {@code null}.
 *
 * @param expectedMonthlySpend the first {@code ExpectedCustomerSpend} entry, or null when none
 * @param industry the customer's {@code Account.Industry} ({@code OtherIndustry} when that is "Other"), or null
 * @param city the customer's {@code Account.Address.City}, or null
 */
public record OpportunitySummary(
        String id,
        String arn,
        Catalog catalog,
        String partnerOpportunityIdentifier,
        String customerCompanyName,
        String countryCode,
        String projectTitle,
        Stage stage,
        String stageRaw,
        ReviewStatus reviewStatus,
        String reviewStatusRaw,
        LocalDate targetCloseDate,
        Money expectedMonthlySpend,
        Instant createdDate,
        Instant lastModifiedDate,
        String industry,
        String city) {

    /**
     * The row of a full record (GetOpportunity), e.g. after a task changed it. What the record does not carry
     * (the country when the customer has none) is kept from {@code was}, the row it replaces (may be null).
     */
    public static OpportunitySummary of(Opportunity o, OpportunitySummary was) {
        Opportunity.Customer c = o.customer();
        Opportunity.Project p = o.project();
        Opportunity.LifeCycle l = o.lifeCycle();
        return new OpportunitySummary(o.id(), o.arn(), o.catalog(), o.partnerOpportunityIdentifier(),
                c != null && c.companyName() != null ? c.companyName() : was == null ? null : was.customerCompanyName(),
                c != null && c.countryCode() != null ? c.countryCode() : was == null ? null : was.countryCode(),
                p != null && p.title() != null ? p.title() : was == null ? null : was.projectTitle(),
                l == null ? null : l.stage(), l == null ? null : l.stageRaw(),
                l == null ? null : l.reviewStatus(), l == null ? null : l.reviewStatusRaw(),
                l == null ? null : l.targetCloseDate(),
                p == null || p.expectedCustomerSpend().isEmpty() ? null : p.expectedCustomerSpend().getFirst(),
                o.createdDate(), o.lastModifiedDate(),
                c != null && industryOf(c.industry(), c.otherIndustry()) != null ? industryOf(c.industry(), c.otherIndustry())
                        : was == null ? null : was.industry(),
                c != null && c.city() != null ? c.city() : was == null ? null : was.city());
    }

    /** The industry a rep reads: the free text of "Other" when given, else the industry itself (may be null). */
    public static String industryOf(String industry, String otherIndustry) {
        if ("Other".equals(industry) && otherIndustry != null && !otherIndustry.isBlank()) return otherIndustry;
        return industry;
    }
}
