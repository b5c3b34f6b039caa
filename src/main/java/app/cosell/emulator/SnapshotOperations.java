package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Resource snapshots and snapshot jobs: CreateResourceSnapshot, CreateResourceSnapshotJob,
 * Start/Stop/DeleteResourceSnapshotJob, and the reads ListResourceSnapshots, GetResourceSnapshot,
 * ListResourceSnapshotJobs and GetResourceSnapshotJob. The writes make the same records the engagement task makes,
 * so the reads show them alike.
 *
 * <p>States: a created job is Stopped until StartResourceSnapshotJob; starting runs it once (a new snapshot
 * revision when the opportunity changed since the latest one) and leaves it Running; Stop needs a job that was
 * started; Delete needs a Stopped job. Jobs run as the selling-system role: without one, starting is refused.
 */
record SnapshotOperations(Services services) implements ResourceOperations {

    /** The templates snapshots can be taken with (the OpportunitySummary payload). */
    static final List<String> TEMPLATES = List.of(TaskEngine.SNAPSHOT_TEMPLATE);


    JsonNode createSnapshot(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        String resourceId = request.get("ResourceIdentifier").asText();
        String template = template(request);
        ResourceSnapshot snapshot = state().write(() -> {
            String existing = Operations.idempotent(catalog, "CreateResourceSnapshot", request);
            if (existing != null) {
                return catalog.snapshots.stream().filter(s -> s.arn().equals(existing)).findFirst().orElseThrow();
            }
            Opportunity opportunity = resource(catalog, engagementId, resourceId);
            ResourceSnapshot taken = take(catalog, engagementId, opportunity, template, clock().get(),
                    state().partnerAccount());
            Operations.remember(catalog, "CreateResourceSnapshot", request, taken.arn());
            return taken;
        });
        return WireJson.object().put("Arn", snapshot.arn()).put("Revision", snapshot.revision());
    }

    JsonNode createJob(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        String resourceId = request.get("ResourceIdentifier").asText();
        String template = template(request);
        List<Tag> tags = Operations.tags(request.get("Tags"));
        SnapshotJob job = state().write(() -> {
            String existing = Operations.idempotent(catalog, "CreateResourceSnapshotJob", request);
            if (existing != null && catalog.jobs.containsKey(existing)) {
                return catalog.jobs.get(existing);
            }
            resource(catalog, engagementId, resourceId);
            for (SnapshotJob other : catalog.jobs.values()) {
                if (other.engagementId().equals(engagementId) && other.resourceId().equals(resourceId)
                        && other.templateName().equals(template)) {
                    throw AwsError.conflict("Resource snapshot job " + other.id() + " already exists for "
                            + resourceId + " with template " + template + " in engagement " + engagementId + ".");
                }
            }
            String id = Ids.JOB.unused(random(), catalog.jobs::containsKey);
            SnapshotJob created = new SnapshotJob(catalog.name, id, engagementId, "Opportunity", resourceId, template,
                    clock().get(), "Stopped", null);
            catalog.jobs.put(id, created);
            if (!tags.isEmpty()) {
                Tagging.merge(catalog, created.arn(state().partnerAccount()), tags);
            }
            Operations.remember(catalog, "CreateResourceSnapshotJob", request, id);
            return created;
        });
        return WireJson.object().put("Id", job.id()).put("Arn", job.arn(state().partnerAccount()));
    }

    JsonNode startJob(ObjectNode request) {
        return changeJob(request, (catalog, job) -> {
            String id = job.id();
            if (catalog.snapshotJobRole == null) {
                throw AwsError.accessDenied("No IAM role is set for resource snapshot jobs in catalog "
                        + catalog.name + "; set one with PutSellingSystemSettings.");
            }
            if ("Running".equals(job.status())) {
                return; // starting a running job changes nothing (the operation is idempotent)
            }
            Opportunity opportunity = catalog.opportunities.get(job.resourceId());
            Instant now = clock().get();
            if (opportunity != null) {
                takeIfChanged(catalog, job.engagementId(), opportunity, job.templateName(), now,
                        state().partnerAccount());
            }
            catalog.jobs.put(id, job.withStatus("Running",
                    opportunity != null ? now : job.lastSuccessfulExecutionDate()));
        });
    }

