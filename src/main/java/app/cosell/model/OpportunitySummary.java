package app.cosell.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the opportunity list, from ListOpportunities. Fields the service may omit are {@code null}.
 *
 * @param expectedMonthlySpend the first {@code ExpectedCustomerSpend} entry, or null when none
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
        Instant lastModifiedDate) {}
