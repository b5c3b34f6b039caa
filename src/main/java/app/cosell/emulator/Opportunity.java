package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * One opportunity as the emulator keeps it: the identifiers and dates the service owns, the associations,
 * the AWS submission once made, and the partner-editable content (Customer, Project, LifeCycle, Marketing…)
 * as the document the partner wrote. The content tree is frozen once stored: every change replaces the
 * record with a fresh copy, so readers never need a lock.
 */
record Opportunity(
        String catalog,
        String id,
        Instant createdDate,
        Instant lastModifiedDate,
        String origin,
        ObjectNode content,
        List<String> solutions,
        List<String> awsProducts,
        List<String> marketplaceOffers,
        String involvementType,
        String visibility) {

    Opportunity {
        solutions = List.copyOf(solutions);
        awsProducts = List.copyOf(awsProducts);
        marketplaceOffers = List.copyOf(marketplaceOffers);
    }

    String reviewStatus() {
        return WireJson.textAt(content, "LifeCycle.ReviewStatus");
    }

    String stage() {
        return WireJson.textAt(content, "LifeCycle.Stage");
    }

    String companyName() {
        String name = WireJson.textAt(content, "Customer.Account.CompanyName");
        return name == null ? "" : name;
    }

    String title() {
        return WireJson.textAt(content, "Project.Title");
    }

    String arn(String account) {
        return "arn:aws:partnercentral:us-east-1:" + account + ":catalog/" + catalog + "/opportunity/" + id;
    }

    Opportunity withContent(ObjectNode newContent, Instant modified) {
        return new Opportunity(catalog, id, createdDate, modified, origin, newContent, solutions, awsProducts,
                marketplaceOffers, involvementType, visibility);
    }

    Opportunity withAssociations(List<String> newSolutions, List<String> newProducts, List<String> newOffers,
                                 Instant modified) {
        return new Opportunity(catalog, id, createdDate, modified, origin, content, newSolutions, newProducts,
                newOffers, involvementType, visibility);
    }

    /** The submission to AWS: review status becomes Submitted and the involvement is recorded. */
    Opportunity submitted(String newInvolvementType, String newVisibility, Instant when) {
        ObjectNode copy = content.deepCopy();
        ObjectNode lifeCycle = copy.has("LifeCycle") && copy.get("LifeCycle").isObject()
                ? (ObjectNode) copy.get("LifeCycle") : copy.putObject("LifeCycle");
        lifeCycle.put("ReviewStatus", "Submitted");
        return new Opportunity(catalog, id, createdDate, when, origin, copy, solutions, awsProducts,
                marketplaceOffers, newInvolvementType, newVisibility);
    }
}
