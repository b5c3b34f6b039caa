package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engagement lifecycle the partner drives itself: CreateEngagement, CreateEngagementContext,
 * UpdateEngagementContext, CreateEngagementInvitation (the partner as sender), AcceptEngagementInvitation
 * (the partner as receiver) and ListEngagementMembers.
 *
 * <p>Members are derived, not stored: the engagement's creator plus the other side of every ACCEPTED
 * invitation on it. The partner sees only engagements it is a member of, so an engagement AWS invited it to
 * appears in ListEngagements/GetEngagement once the invitation is accepted.
 */
final class EngagementOperations {

    static final String PARTNER_COMPANY = "Emulated Partner LLC";
    static final String PARTNER_WEBSITE = "https://partner.example.com";
    /** At most this many members (the model's EngagementMembers list holds up to 10). */
    static final int MAX_MEMBERS = 10;
    /** At most this many contexts per engagement (the model's EngagementContexts list holds up to 5). */
    static final int MAX_CONTEXTS = 5;

    private final PartnerCentralState state;
    private final Supplier<Instant> clock;
    /** Used inside state writes only, so never concurrently. */
    private final SplittableRandom random = new SplittableRandom();

    EngagementOperations(PartnerCentralState state, Supplier<Instant> clock) {
        this.state = state;
        this.clock = clock;
    }

    void register(Map<String, Function<ObjectNode, WireJson.Rendering>> handlers) {
        handlers.put("CreateEngagement", Operations.tree(this::createEngagement));
        handlers.put("CreateEngagementContext", Operations.tree(this::createContext));
        handlers.put("UpdateEngagementContext", Operations.tree(this::updateContext));
        handlers.put("CreateEngagementInvitation", Operations.tree(this::createInvitation));
        handlers.put("AcceptEngagementInvitation", Operations.tree(this::acceptInvitation));
        handlers.put("ListEngagementMembers", Operations.tree(this::listMembers));
    }

    // ---- engagements and contexts ---------------------------------------------------------------------------

    private JsonNode createEngagement(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
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
        Engagement engagement = state.write(() -> {
            String existing = Operations.idempotent(catalog, "CreateEngagement", request);
            if (existing != null && catalog.engagements.containsKey(existing)) {
                return catalog.engagements.get(existing);
            }
            String id;
            do {
                id = Ids.engagement(random);
            } while (catalog.engagements.containsKey(id));
            Instant now = clock.get();
            String account = state.partnerAccount();
            Engagement created = new Engagement(catalog.name, id, title == null ? "" : title, description, now,
                    account, now, account, 1, contexts);
            catalog.engagements.put(id, created);
            Operations.remember(catalog, "CreateEngagement", request, id);
            return created;
        });
        ObjectNode response = WireJson.object();
        response.put("Id", engagement.id());
        response.put("Arn", engagement.arn());
        WireJson.put(response, "ModifiedAt", engagement.modifiedAt());
        return response;
    }

