package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The six steps of StartEngagementByAcceptingInvitationTask ({@link AcceptanceTask#STEPS}), run by a
 * {@link TaskRunner} on the engagement task's scheduler and pace: check the invitation, accept it (the partner joins
 * AWS's engagement), create the opportunity from AWS's referral, create and start its snapshot job, and submit it
 * (AWS's referral lands Approved). A failed acceptance leaves the invitation answerable again.
 */
final class InvitationAcceptance implements TaskRunner.Steps<AcceptanceTask> {

    private final PartnerCentralState state;
    private final TaskEngine engine;
    private final Supplier<Instant> clock;
    private final TaskRunner<AcceptanceTask> runner;

    InvitationAcceptance(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
        this.runner = new TaskRunner<>("acceptance task", state, engine, catalog -> catalog.acceptanceTasks,
                AcceptanceTask.STEPS, this);
    }

    /** Runs a started task: inline to the end in instant mode, else step by step on the scheduler. */
    AcceptanceTask run(AcceptanceTask task) {
        return runner.run(task);
    }

    /** Goes on with the acceptances that were running when the emulator last stopped (the state was just loaded). */
    void resume() {
        runner.resume();
    }

    @Override
    public AcceptanceTask next(CatalogState catalog, AcceptanceTask task) {
        return switch (AcceptanceTask.STEPS.get(task.stepsDone())) {
            case "GetEngagementInvitation" -> checkInvitation(catalog, task);
            case "AcceptEngagementInvitation" -> accept(catalog, task);
            case "CreateOpportunity" -> createOpportunity(catalog, task);
            case "CreateResourceSnapshotJob" -> createJob(catalog, task);
            case "StartResourceSnapshotJob" -> startJob(catalog, task);
            default -> submit(catalog, task);
        };
    }

    @Override
    public AcceptanceTask failed(CatalogState catalog, AcceptanceTask task, StepFailure failure) {
        // A failed acceptance leaves the invitation answerable again (inferred: the partner can retry or reject).
        Invitation invitation = catalog.invitations.get(task.invitationId());
        if (invitation != null && "ACCEPTED".equals(invitation.status()) && task.opportunityId() == null) {
            catalog.invitations.put(invitation.id(), invitation.withStatus("PENDING"));
        }
        return task.failed(failure.reasonCode, failure.getMessage());
    }

    private AcceptanceTask checkInvitation(CatalogState catalog, AcceptanceTask task) {
        Invitation invitation = catalog.invitations.get(task.invitationId());
        if (invitation == null) {
            throw new StepFailure("InvitationAccessDenied", "Engagement invitation " + task.invitationId()
                    + " does not exist or you do not have access to it.");
        }
        if (InvitationOperations.isDue(invitation, clock.get()) || "EXPIRED".equals(invitation.status())) {
            catalog.invitations.put(invitation.id(), invitation.withStatus("EXPIRED"));
            throw new StepFailure("InvitationValidationFailed", "Engagement invitation " + invitation.id()
                    + " expired before it could be accepted.");
        }
        if (!"PENDING".equals(invitation.status())) {
            throw new StepFailure("EngagementInvitationConflict", "Engagement invitation " + invitation.id()
                    + " is already " + invitation.status() + ".");
        }
        return task.afterStep(invitation.engagementId(), null, null);
    }

    private AcceptanceTask accept(CatalogState catalog, AcceptanceTask task) {
        Invitation invitation = catalog.invitations.get(task.invitationId());
        if (!"PENDING".equals(invitation.status())) {
            throw new StepFailure("EngagementInvitationConflict", "Engagement invitation " + invitation.id()
                    + " changed to " + invitation.status() + " while it was being accepted.");
        }
        catalog.invitations.put(invitation.id(), invitation.withStatus("ACCEPTED"));
        Instant now = clock.get();
        // The partner joins AWS's engagement: it becomes visible to the partner, with AWS and the partner as members.
        Engagement engagement = catalog.engagements.get(invitation.engagementId());
        if (engagement == null) {
            ObjectNode context = WireJson.object();
            ObjectNode project = context.putObject("CustomerProject");
            JsonNode opportunity = invitation.payload().path("OpportunityInvitation");
            if (opportunity.has("Customer")) {
                project.set("Customer", opportunity.get("Customer").deepCopy());
            }
            ObjectNode p = project.putObject("Project");
            WireJson.put(p, "Title", opportunity.path("Project").path("Title").asText(null));
            WireJson.put(p, "BusinessProblem", opportunity.path("Project").path("BusinessProblem").asText(null));
            WireJson.put(p, "TargetCompletionDate",
                    opportunity.path("Project").path("TargetCompletionDate").asText(null));
            engagement = new Engagement(catalog.name, invitation.engagementId(), invitation.engagementTitle(),
                    invitation.engagementDescription(), invitation.invitationDate(), "aws", now,
                    state.partnerAccount(), 2, List.of(new Engagement.Context("1", "CustomerProject", context)));
        } else {
            engagement = new Engagement(engagement.catalog(), engagement.id(), engagement.title(),
                    engagement.description(), engagement.createdAt(), engagement.createdBy(), now,
                    state.partnerAccount(), engagement.memberCount() + 1, engagement.contexts());
        }
        catalog.engagements.put(engagement.id(), engagement);
        return task.afterStep(engagement.id(), null, null);
    }

    private AcceptanceTask createOpportunity(CatalogState catalog, AcceptanceTask task) {
        Invitation invitation = catalog.invitations.get(task.invitationId());
        JsonNode payload = invitation.payload().path("OpportunityInvitation");
        LocalDate today = LocalDate.ofInstant(clock.get(), ZoneOffset.UTC);
        String target = payload.path("Project").path("TargetCompletionDate").asText("");
        if (!target.isEmpty() && LocalDate.parse(target).isBefore(today)) {
            throw new StepFailure("OpportunityValidationFailed", "The opportunity could not be created from "
                    + "engagement invitation " + invitation.id() + ": LifeCycle.TargetCloseDate " + target
                    + " is in the past. Ask the AWS sender for an updated referral.");
        }
        ObjectNode content = opportunityContent(invitation, catalog.referralDetails.get(invitation.id()), today);
        String id = "O" + catalog.nextOpportunityNumber.getAndIncrement();
        Instant now = clock.get();
        Opportunity opportunity = new Opportunity(catalog.name, id, now, now, "AWS Referral", content, List.of(),
                List.of(), List.of(), null, null);
        catalog.opportunities.put(id, opportunity);
        catalog.associations.add(new ResourceAssociation(catalog.name, task.engagementId(), "Opportunity", id,
                state.partnerAccount(), now));
        if (!task.tags().isEmpty()) {
            Tagging.merge(catalog, opportunity.arn(state.partnerAccount()), task.tags());
        }
        return task.afterStep(task.engagementId(), id, null);
    }

    /** The new opportunity: what the invitation showed, plus what it kept hidden until now (contacts, address). */
    static ObjectNode opportunityContent(Invitation invitation, JsonNode hidden, LocalDate today) {
        JsonNode payload = invitation.payload().path("OpportunityInvitation");
        JsonNode customer = payload.path("Customer");
        JsonNode project = payload.path("Project");
        ObjectNode content = WireJson.object();
        ObjectNode customerNode = content.putObject("Customer");
        ObjectNode account = customerNode.putObject("Account");
        WireJson.put(account, "CompanyName", customer.path("CompanyName").asText(null));
        WireJson.put(account, "Industry", customer.path("Industry").asText(null));
        WireJson.put(account, "WebsiteUrl", customer.path("WebsiteUrl").asText(null));
        ObjectNode address = account.putObject("Address");
        if (hidden != null && hidden.path("Address").isObject()) {
            address.setAll((ObjectNode) hidden.get("Address").deepCopy());
        }
        WireJson.put(address, "CountryCode", customer.path("CountryCode").asText(null));
        ArrayNode contacts = customerNode.putArray("Contacts");
        if (hidden != null && hidden.path("Contacts").isArray()) {
            contacts.addAll((ArrayNode) hidden.get("Contacts").deepCopy());
        } else {
            String company = customer.path("CompanyName").asText("customer");
            String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            contacts.addObject().put("FirstName", "Sam").put("LastName", "Okafor")
                    .put("Email", "sam.okafor@" + (domain.isEmpty() ? "customer" : domain) + ".example.com")
                    .put("BusinessTitle", "Head of IT");
        }
        ObjectNode projectNode = content.putObject("Project");
        WireJson.put(projectNode, "Title", project.path("Title").asText(null));
        WireJson.put(projectNode, "CustomerBusinessProblem", project.path("BusinessProblem").asText(null));
        if (project.has("ExpectedCustomerSpend")) {
            projectNode.set("ExpectedCustomerSpend", project.get("ExpectedCustomerSpend").deepCopy());
        }
        projectNode.putArray("DeliveryModels").add("Professional Services");
        ObjectNode lifeCycle = content.putObject("LifeCycle");
        lifeCycle.put("Stage", "Qualified");
        String target = project.path("TargetCompletionDate").asText("");
        lifeCycle.put("TargetCloseDate", target.isEmpty() ? today.plusDays(90).toString() : target);
        lifeCycle.put("ReviewStatus", "Pending Submission");
        lifeCycle.put("NextSteps", "Contact the customer and the AWS sender named in the referral.");
        content.put("OpportunityType", "Net New Business");
        content.putArray("PrimaryNeedsFromAws").add("Co-Sell - Deal Support");
        content.put("NationalSecurity", "No");
        content.putObject("Marketing").put("Source", "None");
        return content;
    }

    private AcceptanceTask createJob(CatalogState catalog, AcceptanceTask task) {
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        Instant now = clock.get();
        catalog.snapshots.add(new ResourceSnapshot(catalog.name, task.engagementId(), "Opportunity",
                opportunity.id(), TaskEngine.SNAPSHOT_TEMPLATE, 1, now, state.partnerAccount(),
                TaskEngine.snapshotPayload(opportunity)));
        String jobId;
        synchronized (engine.ids()) {
            jobId = Ids.JOB.next(engine.ids());
        }
        catalog.jobs.put(jobId, new SnapshotJob(catalog.name, jobId, task.engagementId(), "Opportunity",
                opportunity.id(), TaskEngine.SNAPSHOT_TEMPLATE, now, "Stopped", null));
        return task.afterStep(task.engagementId(), task.opportunityId(), jobId);
    }

    private AcceptanceTask startJob(CatalogState catalog, AcceptanceTask task) {
        SnapshotJob job = catalog.jobs.get(task.jobId());
        Instant now = clock.get();
        catalog.jobs.put(job.id(), job.withStatus("Running", now));
        if (!task.tags().isEmpty()) {
            Tagging.merge(catalog, job.arn(state.partnerAccount()), task.tags());
        }
        return task.afterStep(task.engagementId(), task.opportunityId(), task.jobId());
    }

    private AcceptanceTask submit(CatalogState catalog, AcceptanceTask task) {
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        // An AWS referral was validated by AWS already (inferred): it lands Approved, co-sold, fully visible.
        Opportunity submitted = opportunity.submitted("Co-Sell", "Full", clock.get());
        ObjectNode content = submitted.content();
        ((ObjectNode) content.get("LifeCycle")).put("ReviewStatus", "Approved");
        catalog.opportunities.put(opportunity.id(), submitted.withContent(content, submitted.lastModifiedDate()));
        return task.afterStep(task.engagementId(), task.opportunityId(), task.jobId());
    }
}
