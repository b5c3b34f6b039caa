package app.cosell.emulator;

import java.time.Instant;

/**
 * One StartOpportunityFromEngagementTask run: the engagement context (a lead) it turned into an opportunity,
 * what it created (the opportunity, the snapshot job) and, when it failed, the reason code and message.
 */
record OpportunityFromEngagementTask(String catalog, String taskId, Instant startTime, String status,
                                     String engagementId, String contextId, String opportunityId, String jobId,
                                     String reasonCode, String message) {

    String arn() {
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/opportunity-from-engagement-task/" + taskId;
    }
}
