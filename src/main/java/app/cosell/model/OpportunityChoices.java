package app.cosell.model;

import java.util.List;

/**
 * The closed lists the service model gives for the fields the editor offers as choices (Industry, DeliveryModel,
 * PrimaryNeedFromAws, MarketingSource, AwsFundingUsed), and the US states and territories spelled out as Partner
 * Central expects them ({@code New York}, not {@code NY}).
 */
public final class OpportunityChoices {

    private OpportunityChoices() {}

    public static final List<String> INDUSTRIES = List.of("Aerospace", "Agriculture", "Automotive",
            "Computers and Electronics", "Consumer Goods", "Education", "Energy - Oil and Gas",
            "Energy - Power and Utilities", "Financial Services", "Gaming", "Government", "Healthcare", "Hospitality",
            "Life Sciences", "Manufacturing", "Marketing and Advertising", "Media and Entertainment", "Mining",
            "Non-Profit Organization", "Professional Services", "Real Estate and Construction", "Retail",
            "Software and Internet", "Telecommunications", "Transportation and Logistics", "Travel",
            "Wholesale and Distribution", "Other");

    public static final List<String> DELIVERY_MODELS = List.of("SaaS or PaaS", "BYOL or AMI", "Managed Services",
            "Professional Services", "Resell", "Other");

    public static final List<String> PRIMARY_NEEDS = List.of("Co-Sell - Architectural Validation",
            "Co-Sell - Business Presentation", "Co-Sell - Competitive Information", "Co-Sell - Pricing Assistance",
            "Co-Sell - Technical Consultation", "Co-Sell - Total Cost of Ownership Evaluation",
            "Co-Sell - Deal Support", "Co-Sell - Support for Public Tender / RFx");

    public static final List<String> MARKETING_SOURCES = List.of("Marketing Activity", "None");

    public static final List<String> YES_NO = List.of("Yes", "No");

    public static final List<String> US_STATES = List.of("Alabama", "Alaska", "Arizona", "Arkansas", "California",
            "Colorado", "Connecticut", "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho",
            "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
            "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
            "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
            "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
            "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Guam",
            "American Samoa", "Northern Mariana Islands", "U.S. Virgin Islands");

    private static final List<String> US_CODES = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "PR", "GU", "AS", "MP", "VI");

    /** The state spelled out for a two-letter postal code ({@code NY} → {@code New York}), or null. */
    public static String usStateName(String code) {
        if (code == null) return null;
        int i = US_CODES.indexOf(code.strip().toUpperCase(java.util.Locale.ROOT));
        return i < 0 ? null : US_STATES.get(i);
    }
}
