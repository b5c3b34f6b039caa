package app.cosell.model;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * The opportunity fields the console's editor can change: every field the readiness rules read that a partner may
 * write. Each knows its name as the service spells it (in ValidationException ErrorLists, task messages and
 * readiness findings), so a message naming {@code Customer.Account.WebsiteUrl} leads to the website field.
 */
public enum EditableField {
    COMPANY_NAME("Customer.Account.CompanyName"),
    WEBSITE("Customer.Account.WebsiteUrl"),
    INDUSTRY("Customer.Account.Industry"),
    OTHER_INDUSTRY("Customer.Account.OtherIndustry"),
    COUNTRY("Customer.Account.Address.CountryCode"),
    STATE("Customer.Account.Address.StateOrRegion"),
    POSTAL_CODE("Customer.Account.Address.PostalCode"),
    CITY("Customer.Account.Address.City"),
    STREET("Customer.Account.Address.StreetAddress"),
    TITLE("Project.Title"),
    BUSINESS_PROBLEM("Project.CustomerBusinessProblem"),
    USE_CASE("Project.CustomerUseCase"),
    DELIVERY_MODELS("Project.DeliveryModels"),
    EXPECTED_SPEND("Project.ExpectedCustomerSpend"),
    MARKETING_SOURCE("Marketing.Source"),
    CAMPAIGN_NAME("Marketing.CampaignName"),
    AWS_FUNDING_USED("Marketing.AwsFundingUsed"),
    TARGET_CLOSE_DATE("LifeCycle.TargetCloseDate"),
    PRIMARY_NEEDS("PrimaryNeedsFromAws"),
    PARTNER_OPPORTUNITY_ID("PartnerOpportunityIdentifier"),
    SOLUTION("RelatedEntityIdentifiers.Solutions");

    private final String path;

    EditableField(String path) { this.path = path; }

    /** The field's name as the service spells it. */
    public String path() { return path; }

    /**
     * The only fields a partner may change while {@code LifeCycle.ReviewStatus} is Action Required, as the service
     * model's documentation of ReviewStatus lists them ({@code Project.ExpectedMonthlyAWSRevenue} there is the
     * expected customer spend).
     */
    public static final Set<EditableField> EDITABLE_WHEN_ACTION_REQUIRED = Set.copyOf(EnumSet.of(CITY, COUNTRY,
            POSTAL_CODE, STATE, STREET, WEBSITE, TARGET_CLOSE_DATE, EXPECTED_SPEND, BUSINESS_PROBLEM,
            PARTNER_OPPORTUNITY_ID));

    /**
     * The field a service name points at ({@code Customer.Account.WebsiteUrl},
     * {@code Project.ExpectedCustomerSpend[0].CurrencyCode}, {@code Customer.Account.Address}), or null. The longest
     * matching name wins; a parent name leads to its first field.
     */
    public static EditableField fromPath(String name) {
        if (name == null) return null;
        String n = name.strip().replaceAll("\\[\\d+]", "");
        if (n.equals("Project.ExpectedMonthlyAWSRevenue") || n.startsWith("Project.ExpectedMonthlyAWSRevenue."))
            return EXPECTED_SPEND;
        if (n.equals("Marketing")) return MARKETING_SOURCE;
        if (n.equals("RelatedEntityIdentifiers") || n.equals("Solutions")) return SOLUTION;
        EditableField best = null;
        for (EditableField f : values()) {
            boolean matches = n.equals(f.path) || n.startsWith(f.path + ".");
            if (matches && (best == null || f.path.length() > best.path.length())) best = f;
        }
        if (best != null) return best;
        // A parent ("Customer.Account.Address"): its first field.
        return java.util.Arrays.stream(values()).filter(f -> f.path.startsWith(n + "."))
                .min(Comparator.comparingInt(Enum::ordinal)).orElse(null);
    }

    /**
     * Every field a free text names (AWS's ReviewComments, a task's Message), in the editor's order; empty when none.
     */
    public static Set<EditableField> allNamed(String text) {
        if (text == null) return Set.of();
        EnumSet<EditableField> out = EnumSet.noneOf(EditableField.class);
        for (EditableField f : values()) {
            if (text.contains(f.path) && java.util.Arrays.stream(values()).noneMatch(longer -> longer != f
                    && longer.path.startsWith(f.path + ".") && text.contains(longer.path)
                    && text.replace(longer.path, "").indexOf(f.path) < 0)) out.add(f);
        }
        if (text.contains("ExpectedMonthlyAWSRevenue")) out.add(EXPECTED_SPEND);
        return Set.copyOf(out);
    }

    /** The first field a free-text message names (a task's Message quotes the field), or null. */
    public static EditableField named(String message) {
        if (message == null) return null;
        EditableField best = null;
        int at = Integer.MAX_VALUE;
        for (EditableField f : values()) {
            int i = message.indexOf(f.path);
            if (i >= 0 && (i < at || (i == at && f.path.length() > best.path.length()))) {
                best = f;
                at = i;
            }
        }
        if (best == null && message.contains("ExpectedMonthlyAWSRevenue")) return EXPECTED_SPEND;
        if (best == null && message.contains("AssociateOpportunity")) return SOLUTION;
        return best;
    }
}