    JsonNode stopJob(ObjectNode request) {
        return changeJob(request, (catalog, job) -> {
            String id = job.id();
            if ("Stopped".equals(job.status())) {
                if (job.lastSuccessfulExecutionDate() == null) {
                    String message = "Resource snapshot job " + id + " has never been started; start it before "
                            + "stopping it.";
                    throw AwsError.businessValidation(message, List.of(new FieldError("ResourceSnapshotJobIdentifier",
                            message, "INVALID_RESOURCE_STATE")));
                }
                return; // already stopped: nothing to do (the operation is idempotent)
            }
            catalog.jobs.put(id, job.withStatus("Stopped", job.lastSuccessfulExecutionDate()));
        });
    }

    JsonNode deleteJob(ObjectNode request) {
        return changeJob(request, (catalog, job) -> {
            String id = job.id();
            if (!"Stopped".equals(job.status())) {
                throw AwsError.conflict("Resource snapshot job " + id + " is " + job.status()
                        + "; stop it before deleting it.");
            }
            catalog.jobs.remove(id);
            catalog.tags.remove(job.arn(state().partnerAccount()));
        });
    }

    /** Runs a change of the job the request names, inside a state write; the answer is empty. */
    private JsonNode changeJob(ObjectNode request, BiConsumer<CatalogState, SnapshotJob> change) {
        CatalogState catalog = catalog(request);
        String id = request.get("ResourceSnapshotJobIdentifier").asText();
        state().write(() -> change.accept(catalog, job(catalog, id)));
        return WireJson.object();
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    JsonNode listJobs(ObjectNode request) {
        CatalogState catalog = catalog(request);
        List<SnapshotJob> matching = catalog.jobs(WireJson.text(request, "EngagementIdentifier"),
                WireJson.text(request, "Status"), ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 50, "ResourceSnapshotJobSummaries", (job, node) -> {
            node.put("Id", job.id());
            node.put("Arn", job.arn(state().partnerAccount()));
            node.put("EngagementId", job.engagementId());
            node.put("Status", job.status());
        });
    }

    JsonNode getJob(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String id = request.get("ResourceSnapshotJobIdentifier").asText();
        SnapshotJob job = job(catalog, id);
        ObjectNode response = WireJson.object();
        response.put("Catalog", catalog.name);
        response.put("Id", job.id());
        response.put("Arn", job.arn(state().partnerAccount()));
        response.put("EngagementId", job.engagementId());
        response.put("ResourceType", job.resourceType());
        response.put("ResourceId", job.resourceId());
        response.put("ResourceArn", job.resourceArn(state().partnerAccount()));
        response.put("ResourceSnapshotTemplateName", job.templateName());
        WireJson.put(response, "CreatedAt", job.createdAt());
        response.put("Status", job.status());
        WireJson.put(response, "LastSuccessfulExecutionDate", job.lastSuccessfulExecutionDate());
        return response;
    }

    JsonNode listSnapshots(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        Operations.engagement(catalog, engagementId);
        List<ResourceSnapshot> matching = catalog.snapshots(engagementId, WireJson.text(request, "ResourceType"),
                WireJson.text(request, "ResourceIdentifier"),
                WireJson.text(request, "ResourceSnapshotTemplateIdentifier"),
                WireJson.text(request, "CreatedBy"));
        return ListAnswer.of(matching, request, 50, "ResourceSnapshotSummaries", (snapshot, node) -> {
            node.put("Arn", snapshot.arn());
            node.put("Revision", snapshot.revision());
            node.put("ResourceType", snapshot.resourceType());
            node.put("ResourceId", snapshot.resourceId());
            node.put("ResourceSnapshotTemplateName", snapshot.templateName());
            node.put("CreatedBy", snapshot.createdBy());
        });
    }

    JsonNode getSnapshot(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String engagementId = Operations.lastSegment(request.get("EngagementIdentifier").asText());
        String resource = request.get("ResourceIdentifier").asText();
        String template = request.get("ResourceSnapshotTemplateIdentifier").asText();
        int revision = request.hasNonNull("Revision") ? request.get("Revision").asInt() : -1;
        ResourceSnapshot found = catalog.snapshot(engagementId, resource, template, revision);
        if (found == null) {
            throw AwsError.notFound("No snapshot of " + resource + " with template " + template + " in engagement "
                    + engagementId + ".");
        }
        ObjectNode response = WireJson.object();
        response.put("Catalog", catalog.name);
        response.put("Arn", found.arn());
        response.put("CreatedBy", found.createdBy());
        WireJson.put(response, "CreatedAt", found.createdAt());
        response.put("EngagementId", found.engagementId());
        response.put("ResourceType", found.resourceType());
        response.put("ResourceId", found.resourceId());
        response.put("ResourceSnapshotTemplateName", found.templateName());
        response.put("Revision", found.revision());
        response.set("Payload", found.payload());
        return response;
    }

    // ---- shared with the other operation classes ------------------------------------------------------------

    private static String template(ObjectNode request) {
        String template = request.get("ResourceSnapshotTemplateIdentifier").asText();
        if (!TEMPLATES.contains(template)) {
            String message = "Resource snapshot template " + template + " does not exist for resource type "
                    + "Opportunity; use one of " + String.join(", ", TEMPLATES) + ".";
            throw AwsError.businessValidation(message, List.of(new FieldError("ResourceSnapshotTemplateIdentifier",
                    message, "INVALID_VALUE")));
        }
        return template;
    }

    static SnapshotJob job(CatalogState catalog, String id) {
        return Operations.found(catalog, "Resource snapshot job", id, catalog.jobs.get(id));
    }

    /**
     * The opportunity a snapshot (job) is about, checked against the engagement: both must exist, and an
     * opportunity belongs to one engagement at most. The first snapshot links the opportunity to the engagement
     * (ListEngagementResourceAssociations then shows it). Call inside a state write.
     */
    static Opportunity resource(CatalogState catalog, String engagementId, String resourceId) {
        Operations.engagement(catalog, engagementId);
        Opportunity opportunity = Operations.opportunity(catalog, resourceId);
        ResourceAssociation association = catalog.associationOf(resourceId);
        if (association != null && !association.engagementId().equals(engagementId)) {
            throw AwsError.conflict("Opportunity " + resourceId + " already belongs to engagement "
                    + association.engagementId() + ".");
        }
        return opportunity;
    }

    /** Takes the next revision of the opportunity's snapshot in the engagement (and links the two). */
    static ResourceSnapshot take(CatalogState catalog, String engagementId, Opportunity opportunity, String template,
                                 Instant when, String account) {
        if (catalog.associationOf(opportunity.id()) == null) {
            catalog.associations.add(new ResourceAssociation(catalog.name, engagementId, "Opportunity",
                    opportunity.id(), account, when));
        }
        ResourceSnapshot latest = latest(catalog, engagementId, opportunity.id(), template);
        ResourceSnapshot snapshot = new ResourceSnapshot(catalog.name, engagementId, "Opportunity", opportunity.id(),
                template, latest == null ? 1 : latest.revision() + 1, when, account,
                TaskEngine.snapshotPayload(opportunity));
        catalog.snapshots.add(snapshot);
        return snapshot;
    }

    /** What a job run does: a new revision only when the opportunity's snapshot view changed. */
    static void takeIfChanged(CatalogState catalog, String engagementId, Opportunity opportunity, String template,
                              Instant when, String account) {
        ResourceSnapshot latest = latest(catalog, engagementId, opportunity.id(), template);
        if (latest == null || !latest.payload().equals(TaskEngine.snapshotPayload(opportunity))) {
            take(catalog, engagementId, opportunity, template, when, account);
        }
    }

    static ResourceSnapshot latest(CatalogState catalog, String engagementId, String resourceId, String template) {
        ResourceSnapshot latest = null;
        for (ResourceSnapshot snapshot : catalog.snapshots) {
            if (snapshot.engagementId().equals(engagementId) && snapshot.resourceId().equals(resourceId)
                    && snapshot.templateName().equals(template)
                    && (latest == null || snapshot.revision() > latest.revision())) {
                latest = snapshot;
            }
        }
        return latest;
    }
}
