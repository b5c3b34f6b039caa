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
}
