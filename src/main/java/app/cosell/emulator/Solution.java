package app.cosell.emulator;

import java.time.Instant;

/** A partner solution that opportunities can be linked to (AssociateOpportunity, RelatedEntityType Solutions). */
record Solution(String catalog, String id, String name, String status, String category, Instant createdDate) {

    String arn(String account) {
        return "arn:aws:partnercentral:us-east-1:" + account + ":catalog/" + catalog + "/solution/" + id;
    }
}
