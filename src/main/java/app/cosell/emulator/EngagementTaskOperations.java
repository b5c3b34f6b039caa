package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * StartEngagementFromOpportunityTask and ListEngagementFromOpportunityTasks: the handlers of the engagement task;
 * {@link TaskEngine} runs its steps.
 */
record EngagementTaskOperations(Services services) implements ResourceOperations {


    JsonNode startEngagementFromOpportunityTask(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String opportunityId = request.get("Identifier").asText();
        String involvement = request.at("/AwsSubmission/InvolvementType").asText();
        String visibility = request.at("/AwsSubmission/Visibility").asText("Full");
        List<Tag> tags = Operations.tags(request.get("Tags"));
        EngagementTask[] started = new EngagementTask[1];
        EngagementTask answer = state().write(() -> {
            String existing = Operations.idempotent(catalog, "StartEngagementFromOpportunityTask", request);
            if (existing != null) {
                return catalog.tasks.get(existing);
            }
            Operations.opportunity(catalog, opportunityId);
            EngagementTask task = engine().start(catalog, opportunityId, involvement, visibility, tags);
            Operations.remember(catalog, "StartEngagementFromOpportunityTask", request, task.taskId());
            started[0] = task;
            return task;
        });
        if (started[0] != null) {
            answer = engine().run(started[0]);
        }
        return taskSummary(answer);
    }

    JsonNode listEngagementFromOpportunityTasks(ObjectNode request) {
        CatalogState catalog = catalog(request);
        List<EngagementTask> matching = catalog.engagementTasks(
                Operations.taskIdSuffixes(Operations.strings(request.get("TaskIdentifier"))),
                Operations.strings(request.get("OpportunityIdentifier")),
                Operations.strings(request.get("EngagementIdentifier")), Operations.strings(request.get("TaskStatus")),
                ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 20, "TaskSummaries", (task, node) -> node.setAll(taskSummary(task)));
    }

    private static ObjectNode taskSummary(EngagementTask task) {
        ObjectNode node = Operations.taskSummary(task.taskId(), task.arn(), task.startTime(), task.status());
        node.put("OpportunityId", task.opportunityId());
        if (EngagementTask.COMPLETE.equals(task.status())) {
            WireJson.put(node, "EngagementId", task.engagementId());
            WireJson.put(node, "EngagementInvitationId", task.invitationId());
            WireJson.put(node, "ResourceSnapshotJobId", task.jobId());
        } else if (EngagementTask.FAILED.equals(task.status())) {
            Operations.putFailure(node, task.reasonCode(), task.message());
        }
        return node;
    }
}
