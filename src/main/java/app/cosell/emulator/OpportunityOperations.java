package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The opportunity writes: CreateOpportunity, UpdateOpportunity (optimistic on LastModifiedDate, and bound by what the
 * review status locks), and Associate/DisassociateOpportunity (solutions, AWS products, marketplace offers).
 */
record OpportunityOperations(Services services) implements ResourceOperations {


    JsonNode createOpportunity(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String origin = request.hasNonNull("Origin") ? request.get("Origin").asText() : "Partner Referral";
        ObjectNode content = editableContent(request);
        List<FieldError> errors = businessRules(content);
        if (PartnerCentralState.AWS.equals(catalog.name) && "AWS Referral".equals(origin)) {
            errors.add(new FieldError("Origin", "Origin AWS Referral is accepted only in the Sandbox catalog",
                    "ACTION_NOT_PERMITTED"));
        }
        if (!errors.isEmpty()) {
            throw AwsError.businessValidation(errors.getFirst().message(), errors);
        }
        ObjectNode lifeCycle = content.has("LifeCycle") ? (ObjectNode) content.get("LifeCycle")
                : content.putObject("LifeCycle");
        lifeCycle.put("ReviewStatus", "Pending Submission");
        lifeCycle.remove(List.of("ReviewComments", "ReviewStatusReason"));
        List<Tag> tags = Operations.tags(request.get("Tags"));
        Opportunity created = state().write(() -> {
            String existing = Operations.idempotent(catalog, "CreateOpportunity", request);
            if (existing != null) {
                return catalog.opportunities.get(existing);
            }
            String id = "O" + catalog.nextOpportunityNumber.getAndIncrement();
            Instant now = clock().get();
            Opportunity opportunity = new Opportunity(catalog.name, id, now, now, origin, content, List.of(), List.of(),
                    List.of(), null, null);
            catalog.opportunities.put(id, opportunity);
            Operations.remember(catalog, "CreateOpportunity", request, id);
            if (!tags.isEmpty()) {
                Tagging.merge(catalog, opportunity.arn(state().partnerAccount()), tags);
            }
            return opportunity;
        });
        ObjectNode response = WireJson.object();
        response.put("Id", created.id());
        WireJson.put(response, "PartnerOpportunityIdentifier",
                WireJson.text(created.content(), "PartnerOpportunityIdentifier"));
        WireJson.put(response, "LastModifiedDate", created.lastModifiedDate());
        return response;
    }

    JsonNode updateOpportunity(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("Identifier").asText();
        Instant expected = WireJson.parseTimestamp(request.get("LastModifiedDate"));
        ObjectNode content = editableContent(request);
        List<FieldError> errors = businessRules(content);
        if (!errors.isEmpty()) {
            throw AwsError.businessValidation(errors.getFirst().message(), errors);
        }
        Opportunity updated = state().write(() -> {
            Opportunity current = Operations.opportunity(catalog, id);
            if (!current.lastModifiedDate().equals(expected)) {
                throw AwsError.conflict("Opportunity " + id + " has been modified since " + WireJson.timestamp(expected)
                        + " (last modified " + WireJson.timestamp(current.lastModifiedDate())
                        + "). Get the opportunity again and retry with its current LastModifiedDate.");
            }
            engine().review().checkUpdate(catalog, current, content);
            String status = current.reviewStatus();
            if (("Submitted".equals(status) || "In review".equals(status) || "Rejected".equals(status))
                    && !engine().review().sandboxDecides(catalog, content)) {
                throw AwsError.businessValidation("Opportunity " + id + " can not be updated while its review "
                        + "status is " + status + ".", List.of(new FieldError("LifeCycle.ReviewStatus",
                        "Opportunity is read-only while " + status, "ACTION_NOT_PERMITTED")));
            }
            String locked = ReviewLocks.changedLockedField(status, current.content(), content);
            if (locked != null) {
                throw AwsError.businessValidation("You can not update " + locked + " when Opportunity status is "
                        + status + ".", List.of(new FieldError(locked, locked + " is read-only while the review "
                        + "status is " + status, "ACTION_NOT_PERMITTED")));
            }
            String newStage = WireJson.textAt(content, "LifeCycle.Stage");
            if ("Pending Submission".equals(status) && newStage != null && current.stage() != null
                    && !newStage.equals(current.stage())) {
                throw AwsError.businessValidation("You can not update the stage when Opportunity status is Pending "
                        + "Submission", List.of(new FieldError("LifeCycle.Stage",
                        "You can not update the stage when Opportunity status is Pending Submission",
                        "ACTION_NOT_PERMITTED")));
            }
            ObjectNode lifeCycle = content.has("LifeCycle") ? (ObjectNode) content.get("LifeCycle")
                    : content.putObject("LifeCycle");
            String requested = WireJson.text(lifeCycle, "ReviewStatus");
            // Only the Sandbox lets partners play AWS's part and set the review outcome (API-NOTES §5).
            if (!(PartnerCentralState.SANDBOX.equals(catalog.name) && requested != null)) {
                lifeCycle.put("ReviewStatus", status);
                copyIfPresent(current.content(), lifeCycle, "ReviewComments");
                copyIfPresent(current.content(), lifeCycle, "ReviewStatusReason");
            }
            Opportunity next = current.withContent(content, Operations.laterThan(clock(), current.lastModifiedDate()));
            next = engine().review().afterUpdate(catalog, current, next);
            catalog.opportunities.put(id, next);
            return next;
        });
        ObjectNode response = WireJson.object();
        response.put("Id", updated.id());
        WireJson.put(response, "LastModifiedDate", updated.lastModifiedDate());
        return response;
    }

