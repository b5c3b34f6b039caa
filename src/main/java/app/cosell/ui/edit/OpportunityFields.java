package app.cosell.ui.edit;

import app.cosell.model.EditableField;
import app.cosell.model.Money;
import app.cosell.model.Opportunity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The editor's fields of a record, both ways: the value of each {@link EditableField} a record holds, and the record
 * with the editor's values put back in place. Pure functions: the model keeps the state.
 */
final class OpportunityFields {

    private OpportunityFields() {}

    /** The editor's values of a record (a solution: the first linked one). */
    static Map<EditableField, Object> valuesOf(Opportunity o) {
        Map<EditableField, Object> v = new EnumMap<>(EditableField.class);
        Opportunity.Customer c = o.customer();
        Opportunity.Project p = o.project();
        Opportunity.Marketing m = o.marketing();
        v.put(EditableField.COMPANY_NAME, c == null ? null : c.companyName());
        v.put(EditableField.WEBSITE, c == null ? null : c.websiteUrl());
        v.put(EditableField.INDUSTRY, c == null ? null : c.industry());
        v.put(EditableField.OTHER_INDUSTRY, c == null ? null : c.otherIndustry());
        v.put(EditableField.COUNTRY, c == null ? null : c.countryCode());
        v.put(EditableField.STATE, c == null ? null : c.stateOrRegion());
        v.put(EditableField.POSTAL_CODE, c == null ? null : c.postalCode());
        v.put(EditableField.CITY, c == null ? null : c.city());
        v.put(EditableField.STREET, c == null ? null : c.streetAddress());
        v.put(EditableField.TITLE, p == null ? null : p.title());
        v.put(EditableField.BUSINESS_PROBLEM, p == null ? null : p.customerBusinessProblem());
        v.put(EditableField.USE_CASE, p == null ? null : p.customerUseCase());
        v.put(EditableField.DELIVERY_MODELS, p == null ? List.of() : p.deliveryModels());
        Money spend = p == null || p.expectedCustomerSpend().isEmpty() ? null : p.expectedCustomerSpend().getFirst();
        v.put(EditableField.EXPECTED_SPEND, spend == null || spend.amount() == null ? null : spend.amount().toPlainString());
        v.put(EditableField.MARKETING_SOURCE, m != null ? m.source() : o.marketingSource());
        v.put(EditableField.CAMPAIGN_NAME, m == null ? null : m.campaignName());
        v.put(EditableField.AWS_FUNDING_USED, m == null ? null : m.awsFundingUsed());
        v.put(EditableField.TARGET_CLOSE_DATE, o.lifeCycle() == null ? null : o.lifeCycle().targetCloseDate());
        v.put(EditableField.PRIMARY_NEEDS, o.primaryNeedsFromAws());
        v.put(EditableField.PARTNER_OPPORTUNITY_ID, o.partnerOpportunityIdentifier());
        v.put(EditableField.SOLUTION, o.relatedSolutionIds().isEmpty() ? null : o.relatedSolutionIds().getFirst());
        return v;
    }

    /**
     * {@code o} with the editor's {@code values} in place (text stripped, blank as none); the gateway sends only the
     * touched ones.
     */
    @SuppressWarnings("unchecked")
    static Opportunity withValues(Opportunity o, Map<EditableField, Object> values) {
        Function<EditableField, String> s = f -> {
            String v = values.get(f) instanceof String t ? t.strip() : "";
            return v.isEmpty() ? null : v;
        };
        LocalDate close = (LocalDate) values.get(EditableField.TARGET_CLOSE_DATE);
        List<String> deliveryModels = (List<String>) values.getOrDefault(EditableField.DELIVERY_MODELS, List.of());
        List<String> primaryNeeds = (List<String>) values.getOrDefault(EditableField.PRIMARY_NEEDS, List.of());
        Opportunity.Customer c = o.customer();
        Opportunity.Project p = o.project();
        Opportunity.LifeCycle l = o.lifeCycle();
        Opportunity.Marketing m = o.marketing();
        Opportunity.Customer customer = new Opportunity.Customer(s.apply(EditableField.COMPANY_NAME),
                s.apply(EditableField.INDUSTRY), s.apply(EditableField.OTHER_INDUSTRY), s.apply(EditableField.WEBSITE),
                s.apply(EditableField.COUNTRY), s.apply(EditableField.POSTAL_CODE), s.apply(EditableField.STATE),
                s.apply(EditableField.CITY), s.apply(EditableField.STREET));
        List<Money> spend = new ArrayList<>(p == null ? List.of() : p.expectedCustomerSpend());
        String amount = s.apply(EditableField.EXPECTED_SPEND);
        if (amount == null) spend.clear();
        else if (spend.isEmpty()) spend.add(new Money(new BigDecimal(amount), "USD"));
        else spend.set(0, new Money(new BigDecimal(amount), "USD"));
        Opportunity.Project project = new Opportunity.Project(s.apply(EditableField.TITLE),
                s.apply(EditableField.BUSINESS_PROBLEM), s.apply(EditableField.USE_CASE), List.copyOf(deliveryModels), spend,
                p == null ? null : p.otherSolutionDescription());
        Opportunity.LifeCycle lifeCycle = l == null
                ? new Opportunity.LifeCycle(null, null, null, null, close, null, null, null)
                : new Opportunity.LifeCycle(l.stage(), l.stageRaw(), l.reviewStatus(), l.reviewStatusRaw(),
                        close, l.closedLostReason(), l.reviewComments(), l.reviewStatusReason());
        Opportunity.Marketing marketing = new Opportunity.Marketing(s.apply(EditableField.MARKETING_SOURCE),
                s.apply(EditableField.CAMPAIGN_NAME), s.apply(EditableField.AWS_FUNDING_USED),
                m == null ? List.of() : m.channels(), m == null ? List.of() : m.useCases());
        List<String> linked = new ArrayList<>(o.relatedSolutionIds());
        String solution = s.apply(EditableField.SOLUTION);
        if (solution != null && !linked.contains(solution)) linked.add(solution);
        return new Opportunity(o.id(), o.arn(), o.catalog(), s.apply(EditableField.PARTNER_OPPORTUNITY_ID), customer,
                project, lifeCycle, o.opportunityType(), o.origin(), o.nationalSecurity(), marketing.source(),
                List.copyOf(primaryNeeds), linked, o.createdDate(), o.lastModifiedDate(), marketing);
    }
}
