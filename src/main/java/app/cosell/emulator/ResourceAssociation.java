package app.cosell.emulator;

import java.time.Instant;

/** The link between an engagement and a resource (an opportunity) of the partner. */
record ResourceAssociation(String catalog, String engagementId, String resourceType, String resourceId,
                           String createdBy, Instant createdAt) {
}
