package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The engagement lifecycle the partner drives itself: CreateEngagement, CreateEngagementContext and
 * UpdateEngagementContext. Its invitations and members are {@link EngagementInvitationOperations}'.
 */
record EngagementOperations(Services services) implements ResourceOperations {

    static final String PARTNER_COMPANY = "Emulated Partner LLC";
    static final String PARTNER_WEBSITE = "https://partner.example.com";
    /** At most this many members (the model's EngagementMembers list holds up to 10). */
    static final int MAX_MEMBERS = 10;
    /** At most this many contexts per engagement (the model's EngagementContexts list holds up to 5). */
    static final int MAX_CONTEXTS = 5;


    // ---- engagements and contexts ---------------------------------------------------------------------------

    JsonNode createEngagement(ObjectNode request) {
        CatalogState catalog = catalog(request);
        List<Engagement.Context> contexts = new ArrayList<>();
        JsonNode given = request.get("Contexts");
        if (given != null) {
            int index = 0;
            for (JsonNode context : given) {
                String type = context.get("Type").asText();
                ObjectNode payload = payload(type, context.get("Payload"), "Contexts[" + index + "]");
                contexts.add(new Engagement.Context(String.valueOf(++index), type, payload));
            }
        }
        String title = WireJson.text(request, "Title");
        String description = WireJson.text(request, "Description");
        Engagement engagement = state().write(() -> {
            String existing = Operations.idempotent(catalog, "CreateEngagement", request);
            if (existing != null && catalog.engagements.containsKey(existing)) {
                return catalog.engagements.get(existing);
            }
            String id = Ids.ENGAGEMENT.unused(random(), catalog.engagements::containsKey);
            Instant now = clock().get();
            String account = state().partnerAccount();
            Engagement created = new Engagement(catalog.name, id, title == null ? "" : title, description, now,
                    account, now, account, 1, contexts);
            catalog.engagements.put(id, created);
            Operations.remember(catalog, "CreateEngagement", request, id);
            return created;
        });
        ObjectNode response = WireJson.object().put("Id", engagement.id()).put("Arn", engagement.arn());
        WireJson.put(response, "ModifiedAt", engagement.modifiedAt());
        return response;
    }

    JsonNode createContext(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        String type = request.get("Type").asText();
        ObjectNode payload = payload(type, request.get("Payload"), null);
        String[] contextId = new String[1];
        Engagement engagement = state().write(() -> {
            String existing = Operations.idempotent(catalog, "CreateEngagementContext", request);
            Engagement current = Operations.engagement(catalog, engagementId);
            if (existing != null) {
                contextId[0] = existing;
                return current;
            }
            if (current.contexts().size() >= MAX_CONTEXTS) {
                throw AwsError.quotaExceeded("Engagement " + engagementId + " already has the maximum of "
                        + MAX_CONTEXTS + " contexts.");
            }
            int next = 1;
            for (Engagement.Context context : current.contexts()) {
                try {
                    next = Math.max(next, Integer.parseInt(context.id()) + 1);
                } catch (NumberFormatException e) {
                    // prospecting contexts have "ctx-" ids; they do not take part in the numbering
                }
            }
            contextId[0] = String.valueOf(next);
            List<Engagement.Context> contexts = new ArrayList<>(current.contexts());
            contexts.add(new Engagement.Context(contextId[0], type, payload));
            Engagement changed = modified(current, contexts, Operations.laterThan(clock(), current.modifiedAt()),
                    state().partnerAccount());
            catalog.engagements.put(engagementId, changed);
            Operations.remember(catalog, "CreateEngagementContext", request, contextId[0]);
            return changed;
        });
        ObjectNode response = WireJson.object();
        response.put("EngagementId", engagement.id());
        response.put("EngagementArn", engagement.arn());
        WireJson.put(response, "EngagementLastModifiedAt", engagement.modifiedAt());
        response.put("ContextId", contextId[0]);
        return response;
    }

