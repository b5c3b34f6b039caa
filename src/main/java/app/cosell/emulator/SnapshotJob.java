package app.cosell.emulator;

import java.time.Instant;

/** A resource snapshot job: keeps an engagement's snapshot of an opportunity up to date while Running. */
record SnapshotJob(String catalog, String id, String engagementId, String resourceType, String resourceId,
                   String templateName, Instant createdAt, String status, Instant lastSuccessfulExecutionDate) {

    String arn(String account) {
        return "arn:aws:partnercentral:us-east-1:" + account + ":catalog/" + catalog + "/resource-snapshot-job/" + id;
    }

    String resourceArn(String account) {
        return "arn:aws:partnercentral:us-east-1:" + account + ":catalog/" + catalog + "/opportunity/" + resourceId;
    }

    /** The same job in another status, with the time of its last successful run. */
    SnapshotJob withStatus(String newStatus, Instant lastRun) {
        return new SnapshotJob(catalog, id, engagementId, resourceType, resourceId, templateName, createdAt, newStatus,
                lastRun);
    }
}
