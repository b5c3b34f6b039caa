package app.cosell.emulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One opportunity as the emulator keeps it: the identifiers and dates the service owns, the associations,
 * the AWS submission once made, and the partner-editable content (Customer, Project, LifeCycle, Marketing…)
 * as the document the partner wrote. Immutable: every change makes a new instance, so readers never need a lock.
 *
 * <p>The content is kept as its compact JSON text (UTF-8), not as a Jackson tree: a tree of one opportunity
 * takes about 6 KB of heap, its text about 1.5 KB, and the embedded emulator holds thousands of them in the
 * desktop app's own process. {@link #content()} parses a fresh tree on each call (callers may change it); the
 * fields every list request filters and sorts on are extracted once.
 */
final class Opportunity {

    private final String catalog;
    private final String id;
    private final Instant createdDate;
    private final Instant lastModifiedDate;
    private final String origin;
    private final byte[] contentJson;
    private final String stage;
    private final String reviewStatus;
    private final String companyName;
    private final List<String> solutions;
    private final List<String> awsProducts;
    private final List<String> marketplaceOffers;
    private final String involvementType;
    private final String visibility;

    @JsonCreator
    Opportunity(@JsonProperty("catalog") String catalog,
                @JsonProperty("id") String id,
                @JsonProperty("createdDate") Instant createdDate,
                @JsonProperty("lastModifiedDate") Instant lastModifiedDate,
                @JsonProperty("origin") String origin,
                @JsonProperty("content") ObjectNode content,
                @JsonProperty("solutions") List<String> solutions,
                @JsonProperty("awsProducts") List<String> awsProducts,
                @JsonProperty("marketplaceOffers") List<String> marketplaceOffers,
                @JsonProperty("involvementType") String involvementType,
                @JsonProperty("visibility") String visibility) {
        this.catalog = catalog;
        this.id = id;
        this.createdDate = createdDate;
        this.lastModifiedDate = lastModifiedDate;
        this.origin = origin;
        this.contentJson = WireJson.bytes(content);
        // Repeated values (a handful of stages and statuses) share one string.
        this.stage = intern(WireJson.textAt(content, "LifeCycle.Stage"));
        this.reviewStatus = intern(WireJson.textAt(content, "LifeCycle.ReviewStatus"));
        String name = WireJson.textAt(content, "Customer.Account.CompanyName");
        this.companyName = name == null ? "" : name;
        this.solutions = List.copyOf(solutions);
        this.awsProducts = List.copyOf(awsProducts);
        this.marketplaceOffers = List.copyOf(marketplaceOffers);
        this.involvementType = involvementType;
        this.visibility = visibility;
    }

    @JsonProperty String catalog() { return catalog; }

    @JsonProperty String id() { return id; }

    @JsonProperty Instant createdDate() { return createdDate; }

    @JsonProperty Instant lastModifiedDate() { return lastModifiedDate; }

    @JsonProperty String origin() { return origin; }

    /** A fresh tree of the partner-editable content (changing it changes nothing stored). */
    ObjectNode content() {
        try {
            return (ObjectNode) WireJson.parse(contentJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as stored, for the state file: written as it is, without a tree in between. */
    @JsonProperty("content")
    @JsonRawValue
    String contentText() { return new String(contentJson, StandardCharsets.UTF_8); }

    @JsonProperty List<String> solutions() { return solutions; }

    @JsonProperty List<String> awsProducts() { return awsProducts; }

    @JsonProperty List<String> marketplaceOffers() { return marketplaceOffers; }

    @JsonProperty String involvementType() { return involvementType; }

    @JsonProperty String visibility() { return visibility; }

    String reviewStatus() { return reviewStatus; }

    String stage() { return stage; }

    /** The customer's company name, "" when missing. */
    String companyName() { return companyName; }

    String title() { return WireJson.textAt(content(), "Project.Title"); }

    String arn(String account) {
        return "arn:aws:partnercentral:us-east-1:" + account + ":catalog/" + catalog + "/opportunity/" + id;
    }

    Opportunity withContent(ObjectNode newContent, Instant modified) {
        return new Opportunity(catalog, id, createdDate, modified, origin, newContent, solutions, awsProducts,
                marketplaceOffers, involvementType, visibility);
    }

    Opportunity withAssociations(List<String> newSolutions, List<String> newProducts, List<String> newOffers,
                                 Instant modified) {
        return new Opportunity(catalog, id, createdDate, modified, origin, content(), newSolutions, newProducts,
                newOffers, involvementType, visibility);
    }

    /** The submission to AWS: review status becomes Submitted and the involvement is recorded. */
    Opportunity submitted(String newInvolvementType, String newVisibility, Instant when) {
        ObjectNode copy = content();
        ObjectNode lifeCycle = copy.has("LifeCycle") && copy.get("LifeCycle").isObject()
                ? (ObjectNode) copy.get("LifeCycle") : copy.putObject("LifeCycle");
        lifeCycle.put("ReviewStatus", "Submitted");
        return new Opportunity(catalog, id, createdDate, when, origin, copy, solutions, awsProducts,
                marketplaceOffers, newInvolvementType, newVisibility);
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Opportunity that && catalog.equals(that.catalog) && id.equals(that.id)
                && Objects.equals(createdDate, that.createdDate) && Objects.equals(lastModifiedDate, that.lastModifiedDate)
                && Objects.equals(origin, that.origin) && Arrays.equals(contentJson, that.contentJson)
                && solutions.equals(that.solutions) && awsProducts.equals(that.awsProducts)
                && marketplaceOffers.equals(that.marketplaceOffers)
                && Objects.equals(involvementType, that.involvementType) && Objects.equals(visibility, that.visibility);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalog, id, lastModifiedDate);
    }

    @Override
    public String toString() {
        return "Opportunity[" + catalog + "/" + id + "]";
    }
}