    /**
     * Updates one context under optimistic concurrency: EngagementLastModifiedAt must be the engagement's
     * current ModifiedAt. A Lead update replaces Customer (and QualificationStatus/Insights when given) and adds
     * its Interaction to the lead's interactions (the newest ten are kept); a CustomerProject update replaces it.
     */
    JsonNode updateContext(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        String contextId = request.get("ContextIdentifier").asText();
        Instant expected = WireJson.parseTimestamp(request.get("EngagementLastModifiedAt"));
        String type = request.get("Type").asText();
        JsonNode update = request.get("Payload");
        if (!update.has(type)) {
            String message = "Payload must hold a " + type + " member for context type " + type + ".";
            throw AwsError.businessValidation(message, List.of(new FieldError("Payload", message, "INVALID_VALUE")));
        }
        if ("ProspectingResult".equals(type)) {
            throw notPermitted("Type", "ProspectingResult contexts are written by prospecting tasks, not by partners.");
        }
        Engagement engagement = state().write(() -> {
            Engagement current = Operations.engagement(catalog, engagementId);
            Engagement.Context context = current.contexts().stream().filter(c -> c.id().equals(contextId))
                    .findFirst().orElseThrow(() -> AwsError.notFound("Context " + contextId
                            + " was not found in engagement " + engagementId + "."));
            if (!current.modifiedAt().equals(expected)) {
                throw AwsError.conflict("Engagement " + engagementId + " has been modified since "
                        + WireJson.timestamp(expected) + " (last modified " + WireJson.timestamp(current.modifiedAt())
                        + "). Get the engagement again and retry with its current ModifiedAt.");
            }
            if (!context.type().equals(type)) {
                String message = "Context " + contextId + " is of type " + context.type() + ", not " + type + ".";
                throw AwsError.businessValidation(message, List.of(new FieldError("Type", message, "INVALID_VALUE")));
            }
            ObjectNode payload = "Lead".equals(type) ? updatedLead(context.payload(), update.get("Lead"))
                    : (ObjectNode) update.deepCopy();
            List<Engagement.Context> contexts = new ArrayList<>();
            for (Engagement.Context each : current.contexts()) {
                contexts.add(each.id().equals(contextId) ? new Engagement.Context(contextId, type, payload) : each);
            }
            Engagement changed = modified(current, contexts, Operations.laterThan(clock(), current.modifiedAt()),
                    state().partnerAccount());
            catalog.engagements.put(engagementId, changed);
            return changed;
        });
        ObjectNode response = WireJson.object();
        response.put("EngagementId", engagement.id());
        response.put("EngagementArn", engagement.arn());
        WireJson.put(response, "EngagementLastModifiedAt", engagement.modifiedAt());
        response.put("ContextId", contextId);
        return response;
    }

    private static ObjectNode updatedLead(ObjectNode stored, JsonNode update) {
        ObjectNode payload = stored.deepCopy();
        ObjectNode lead = payload.has("Lead") ? (ObjectNode) payload.get("Lead") : payload.putObject("Lead");
        lead.set("Customer", update.get("Customer").deepCopy());
        for (String field : List.of("QualificationStatus", "Insights")) {
            if (update.has(field)) {
                lead.set(field, update.get(field).deepCopy());
            }
        }
        if (update.has("Interaction")) {
            ArrayNode interactions = lead.has("Interactions") && lead.get("Interactions").isArray()
                    ? (ArrayNode) lead.get("Interactions") : lead.putArray("Interactions");
            interactions.add(update.get("Interaction").deepCopy());
            while (interactions.size() > 10) {
                interactions.remove(0);
            }
        }
        return payload;
    }

    /** A context payload as stored: it must hold exactly the member its Type names. */
    private static ObjectNode payload(String type, JsonNode payload, String path) {
        String prefix = path == null ? "" : path + ".";
        if (payload == null) {
            String message = "A context of type " + type + " needs a Payload.";
            throw AwsError.businessValidation(message, List.of(new FieldError(prefix + "Payload", message,
                    "REQUIRED_FIELD_MISSING")));
        }
        if ("ProspectingResult".equals(type)) {
            throw notPermitted(prefix + "Type", "ProspectingResult contexts are written by prospecting tasks, "
                    + "not by partners.");
        }
        if (!payload.has(type)) {
            String message = "Payload must hold a " + type + " member for context type " + type + ".";
            throw AwsError.businessValidation(message, List.of(new FieldError(prefix + "Payload", message,
                    "INVALID_VALUE")));
        }
        return (ObjectNode) payload.deepCopy();
    }

    private static AwsError notPermitted(String field, String message) {
        return AwsError.businessValidation(message, List.of(new FieldError(field, message, "ACTION_NOT_PERMITTED")));
    }

    static Engagement modified(Engagement engagement, List<Engagement.Context> contexts, Instant when, String by) {
        return new Engagement(engagement.catalog(), engagement.id(), engagement.title(), engagement.description(),
                engagement.createdAt(), engagement.createdBy(), when, by, engagement.memberCount(), contexts);
    }
}
