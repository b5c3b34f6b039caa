package app.cosell.model;

import java.time.Instant;

/**
 * What the service says about one engagement-from-opportunity task, from the Start answer or one entry of
 * ListEngagementFromOpportunityTasks. The ids are filled as the service reports them (documented: on COMPLETE).
 *
 * @param status     null when the service sent a status this app does not know ({@code statusRaw} keeps it)
 * @param reasonCode the raw ReasonCode, possibly one this app does not know; null when none
 */
public record TaskAnswer(String taskId, String taskArn, Instant startTime, TaskStatus status, String statusRaw,
                         String opportunityId, String engagementId, String resourceSnapshotJobId,
                         String engagementInvitationId, String reasonCode, String message) {}