    private static void copyIfPresent(JsonNode content, ObjectNode lifeCycle, String field) {
        String value = WireJson.textAt(content, "LifeCycle." + field);
        if (value != null) {
            lifeCycle.put(field, value);
        }
    }

    /** The partner-editable members of a Create/Update request, as a fresh tree the state may keep. */
    private static ObjectNode editableContent(ObjectNode request) {
        ObjectNode content = request.deepCopy();
        content.remove(List.of("Catalog", "ClientToken", "Origin", "Tags", "Identifier", "LastModifiedDate"));
        return content;
    }

    /** Rules the service checks beyond the model when an opportunity is written. */
    private static List<FieldError> businessRules(JsonNode content) {
        List<FieldError> errors = new ArrayList<>();
        if ("Yes".equals(WireJson.text(content, "NationalSecurity"))
                && !"Government".equals(WireJson.textAt(content, "Customer.Account.Industry"))) {
            errors.add(new FieldError("NationalSecurity", "NationalSecurity Yes is allowed only with Industry "
                    + "Government", "INVALID_VALUE"));
        }
        requireWhen(errors, content, "Customer.Account.Industry", "Other", "Customer.Account.OtherIndustry",
                "OtherIndustry is required when Industry is Other");
        requireWhen(errors, content, "LifeCycle.Stage", "Closed Lost", "LifeCycle.ClosedLostReason",
                "ClosedLostReason is required when Stage is Closed Lost");
        requireWhen(errors, content, "Project.CompetitorName", "*Other", "Project.OtherCompetitorNames",
                "OtherCompetitorNames is required when CompetitorName is *Other");
        return errors;
    }

    /** A member the content must have when another one has a given value. */
    private static void requireWhen(List<FieldError> errors, JsonNode content, String path, String value,
                                    String required, String message) {
        if (value.equals(WireJson.textAt(content, path)) && WireJson.textAt(content, required) == null) {
            errors.add(new FieldError(required, message, "REQUIRED_FIELD_MISSING"));
        }
    }

    JsonNode associateOpportunity(ObjectNode request) {
        return changeAssociation(request, true);
    }

    JsonNode disassociateOpportunity(ObjectNode request) {
        return changeAssociation(request, false);
    }

    private JsonNode changeAssociation(ObjectNode request, boolean associate) {
        CatalogState catalog = catalog(request);
        String id = request.get("OpportunityIdentifier").asText();
        String type = request.get("RelatedEntityType").asText();
        String related = request.get("RelatedEntityIdentifier").asText();
        if ("Solutions".equals(type)) {
            // ARNs are accepted as well as ids.
            related = related.substring(related.lastIndexOf('/') + 1);
        }
        String relatedId = related;
        state().write(() -> {
            Opportunity current = Operations.opportunity(catalog, id);
            List<String> solutions = new ArrayList<>(current.solutions());
            List<String> products = new ArrayList<>(current.awsProducts());
            List<String> offers = new ArrayList<>(current.marketplaceOffers());
            List<String> target;
            int limit;
            String what;
            switch (type) {
                case "Solutions" -> {
                    target = solutions;
                    limit = 10;
                    what = "partner solutions";
                    if (associate) {
                        Solution solution = catalog.solutions.get(relatedId);
                        if (solution == null) {
                            throw AwsError.notFound("Solution " + relatedId + " was not found in catalog "
                                    + catalog.name + ".");
                        }
                        if (!"Active".equals(solution.status())) {
                            throw AwsError.businessValidation("Solution " + relatedId + " is " + solution.status()
                                    + "; only Active solutions can be associated.", List.of(new FieldError(
                                    "RelatedEntityIdentifier", "Solution is not Active", "INVALID_RESOURCE_STATE")));
                        }
                    }
                }
                case "AwsProducts" -> {
                    target = products;
                    limit = 20;
                    what = "AWS products";
                }
                default -> {
                    target = offers;
                    limit = 1;
                    what = "AWS Marketplace offers";
                }
            }
            if (associate) {
                if (target.contains(relatedId)) {
                    return;
                }
                if (target.size() >= limit) {
                    throw AwsError.quotaExceeded("Opportunity " + id + " already has the maximum of " + limit + " "
                            + what + ".");
                }
                target.add(relatedId);
            } else if (!target.remove(relatedId)) {
                throw AwsError.notFound(relatedId + " is not associated with opportunity " + id + ".");
            }
            catalog.opportunities.put(id, current.withAssociations(solutions, products, offers,
                    Operations.laterThan(clock(), current.lastModifiedDate())));
        });
        return WireJson.object();
    }
}
