package app.cosell.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full opportunity record of GetOpportunity, reduced to what the console shows and what the readiness check
 * reads. Fields the service omits are {@code null}; lists are never null.
 */
public record Opportunity(
        String id,
        String arn,
        Catalog catalog,
        String partnerOpportunityIdentifier,
        Customer customer,
        Project project,
        LifeCycle lifeCycle,
        String opportunityType,
        String origin,
        String nationalSecurity,
        String marketingSource,
        List<String> primaryNeedsFromAws,
        List<String> relatedSolutionIds,
        Instant createdDate,
        Instant lastModifiedDate,
        Marketing marketing) {

    /** The record without its {@code Marketing} block beyond the source (readers that need no more). */
    public Opportunity(String id, String arn, Catalog catalog, String partnerOpportunityIdentifier, Customer customer,
                       Project project, LifeCycle lifeCycle, String opportunityType, String origin,
                       String nationalSecurity, String marketingSource, List<String> primaryNeedsFromAws,
                       List<String> relatedSolutionIds, Instant createdDate, Instant lastModifiedDate) {
        this(id, arn, catalog, partnerOpportunityIdentifier, customer, project, lifeCycle, opportunityType, origin,
                nationalSecurity, marketingSource, primaryNeedsFromAws, relatedSolutionIds, createdDate,
                lastModifiedDate, marketingSource == null ? null : new Marketing(marketingSource, null, null, List.of(),
                        List.of()));
    }

    public Opportunity {
        if (marketing != null && marketingSource == null) marketingSource = marketing.source();
        primaryNeedsFromAws = List.copyOf(primaryNeedsFromAws == null ? List.of() : primaryNeedsFromAws);
        relatedSolutionIds = List.copyOf(relatedSolutionIds == null ? List.of() : relatedSolutionIds);
    }

    /** {@code Customer.Account}. */
    public record Customer(
            String companyName,
            String industry,
            String otherIndustry,
            String websiteUrl,
            String countryCode,
            String postalCode,
            String stateOrRegion,
            String city,
            String streetAddress) {}

    /** {@code Project}. */
    public record Project(
            String title,
            String customerBusinessProblem,
            String customerUseCase,
            List<String> deliveryModels,
            List<Money> expectedCustomerSpend,
            String otherSolutionDescription) {
        public Project {
            deliveryModels = List.copyOf(deliveryModels == null ? List.of() : deliveryModels);
            expectedCustomerSpend = List.copyOf(expectedCustomerSpend == null ? List.of() : expectedCustomerSpend);
        }
    }

    /**
     * {@code Marketing}: how the opportunity came about.
     *
     * @param awsFundingUsed {@code Yes} / {@code No}, or null
     */
    public record Marketing(String source, String campaignName, String awsFundingUsed, List<String> channels,
                            List<String> useCases) {
        public Marketing {
            channels = List.copyOf(channels == null ? List.of() : channels);
            useCases = List.copyOf(useCases == null ? List.of() : useCases);
        }
    }

    /** {@code LifeCycle}. */
    public record LifeCycle(
            Stage stage,
            String stageRaw,
            ReviewStatus reviewStatus,
            String reviewStatusRaw,
            LocalDate targetCloseDate,
            String closedLostReason,
            String reviewComments,
            String reviewStatusReason) {}
}
