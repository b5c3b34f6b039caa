package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partner's side of engagement invitations: CreateEngagementInvitation (the partner as sender),
 * AcceptEngagementInvitation (the partner as receiver) and ListEngagementMembers.
 *
 * <p>Members are derived, not stored: the engagement's creator plus the other side of every ACCEPTED
 * invitation on it. The partner sees only engagements it is a member of, so an engagement AWS invited it to
 * appears in ListEngagements/GetEngagement once the invitation is accepted.
 */
record EngagementInvitationOperations(Services services) implements ResourceOperations {


    JsonNode createInvitation(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        JsonNode invitation = request.get("Invitation");
        String receiver = invitation.at("/Receiver/Account/AwsAccountId").asText();
        String alias = WireJson.textAt(invitation, "Receiver.Account.Alias");
        String account = state().partnerAccount();
        if (receiver.equals(account)) {
            String message = "An engagement invitation cannot be sent to your own account.";
            throw AwsError.businessValidation(message, List.of(new FieldError(
                    "Invitation.Receiver.Account.AwsAccountId", message, "INVALID_VALUE")));
        }
        Invitation created = state().write(() -> {
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
            if (members(catalog, engagement, account).size() + pending >= EngagementOperations.MAX_MEMBERS) {
                throw AwsError.quotaExceeded("Engagement " + engagementId + " already has the maximum of "
                        + EngagementOperations.MAX_MEMBERS + " members and pending invitations.");
            }
            String id = Ids.INVITATION.unused(random(), catalog.invitations::containsKey);
            Instant now = clock().get();
            Invitation sent = new Invitation(catalog.name, id, engagementId, engagement.title(), "PENDING", now,
                    now.plus(Duration.ofDays(15)), account, EngagementOperations.PARTNER_COMPANY, receiver,
                    alias != null ? alias : "aws".equals(receiver) ? "AWS" : null, "SENDER",
                    invitation.get("Message").asText(), engagement.description(),
                    (ObjectNode) invitation.get("Payload").deepCopy());
            catalog.invitations.put(id, sent);
            Operations.remember(catalog, "CreateEngagementInvitation", request, id);
            return sent;
        });
        return WireJson.object().put("Id", created.id()).put("Arn", created.arn());
    }

    JsonNode acceptInvitation(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = Operations.lastSegment(request.get("Identifier").asText());
        state().write(() -> {
            Invitation invitation = catalog.invitations.get(id);
            if (invitation == null) {
                throw AwsError.notFound("Engagement invitation " + id + " was not found in catalog "
                        + catalog.name + ".");
            }
            accept(catalog, invitation, clock().get(), state().partnerAccount());
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

    JsonNode listMembers(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Engagement engagement = Operations.engagement(catalog,
                Operations.lastSegment(request.get("Identifier").asText()));
        List<ObjectNode> members = members(catalog, engagement, state().partnerAccount());
        return ListAnswer.of(members, request, EngagementOperations.MAX_MEMBERS, "EngagementMemberList",
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
        accepted.sort(Comparator.comparing(Invitation::invitationDate));
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
            member.put("CompanyName", EngagementOperations.PARTNER_COMPANY);
            member.put("WebsiteUrl", EngagementOperations.PARTNER_WEBSITE);
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
