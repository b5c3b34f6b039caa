package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * StartOpportunityFromEngagementTask and ListOpportunityFromEngagementTasks: a lead context of an engagement
 * becomes an opportunity of the partner (Pending Submission), linked to the engagement, with a snapshot and a
 * running snapshot job, as the task's response fields describe. Like the engagement task as observed, it
 * completes within the Start call. Failures inside the task are reported as a FAILED task with a ReasonCode
 * (ContextNotFound, CustomerProjectContextNotPermitted, DisqualifiedLeadNotPermitted, OpportunityConflict,
 * ResourceSnapshotJobAccessDenied); an unknown engagement is refused synchronously (ResourceNotFoundException).
 */
record OpportunityFromEngagementOperations(Services services) implements ResourceOperations {


    JsonNode start(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("Identifier").asText());
        String contextId = request.get("ContextIdentifier").asText();
        List<Tag> tags = Operations.tags(request.get("Tags"));
        OpportunityFromEngagementTask task = state().write(() -> {
            String existing = Operations.idempotent(catalog, "StartOpportunityFromEngagementTask", request);
            if (existing != null && catalog.opportunityTasks.containsKey(existing)) {
                return catalog.opportunityTasks.get(existing);
            }
            Engagement engagement = Operations.engagement(catalog, engagementId);
            String taskId = Ids.TASK.unused(random(),
                    taken -> catalog.opportunityTasks.containsKey(taken) || catalog.tasks.containsKey(taken));
            OpportunityFromEngagementTask done = run(catalog, engagement, contextId, taskId, tags);
            catalog.opportunityTasks.put(taskId, done);
            Operations.remember(catalog, "StartOpportunityFromEngagementTask", request, taskId);
            return done;
        });
        return summary(task);
    }

    /** The task's steps, all inside one state write. */
    private OpportunityFromEngagementTask run(CatalogState catalog, Engagement engagement, String contextId,
                                              String taskId, List<Tag> tags) {
        Instant now = clock().get();
        Engagement.Context context = engagement.contexts().stream().filter(c -> c.id().equals(contextId))
                .findFirst().orElse(null);
        if (context == null) {
            return failed(catalog, taskId, now, engagement.id(), contextId, "ContextNotFound", "Context " + contextId
                    + " was not found in engagement " + engagement.id() + ".");
        }
        if (!"Lead".equals(context.type())) {
            return failed(catalog, taskId, now, engagement.id(), contextId, "CustomerProjectContextNotPermitted",
                    "Context " + contextId + " is a " + context.type() + " context; only Lead contexts can become "
                    + "opportunities.");
        }
        JsonNode lead = context.payload().get("Lead");
        String qualification = WireJson.text(lead, "QualificationStatus");
        if (qualification != null && qualification.toLowerCase(java.util.Locale.ROOT).startsWith("disqualified")) {
            return failed(catalog, taskId, now, engagement.id(), contextId, "DisqualifiedLeadNotPermitted",
                    "The lead in context " + contextId + " is disqualified.");
        }
        for (ResourceAssociation association : catalog.associations) {
            if (association.engagementId().equals(engagement.id())) {
                return failed(catalog, taskId, now, engagement.id(), contextId, "OpportunityConflict",
                        "Engagement " + engagement.id() + " already has opportunity " + association.resourceId()
                        + ".");
            }
        }
        if (catalog.snapshotJobRole == null) {
            return failed(catalog, taskId, now, engagement.id(), contextId, "ResourceSnapshotJobAccessDenied",
                    "No IAM role is set for resource snapshot jobs in catalog " + catalog.name
                    + "; set one with PutSellingSystemSettings.");
        }
        String account = state().partnerAccount();
        String opportunityId = "O" + catalog.nextOpportunityNumber.getAndIncrement();
        Opportunity opportunity = new Opportunity(catalog.name, opportunityId, now, now, "Partner Referral",
                opportunityContent(lead, engagement), List.of(), List.of(), List.of(), null, null);
        catalog.opportunities.put(opportunityId, opportunity);
        SnapshotOperations.take(catalog, engagement.id(), opportunity, TaskEngine.SNAPSHOT_TEMPLATE, now, account);
        String jobId = Ids.JOB.unused(random(), catalog.jobs::containsKey);
        SnapshotJob job = new SnapshotJob(catalog.name, jobId, engagement.id(), "Opportunity", opportunityId,
                TaskEngine.SNAPSHOT_TEMPLATE, now, "Running", now);
        catalog.jobs.put(jobId, job);
        if (!tags.isEmpty()) {
            // As for the engagement task: the tags go to what the task creates that can carry tags.
            Tagging.merge(catalog, opportunity.arn(account), tags);
            Tagging.merge(catalog, job.arn(account), tags);
        }
        return new OpportunityFromEngagementTask(catalog.name, taskId, now, EngagementTask.COMPLETE, engagement.id(),
                contextId, opportunityId, jobId, null, null);
    }

    private static OpportunityFromEngagementTask failed(CatalogState catalog, String taskId, Instant now,
                                                        String engagementId, String contextId, String code,
                                                        String message) {
        return new OpportunityFromEngagementTask(catalog.name, taskId, now, EngagementTask.FAILED, engagementId,
                contextId, null, null, code, message);
    }

    /** The opportunity a lead becomes: customer, contacts and the business problem, at stage Prospect. */
    static ObjectNode opportunityContent(JsonNode lead, Engagement engagement) {
        ObjectNode content = WireJson.object();
        JsonNode customer = lead.get("Customer");
        ObjectNode account = content.putObject("Customer").putObject("Account");
        WireJson.put(account, "CompanyName", WireJson.text(customer, "CompanyName"));
        String industry = WireJson.text(customer, "Industry");
        if (industry != null && INDUSTRIES.contains(industry)) {
            account.put("Industry", industry);
        } else if (industry != null && !industry.isEmpty()) {
            account.put("Industry", "Other");
            account.put("OtherIndustry", industry);
        }
        WireJson.put(account, "WebsiteUrl", WireJson.text(customer, "WebsiteUrl"));
        JsonNode address = customer == null ? null : customer.get("Address");
        if (address != null && address.isObject() && !address.isEmpty()) {
            account.set("Address", address.deepCopy());
        }
        ArrayNode contacts = WireJson.array();
        String problem = null;
        JsonNode interactions = lead.get("Interactions");
        if (interactions != null) {
            for (JsonNode interaction : interactions) {
                JsonNode contact = interaction.get("Contact");
                if (contact != null && contact.has("Email")) {
                    ObjectNode copy = contacts.addObject();
                    for (String field : List.of("Email", "FirstName", "LastName", "BusinessTitle", "Phone")) {
                        WireJson.put(copy, field, WireJson.text(contact, field));
                    }
                }
                String given = WireJson.text(interaction, "BusinessProblem");
                if (given != null && !given.isEmpty()) {
                    problem = given;
                }
            }
        }
        if (!contacts.isEmpty()) {
            ((ObjectNode) content.get("Customer")).set("Contacts", contacts);
        }
        ObjectNode project = content.putObject("Project");
        project.put("Title", engagement.title() == null || engagement.title().isEmpty()
                ? "Lead " + WireJson.text(customer, "CompanyName") : engagement.title());
        WireJson.put(project, "CustomerBusinessProblem", problem != null ? problem : engagement.description());
        content.put("OpportunityType", "Net New Business");
        ObjectNode lifeCycle = content.putObject("LifeCycle");
        lifeCycle.put("Stage", "Prospect");
        lifeCycle.put("ReviewStatus", "Pending Submission");
        return content;
    }

    // The service's own list (model.OpportunityChoices holds the app's copy): the emulator depends on nothing of the
    // app's (docs/architecture.md), so that a mistake in either list shows.
    private static final Set<String> INDUSTRIES = Set.of("Aerospace", "Agriculture", "Automotive",
            "Computers and Electronics", "Consumer Goods", "Education", "Energy - Oil and Gas",
            "Energy - Power and Utilities", "Financial Services", "Gaming", "Government", "Healthcare", "Hospitality",
            "Life Sciences", "Manufacturing", "Marketing and Advertising", "Media and Entertainment", "Mining",
            "Non-Profit Organization", "Professional Services", "Real Estate and Construction", "Retail",
            "Software and Internet", "Telecommunications", "Transportation and Logistics", "Travel",
            "Wholesale and Distribution", "Other");

    JsonNode list(ObjectNode request) {
        CatalogState catalog = catalog(request);
        List<OpportunityFromEngagementTask> matching = catalog.opportunityTasks(
                Operations.idsOf(Operations.strings(request.get("TaskIdentifier"))),
                Operations.strings(request.get("OpportunityIdentifier")),
                Operations.idsOf(Operations.strings(request.get("EngagementIdentifier"))),
                Operations.strings(request.get("ContextIdentifier")), Operations.strings(request.get("TaskStatus")),
                ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 20, "TaskSummaries", (task, node) -> node.setAll(summary(task)));
    }

    private static ObjectNode summary(OpportunityFromEngagementTask task) {
        ObjectNode node = Operations.taskSummary(task.taskId(), task.arn(), task.startTime(), task.status());
        node.put("EngagementId", task.engagementId());
        node.put("ContextId", task.contextId());
        WireJson.put(node, "OpportunityId", task.opportunityId());
        WireJson.put(node, "ResourceSnapshotJobId", task.jobId());
        Operations.putFailure(node, task.reasonCode(), task.message());
        return node;
    }
}
