package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The prospecting tasks of the newest model: StartProspectingFromEngagementTask, GetProspectingFromEngagementTask
 * and ListProspectingFromEngagementTasks. A task looks at each engagement it names independently and adds a
 * ProspectingResult context (AWS's view of the customer account and AI insights) to each one it can; an
 * engagement that does not exist, or has no customer to prospect, fails on its own. The emulator finishes the
 * task within the Start call (the service runs it asynchronously); clients poll with Get as they would anyway.
 */
record ProspectingOperations(Services services) implements ResourceOperations {


    JsonNode start(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String name = request.get("TaskName").asText();
        Set<String> identifiers = new LinkedHashSet<>();
        request.get("Identifiers").forEach(id -> identifiers.add(Operations.lastSegment(id.asText())));
        ProspectingTask task = state().write(() -> {
            String existing = Operations.idempotent(catalog, "StartProspectingFromEngagementTask", request);
            if (existing != null && catalog.prospectingTasks.containsKey(existing)) {
                return catalog.prospectingTasks.get(existing);
            }
            String taskId = Ids.PROSPECTING_TASK.unused(random(), catalog.prospectingTasks::containsKey);
            ProspectingTask done = run(catalog, taskId, name, identifiers);
            catalog.prospectingTasks.put(taskId, done);
            Operations.remember(catalog, "StartProspectingFromEngagementTask", request, taskId);
            return done;
        });
        ObjectNode response = WireJson.object();
        ArrayNode ids = response.putArray("Identifiers");
        task.engagements().forEach(result -> ids.add(result.engagementId()));
        response.put("TaskName", task.taskName());
        WireJson.put(response, "StartTime", task.startTime());
        response.put("TaskId", task.taskId());
        response.put("TaskArn", task.arn(state().partnerAccount()));
        response.put("TaskStatus", task.status());
        if ("FAILED".equals(task.status())) {
            response.put("ReasonCode", "AllEngagementsFailed");
            response.put("Message", "No engagement of the task could be prospected; see each engagement's result "
                    + "with GetProspectingFromEngagementTask.");
        }
        return response;
    }

    private ProspectingTask run(CatalogState catalog, String taskId, String name, Set<String> identifiers) {
        Instant now = clock().get();
        String account = state().partnerAccount();
        List<ProspectingTask.Result> results = new ArrayList<>();
        for (String engagementId : identifiers) {
            Engagement engagement = catalog.engagements.get(engagementId);
            if (engagement == null) {
                results.add(new ProspectingTask.Result(engagementId, null, "FAILED", "ResourceNotFound",
                        "Engagement " + engagementId + " was not found in catalog " + catalog.name + "."));
                continue;
            }
            JsonNode customer = customerOf(engagement);
            if (customer == null) {
                results.add(new ProspectingTask.Result(engagementId, null, "FAILED", "ValidationFailed",
                        "Engagement " + engagementId + " has no customer to prospect: add a CustomerProject or "
                        + "Lead context first."));
                continue;
            }
            String contextId = Ids.PROSPECTING_CONTEXT.next(random());
            ObjectNode payload = WireJson.object();
            ObjectNode aws = payload.putObject("ProspectingResult").putObject("Aws");
            aws.set("Customer", prospect(customer));
            ObjectNode insights = aws.putObject("Insights");
            String[] levels = {"High", "Medium", "Low"};
            insights.put("MarketplaceEngagementScore", levels[Math.floorMod(engagementId.hashCode(), 3)]);
            insights.put("SolutionScore", String.valueOf(50 + Math.floorMod(engagementId.hashCode(), 50)));
            insights.put("SolutionCategory", "Migration");
            insights.put("SolutionSubCategory", "Application Migration");
            WireJson.put(aws, "StartTime", now);
            WireJson.put(aws, "EndTime", now);
            aws.put("TaskId", taskId);
            aws.put("TaskArn", "arn:aws:partnercentral-selling:us-east-1:" + account + ":catalog/" + catalog.name
                    + "/prospecting-from-engagement-task/" + taskId);
            aws.put("TaskName", name);
            List<Engagement.Context> contexts = new ArrayList<>(engagement.contexts());
            contexts.add(new Engagement.Context(contextId, "ProspectingResult", payload));
            catalog.engagements.put(engagementId, EngagementOperations.modified(engagement, contexts,
                    Operations.laterThan(clock(), engagement.modifiedAt()), "aws"));
            results.add(new ProspectingTask.Result(engagementId, contextId, "COMPLETED", null, null));
        }
        boolean anyDone = results.stream().anyMatch(result -> "COMPLETED".equals(result.status()));
        return new ProspectingTask(catalog.name, taskId, name, now, now,
                anyDone || results.isEmpty() ? "COMPLETED" : "FAILED", results);
    }

    /** The customer of an engagement's CustomerProject or Lead context, or null. */
    private static JsonNode customerOf(Engagement engagement) {
        for (Engagement.Context context : engagement.contexts()) {
            JsonNode customer = context.payload().at("/" + context.type() + "/Customer");
            if (!customer.isMissingNode() && customer.isObject()) {
                return customer;
            }
        }
        return null;
    }

    private static ObjectNode prospect(JsonNode customer) {
        ObjectNode node = WireJson.object();
        WireJson.put(node, "AccountName", WireJson.text(customer, "CompanyName"));
        String country = WireJson.text(customer, "CountryCode");
        if (country == null) {
            country = WireJson.textAt(customer, "Address.CountryCode");
        }
        WireJson.put(node, "Country", country);
        String industry = WireJson.text(customer, "Industry");
        if (industry != null && !industry.isEmpty()) {
            node.put("Industry", industry);
        }
        node.put("Geo", "US".equals(country) || "CA".equals(country) ? "AMER" : "EMEA");
        node.put("Segment", "Enterprise");
        node.put("CompanySize", "1001-5000");
        node.putArray("EligiblePrograms").add("MAP");
        node.put("PublicProfileSummary", "Emulated profile of " + WireJson.text(customer, "CompanyName") + ".");
        return node;
    }

    JsonNode get(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("TaskIdentifier").asText();
        ProspectingTask task = Operations.found(catalog, "Prospecting task", id, catalog.prospectingTasks.get(id));
        ObjectNode response = WireJson.object();
        response.put("TaskId", task.taskId());
        response.put("TaskArn", task.arn(state().partnerAccount()));
        response.put("TaskName", task.taskName());
        WireJson.put(response, "StartTime", task.startTime());
        WireJson.put(response, "EndTime", task.endTime());
        ArrayNode engagements = response.putArray("Engagements");
        for (ProspectingTask.Result result : task.engagements()) {
            ObjectNode node = engagements.addObject();
            node.put("EngagementIdentifier", result.engagementId());
            WireJson.put(node, "EngagementContextId", result.contextId());
            node.put("Status", result.status());
            WireJson.put(node, "ReasonCode", result.reasonCode());
            WireJson.put(node, "Message", result.message());
        }
        return response;
    }

    JsonNode list(ObjectNode request) {
        CatalogState catalog = catalog(request);
        // Newest first unless asked otherwise (inferred, like the other task lists).
        List<ProspectingTask> matching = catalog.prospectingTasks(Operations.strings(request.get("TaskIdentifier")),
                Operations.strings(request.get("TaskName")), Operations.timestamp(request, "StartAfter"),
                Operations.timestamp(request, "StartBefore"), ListAnswer.sortBy(request, "StartTime"),
                ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 20, "TaskSummaries", (task, node) -> {
            node.put("TaskId", task.taskId());
            node.put("TaskArn", task.arn(state().partnerAccount()));
            node.put("TaskName", task.taskName());
            WireJson.put(node, "StartTime", task.startTime());
            WireJson.put(node, "EndTime", task.endTime());
            node.put("TotalEngagementCount", task.engagements().size());
            node.put("CompletedEngagementCount", task.count("COMPLETED"));
            node.put("FailedEngagementCount", task.count("FAILED"));
        });
    }
}