    private JsonNode createContext(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        String type = request.get("Type").asText();
        ObjectNode payload = payload(type, request.get("Payload"), null);
        String[] contextId = new String[1];
        Engagement engagement = state.write(() -> {
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
            Engagement changed = modified(current, contexts, Operations.laterThan(clock, current.modifiedAt()),
                    state.partnerAccount());
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
    private JsonNode updateContext(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
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
        Engagement engagement = state.write(() -> {
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
            Engagement changed = modified(current, contexts, Operations.laterThan(clock, current.modifiedAt()),
                    state.partnerAccount());
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

    // ---- invitations ----------------------------------------------------------------------------------------

    private JsonNode createInvitation(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        JsonNode invitation = request.get("Invitation");
        String receiver = invitation.at("/Receiver/Account/AwsAccountId").asText();
        String alias = WireJson.textAt(invitation, "Receiver.Account.Alias");
        String account = state.partnerAccount();
        if (receiver.equals(account)) {
            String message = "An engagement invitation cannot be sent to your own account.";
            throw AwsError.businessValidation(message, List.of(new FieldError(
                    "Invitation.Receiver.Account.AwsAccountId", message, "INVALID_VALUE")));
        }
        Invitation created = state.write(() -> {
            String existing = Operations.idempotent(catalog, "CreateEngagementInvitation", request);
            if (existing != null && catalog.invitations.containsKey(existing)) {
                return catalog.invitations.get(existing);
            }
            Engagement engagement = Operations.engagement(catalog, engagementId);
            int pending = 0;
            for (Invitation other : catalog.invitations.values()) {
                if (other.engagementId().equals(engagementId) && "SENDER".equals(other.participantType())) {
                    boolean open = "PENDING".equals(other.status()) || "ACCEPTED".equals(other.status());
                    if (open && receiver.equals(other.receiverAwsAccountId())) {
                        throw AwsError.conflict("Account " + receiver + " is already invited to engagement "
                                + engagementId + " (invitation " + other.id() + ", " + other.status() + ").");
                    }
                    if ("PENDING".equals(other.status())) {
                        pending++;
                    }
                }
            }
            if (members(catalog, engagement, account).size() + pending >= MAX_MEMBERS) {
                throw AwsError.quotaExceeded("Engagement " + engagementId + " already has the maximum of "
                        + MAX_MEMBERS + " members and pending invitations.");
            }
            String id;
            do {
                id = Ids.invitation(random);
            } while (catalog.invitations.containsKey(id));
            Instant now = clock.get();
            Invitation sent = new Invitation(catalog.name, id, engagementId, engagement.title(), "PENDING", now,
                    now.plus(Duration.ofDays(15)), account, PARTNER_COMPANY, receiver,
                    alias != null ? alias : "aws".equals(receiver) ? "AWS" : null, "SENDER",
                    invitation.get("Message").asText(), engagement.description(),
                    (ObjectNode) invitation.get("Payload").deepCopy());
            catalog.invitations.put(id, sent);
            Operations.remember(catalog, "CreateEngagementInvitation", request, id);
            return sent;
        });
        ObjectNode response = WireJson.object();
        response.put("Id", created.id());
        response.put("Arn", created.arn());
        return response;
    }

    private JsonNode acceptInvitation(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        String id = Operations.lastSegment(request.get("Identifier").asText());
        state.write(() -> {
            Invitation invitation = catalog.invitations.get(id);
            if (invitation == null) {
                throw AwsError.notFound("Engagement invitation " + id + " was not found in catalog "
                        + catalog.name + ".");
            }
            accept(catalog, invitation, clock.get(), state.partnerAccount());
        });
        return WireJson.object();
    }

    /**
     * Accepts an invitation the partner received: PENDING and not expired, else refused. The invitation becomes
     * ACCEPTED and its engagement becomes the partner's to see, with the invitation's payload as its context
     * (CustomerProject for an opportunity invitation, Lead for a lead invitation). Call inside a state write;
     * shared with the task that accepts invitations.
     */
    static Engagement accept(CatalogState catalog, Invitation invitation, Instant now, String account) {
        if (!"RECEIVER".equals(invitation.participantType())) {
            throw AwsError.accessDenied("Invitation " + invitation.id() + " was sent by your account; only its "
                    + "receiver can accept it.");
        }
        boolean expired = invitation.expirationDate() != null && now.isAfter(invitation.expirationDate());
        if (!"PENDING".equals(invitation.status()) || expired) {
            throw AwsError.conflict("Invitation " + invitation.id() + " is "
                    + (expired && "PENDING".equals(invitation.status()) ? "EXPIRED" : invitation.status())
                    + "; only PENDING invitations can be accepted.");
        }
        catalog.invitations.put(invitation.id(), new Invitation(invitation.catalog(), invitation.id(),
                invitation.engagementId(), invitation.engagementTitle(), "ACCEPTED", invitation.invitationDate(),
                invitation.expirationDate(), invitation.senderAwsAccountId(), invitation.senderCompanyName(),
                invitation.receiverAwsAccountId(), invitation.receiverAlias(), invitation.participantType(),
                invitation.invitationMessage(), invitation.engagementDescription(), invitation.payload()));
        Engagement existing = catalog.engagements.get(invitation.engagementId());
        if (existing != null) {
            Engagement joined = new Engagement(existing.catalog(), existing.id(), existing.title(),
                    existing.description(), existing.createdAt(), existing.createdBy(), now, account,
                    existing.memberCount() + 1, existing.contexts());
            catalog.engagements.put(joined.id(), joined);
            return joined;
        }
        Engagement joined = new Engagement(catalog.name, invitation.engagementId(),
                invitation.engagementTitle() == null ? "" : invitation.engagementTitle(),
                invitation.engagementDescription(), invitation.invitationDate(), invitation.senderAwsAccountId(), now,
                account, 2, List.of(new Engagement.Context("1", contextType(invitation), contextOf(invitation))));
        catalog.engagements.put(joined.id(), joined);
        return joined;
    }

    private static String contextType(Invitation invitation) {
        return invitation.payload().has("LeadInvitation") ? "Lead" : "CustomerProject";
    }

    /** The engagement context an invitation's payload describes. */
    static ObjectNode contextOf(Invitation invitation) {
        ObjectNode payload = WireJson.object();
        JsonNode lead = invitation.payload().get("LeadInvitation");
        if (lead != null) {
            ObjectNode context = payload.putObject("Lead");
            ObjectNode customer = context.putObject("Customer");
            JsonNode source = lead.get("Customer");
            for (String field : List.of("CompanyName", "Industry", "WebsiteUrl", "AwsMaturity", "MarketSegment")) {
                WireJson.put(customer, field, WireJson.text(source, field));
            }
            String country = WireJson.text(source, "CountryCode");
            if (country != null) {
                customer.putObject("Address").put("CountryCode", country);
            }
            ObjectNode interaction = context.putArray("Interactions").addObject();
            JsonNode given = lead.get("Interaction");
            for (String field : List.of("SourceType", "SourceId", "SourceName", "Usecase")) {
                WireJson.put(interaction, field, WireJson.text(given, field));
            }
            ObjectNode contact = interaction.putObject("Contact");
            WireJson.put(contact, "BusinessTitle", WireJson.text(given, "ContactBusinessTitle"));
            return payload;
        }
        JsonNode opportunity = invitation.payload().get("OpportunityInvitation");
        ObjectNode context = payload.putObject("CustomerProject");
        if (opportunity != null && opportunity.has("Customer")) {
            context.set("Customer", opportunity.get("Customer").deepCopy());
        }
        JsonNode project = opportunity == null ? null : opportunity.get("Project");
        if (project != null) {
            ObjectNode details = context.putObject("Project");
            for (String field : List.of("Title", "BusinessProblem", "TargetCompletionDate")) {
                WireJson.put(details, field, WireJson.text(project, field));
            }
        }
        return payload;
    }

    // ---- members --------------------------------------------------------------------------------------------

    private JsonNode listMembers(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        Engagement engagement = Operations.engagement(catalog,
                Operations.lastSegment(request.get("Identifier").asText()));
        List<ObjectNode> members = members(catalog, engagement, state.partnerAccount());
        return Operations.pageAnswer(members, request, MAX_MEMBERS, "EngagementMemberList",
                (member, node) -> node.setAll(member));
    }

    /** The engagement's members: its creator, then the other side of each accepted invitation, once each. */
    static List<ObjectNode> members(CatalogState catalog, Engagement engagement, String account) {
        Map<String, ObjectNode> members = new LinkedHashMap<>();
        addMember(members, engagement.createdBy(), null, account);
        List<Invitation> accepted = new ArrayList<>();
        for (Invitation invitation : catalog.invitations.values()) {
            if (invitation.engagementId().equals(engagement.id()) && "ACCEPTED".equals(invitation.status())) {
                accepted.add(invitation);
            }
        }
        accepted.sort(java.util.Comparator.comparing(Invitation::invitationDate));
        for (Invitation invitation : accepted) {
            if ("SENDER".equals(invitation.participantType())) {
                addMember(members, invitation.receiverAwsAccountId(), invitation.receiverAlias(), account);
            } else {
                addMember(members, invitation.senderAwsAccountId(), invitation.senderCompanyName(), account);
                addMember(members, account, null, account);
            }
        }
        return List.copyOf(members.values());
    }

    private static void addMember(Map<String, ObjectNode> members, String accountId, String name, String partner) {
        if (accountId == null || accountId.isEmpty() || members.containsKey(accountId)) {
            return;
        }
        ObjectNode member = WireJson.object();
        if (accountId.equals(partner)) {
            member.put("CompanyName", PARTNER_COMPANY);
            member.put("WebsiteUrl", PARTNER_WEBSITE);
        } else if ("aws".equals(accountId)) {
            member.put("CompanyName", "AWS");
            member.put("WebsiteUrl", "https://aws.amazon.com");
        } else {
            WireJson.put(member, "CompanyName", name != null ? name : "Partner " + accountId);
        }
        member.put("AccountId", accountId);
        members.put(accountId, member);
    }
}
