package app.cosell.emulator;

import java.time.Instant;
import java.util.List;

/**
 * One StartProspectingFromEngagementTask run: its name, the engagements it processed and, for each, whether a
 * ProspectingResult context was added (and its id) or why not.
 */
record ProspectingTask(String catalog, String taskId, String taskName, Instant startTime, Instant endTime,
                       String status, List<Result> engagements) {

    /** The outcome for one engagement of the task (EngagementProspectingResult on the wire). */
    record Result(String engagementId, String contextId, String status, String reasonCode, String message) {
    }

    ProspectingTask {
        engagements = List.copyOf(engagements);
    }

    String arn(String account) {
        // The model's ProspectingTaskArn pattern names the service partnercentral-selling and carries an account.
        return "arn:aws:partnercentral-selling:us-east-1:" + account + ":catalog/" + catalog
                + "/prospecting-from-engagement-task/" + taskId;
    }

    long count(String resultStatus) {
        return engagements.stream().filter(result -> result.status().equals(resultStatus)).count();
    }
}
