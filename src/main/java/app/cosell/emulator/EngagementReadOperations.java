package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The engagement reads: ListEngagements, GetEngagement, ListEngagementInvitations, GetEngagementInvitation and
 * ListEngagementResourceAssociations. Pending invitations past their expiration date are marked EXPIRED before an
 * invitation read answers.
 */
record EngagementReadOperations(Services services) implements ResourceOperations {


    JsonNode listEngagements(ObjectNode request) {
        CatalogState catalog = catalog(request);
        List<Engagement> matching = catalog.engagements(
                Operations.idsOf(Operations.strings(request.get("EngagementIdentifier"))),
                Operations.strings(request.get("CreatedBy")), Operations.strings(request.get("ExcludeCreatedBy")),
                Operations.strings(request.get("ContextTypes")), Operations.strings(request.get("ExcludeContextTypes")),
                ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 20, "EngagementSummaryList", (engagement, node) -> {
            node.put("Arn", engagement.arn());
            node.put("Id", engagement.id());
            node.put("Title", engagement.title());
            WireJson.put(node, "CreatedAt", engagement.createdAt());
            node.put("CreatedBy", engagement.createdBy());
            node.put("MemberCount", engagement.memberCount());
            WireJson.put(node, "ModifiedAt", engagement.modifiedAt());
            node.put("ModifiedBy", engagement.modifiedBy());
            WireJson.putStrings(node, "ContextTypes", engagement.contextTypes());
        });
    }

    JsonNode getEngagement(ObjectNode request) {
        CatalogState catalog = catalog(request);
        Engagement engagement = Operations.engagement(catalog,
                Operations.lastSegment(request.get("Identifier").asText()));
        ObjectNode response = WireJson.object();
        response.put("Id", engagement.id());
        response.put("Arn", engagement.arn());
        response.put("Title", engagement.title());
        WireJson.put(response, "Description", engagement.description());
        WireJson.put(response, "CreatedAt", engagement.createdAt());
        response.put("CreatedBy", engagement.createdBy());
        response.put("MemberCount", engagement.memberCount());
        WireJson.put(response, "ModifiedAt", engagement.modifiedAt());
        response.put("ModifiedBy", engagement.modifiedBy());
        ArrayNode contexts = response.putArray("Contexts");
        for (Engagement.Context context : engagement.contexts()) {
            ObjectNode node = contexts.addObject();
            node.put("Id", context.id());
            node.put("Type", context.type());
            node.set("Payload", context.payload());
        }
        return response;
    }

    JsonNode listEngagementInvitations(ObjectNode request) {
        CatalogState catalog = catalog(request);
        InvitationOperations.expireDue(state(), catalog, clock().get());
        List<Invitation> matching = catalog.invitations(request.get("ParticipantType").asText(),
                Operations.strings(request.get("PayloadType")), Operations.strings(request.get("Status")),
                Operations.idsOf(Operations.strings(request.get("EngagementIdentifier"))),
                Operations.strings(request.get("SenderAwsAccountId")), ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 20, "EngagementInvitationSummaries", (invitation, node) -> {
            invitationCommon(invitation, node);
            node.put("ParticipantType", invitation.participantType());
        });
    }

    private static void invitationCommon(Invitation invitation, ObjectNode node) {
        node.put("Arn", invitation.arn());
        node.put("PayloadType", invitation.payloadType());
        node.put("Id", invitation.id());
        node.put("EngagementId", invitation.engagementId());
        node.put("EngagementTitle", invitation.engagementTitle());
        node.put("Status", invitation.status());
        WireJson.put(node, "InvitationDate", invitation.invitationDate());
        WireJson.put(node, "ExpirationDate", invitation.expirationDate());
        node.put("SenderAwsAccountId", invitation.senderAwsAccountId());
        node.put("SenderCompanyName", invitation.senderCompanyName());
        if (invitation.receiverAwsAccountId() != null && !invitation.receiverAwsAccountId().isEmpty()) {
            ObjectNode account = node.putObject("Receiver").putObject("Account");
            WireJson.put(account, "Alias", invitation.receiverAlias());
            account.put("AwsAccountId", invitation.receiverAwsAccountId());
        }
        node.put("Catalog", invitation.catalog());
    }

    JsonNode getEngagementInvitation(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = Operations.lastSegment(request.get("Identifier").asText());
        InvitationOperations.expireDue(state(), catalog, clock().get());
        Invitation invitation = Operations.found(catalog, "Engagement invitation", id, catalog.invitations.get(id));
        ObjectNode response = WireJson.object();
        invitationCommon(invitation, response);
        response.set("Payload", invitation.payload());
        WireJson.put(response, "InvitationMessage", invitation.invitationMessage());
        WireJson.put(response, "EngagementDescription", invitation.engagementDescription());
        WireJson.put(response, "RejectionReason", catalog.rejectionReasons.get(invitation.id()));
        ArrayNode members = response.putArray("ExistingMembers");
        ObjectNode member = members.addObject();
        member.put("CompanyName", "RECEIVER".equals(invitation.participantType()) ? "AWS" : "Emulated Partner LLC");
        return response;
    }

    JsonNode listEngagementResourceAssociations(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = request.hasNonNull("EngagementIdentifier")
                ? Operations.lastSegment(request.get("EngagementIdentifier").asText()) : null;
        String type = WireJson.text(request, "ResourceType");
        String resource = WireJson.text(request, "ResourceIdentifier");
        String createdBy = WireJson.text(request, "CreatedBy");
        if (engagementId != null && !catalog.engagements.containsKey(engagementId)) {
            throw AwsError.notFound("Engagement " + engagementId + " was not found in catalog " + catalog.name + ".");
        }
        List<ResourceAssociation> matching = catalog.associations(engagementId, type, resource, createdBy);
        return ListAnswer.of(matching, request, 20, "EngagementResourceAssociationSummaries", (association, node) -> {
            node.put("Catalog", association.catalog());
            node.put("EngagementId", association.engagementId());
            node.put("ResourceType", association.resourceType());
            node.put("ResourceId", association.resourceId());
            node.put("CreatedBy", association.createdBy());
        });
    }
}
