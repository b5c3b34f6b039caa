package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An engagement invitation. The emulator's partner is the SENDER of the invitations its tasks create;
 * a few seeded ones are RECEIVED from AWS so both participant views have data.
 */
record Invitation(String catalog, String id, String engagementId, String engagementTitle, String status,
                  Instant invitationDate, Instant expirationDate, String senderAwsAccountId,
                  String senderCompanyName, String receiverAwsAccountId, String receiverAlias,
                  String participantType, String invitationMessage, String engagementDescription,
                  ObjectNode payload) {

    String arn() {
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/engagement-invitation/" + id;
    }

    /** The same invitation in another status (accepted, rejected, expired). */
    Invitation withStatus(String newStatus) {
        return new Invitation(catalog, id, engagementId, engagementTitle, newStatus, invitationDate, expirationDate,
                senderAwsAccountId, senderCompanyName, receiverAwsAccountId, receiverAlias, participantType,
                invitationMessage, engagementDescription, payload);
    }

    /** LeadInvitation or OpportunityInvitation: which the payload holds. */
    String payloadType() {
        return payload.has("LeadInvitation") ? "LeadInvitation" : "OpportunityInvitation";
    }
}
