package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A point-in-time copy of an opportunity shared into an engagement; revisions count up per template. */
record ResourceSnapshot(String catalog, String engagementId, String resourceType, String resourceId,
                        String templateName, int revision, Instant createdAt, String createdBy,
                        ObjectNode payload) {

    String arn() {
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/engagement/" + engagementId
                + "/resource/" + resourceType + "/" + resourceId + "/template/" + templateName
                + "/snapshot/" + revision;
    }
}
