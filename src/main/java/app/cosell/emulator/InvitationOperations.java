package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS referrals side of engagement invitations: invitations AWS sent to the partner (participant RECEIVER) are
 * accepted by StartEngagementByAcceptingInvitationTask (an asynchronous task of six inner steps, followed with
 * ListEngagementByAcceptingInvitationTasks) or rejected by RejectEngagementInvitation. A pending invitation past its
 * expiration date becomes EXPIRED when next looked at. The emulator's admin endpoint adds new invitations through
 * {@link #addReceived}. What is inferred about the task is written down in docs/emulator.md.
 */
final class InvitationOperations {

    static final String START = "StartEngagementByAcceptingInvitationTask";
    private static final Logger LOG = LoggerFactory.getLogger(InvitationOperations.class);
    /** Invitations expire if not accepted within 15 days (API-NOTES §9). */
    static final Duration LIFETIME = Duration.ofDays(15);

    private final PartnerCentralState state;
    private final TaskEngine engine;
    private final Supplier<Instant> clock;

    InvitationOperations(PartnerCentralState state, TaskEngine engine, Supplier<Instant> clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
    }

    void register(Map<String, Function<ObjectNode, WireJson.Rendering>> handlers) {
        handlers.put(START, Operations.tree(this::startAccepting));
        handlers.put("ListEngagementByAcceptingInvitationTasks", Operations.tree(this::listAcceptingTasks));
        handlers.put("RejectEngagementInvitation", Operations.tree(this::reject));
        // Acceptances that were running when the emulator last stopped go on (the state was just loaded).
        for (CatalogState catalog : state.catalogs()) {
            for (AcceptanceTask task : catalog.acceptanceTasks.values()) {
                if (!task.finished()) {
                    schedule(task.catalog(), task.taskId());
                }
            }
        }
    }

    // ---- expiry ------------------------------------------------------------------------------------------------

    /** Marks the catalog's pending invitations past their expiration date EXPIRED (a state write). */
    static void expireDue(PartnerCentralState state, CatalogState catalog, Instant now) {
        boolean due = catalog.invitations.values().stream().anyMatch(i -> isDue(i, now));
        if (!due) {
            return;
        }
        state.write(() -> catalog.invitations.replaceAll((id, i) -> isDue(i, now) ? i.withStatus("EXPIRED") : i));
    }

    private static boolean isDue(Invitation i, Instant now) {
        return "PENDING".equals(i.status()) && i.expirationDate() != null && !i.expirationDate().isAfter(now);
    }

    // ---- the acceptance task -------------------------------------------------------------------------------

    private JsonNode startAccepting(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        String invitationId = Operations.lastSegment(request.get("Identifier").asText());
        List<Tag> tags = Operations.tags(request.get("Tags"));
        Instant now = clock.get();
        expireDue(state, catalog, now);
        AcceptanceTask[] started = new AcceptanceTask[1];
        AcceptanceTask answer = state.write(() -> {
            String existing = Operations.idempotent(catalog, START, request);
            if (existing != null) {
                return catalog.acceptanceTasks.get(existing);
            }
            Invitation invitation = received(catalog, invitationId);
            refuseUnlessPending(invitation);
            for (AcceptanceTask running : catalog.acceptanceTasks.values()) {
                if (running.invitationId().equals(invitationId) && !running.finished()) {
                    throw AwsError.conflict("A " + START + " (" + running.taskId()
                            + ") is already in progress for engagement invitation " + invitationId + ".");
                }
            }
            String taskId;
            synchronized (engine.ids()) {
                do {
                    taskId = Ids.task(engine.ids());
                } while (catalog.acceptanceTasks.containsKey(taskId) || catalog.tasks.containsKey(taskId));
            }
            AcceptanceTask task = new AcceptanceTask(catalog.name, taskId, now, EngagementTask.IN_PROGRESS,
                    invitationId, tags, 0, null, null, null, null, null);
            catalog.acceptanceTasks.put(taskId, task);
            Operations.remember(catalog, START, request, taskId);
            started[0] = task;
            return task;
        });
        if (started[0] != null) {
            answer = run(started[0]);
        }
        return taskSummary(answer);
    }

    /** The invitation AWS sent, or ResourceNotFoundException (the partner's own SENDER invitations are not for it). */
    private static Invitation received(CatalogState catalog, String invitationId) {
        Invitation invitation = catalog.invitations.get(invitationId);
        if (invitation == null || !"RECEIVER".equals(invitation.participantType())) {
            throw AwsError.notFound("Engagement invitation " + invitationId + " was not found in catalog "
                    + catalog.name + ".");
        }
        return invitation;
    }

    /**
     * Only a PENDING invitation can be answered (inferred errors): an expired one is refused as a business validation
     * failure, one already accepted or rejected as a conflict.
     */
    private static void refuseUnlessPending(Invitation invitation) {
        switch (invitation.status()) {
            case "PENDING" -> { }
            case "EXPIRED" -> throw AwsError.businessValidation("Engagement invitation " + invitation.id()
                    + " expired on " + WireJson.timestamp(invitation.expirationDate())
                    + " and can no longer be accepted or rejected.", List.of(new AwsError.FieldError("Identifier",
                    "The engagement invitation has expired.", "INVALID_RESOURCE_STATE")));
            default -> throw AwsError.conflict("Engagement invitation " + invitation.id() + " is already "
                    + invitation.status() + "; only a PENDING invitation can be accepted or rejected.");
        }
    }

    private AcceptanceTask run(AcceptanceTask task) {
        if (engine.instant()) {
            AcceptanceTask current = task;
            while (current != null && !current.finished()) {
                current = state.write(() -> step(task.catalog(), task.taskId()));
            }
            return current == null ? task : current;
        }
        schedule(task.catalog(), task.taskId());
        return task;
    }

    private void schedule(String catalog, String taskId) {
        try {
            engine.scheduler().schedule(() -> runScheduledStep(catalog, taskId), engine.stepDelay().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("emulator stopping; acceptance task {} left as it is", taskId);
        }
    }

    private void runScheduledStep(String catalog, String taskId) {
        try {
            AcceptanceTask before = state.catalog(catalog).acceptanceTasks.get(taskId);
            if (before == null) {
                return; // the data was reset while the task ran
            }
            TaskEngine.StepObserver hook = engine.observer();
            if (hook != null && !before.finished()) {
                // The hook knows the engagement task's steps; an acceptance step is reported by its position.
                hook.beforeStep(taskId, TaskStep.values()[before.stepsDone()]);
            }
            AcceptanceTask after = state.write(() -> step(catalog, taskId));
            if (after != null && !after.finished()) {
                schedule(catalog, taskId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("acceptance task {} crashed in the emulator; marking it FAILED", taskId, e);
            state.write(() -> {
                AcceptanceTask task = state.catalog(catalog).acceptanceTasks.get(taskId);
                if (task != null) {
                    state.catalog(catalog).acceptanceTasks.put(taskId, task.failed("InternalError",
                            "An internal error occurred; start a new task later."));
                }
            });
        }
    }

    /** A step's failure: the task ends FAILED with this ReasonCode and Message. */
    private static final class StepFailure extends RuntimeException {
        final String reasonCode;

        StepFailure(String reasonCode, String message) {
            super(message, null, false, false);
            this.reasonCode = reasonCode;
        }
    }

    /** Runs the task's next step (under the write lock), stores and returns the updated task. */
    private AcceptanceTask step(String catalogName, String taskId) {
        CatalogState catalog = state.catalog(catalogName);
        AcceptanceTask task = catalog.acceptanceTasks.get(taskId);
        if (task == null || task.finished()) {
            return task;
        }
        String step = AcceptanceTask.STEPS.get(task.stepsDone());
        AcceptanceTask next;
        try {
            next = switch (step) {
                case "GetEngagementInvitation" -> checkInvitation(catalog, task);
                case "AcceptEngagementInvitation" -> accept(catalog, task);
                case "CreateOpportunity" -> createOpportunity(catalog, task);
                case "CreateResourceSnapshotJob" -> createJob(catalog, task);
                case "StartResourceSnapshotJob" -> startJob(catalog, task);
                default -> submit(catalog, task);
            };
            if (next.stepsDone() == AcceptanceTask.STEPS.size()) {
                next = next.complete();
            }
        } catch (StepFailure failure) {
            next = task.failed(failure.reasonCode, failure.getMessage());
            // A failed acceptance leaves the invitation answerable again (inferred: the partner can retry or reject).
            Invitation invitation = catalog.invitations.get(task.invitationId());
            if (invitation != null && "ACCEPTED".equals(invitation.status()) && task.opportunityId() == null) {
                catalog.invitations.put(invitation.id(), invitation.withStatus("PENDING"));
            }
        }
        catalog.acceptanceTasks.put(taskId, next);
        LOG.debug("acceptance task {} {} -> {}", taskId, step, next.status());
        return next;
    }

    private AcceptanceTask checkInvitation(CatalogState catalog, AcceptanceTask task) {
        Invitation invitation = catalog.invitations.get(task.invitationId());
        if (invitation == null) {
            throw new StepFailure("InvitationAccessDenied", "Engagement invitation " + task.invitationId()
                    + " does not exist or you do not have access to it.");
        }
        if (isDue(invitation, clock.get()) || "EXPIRED".equals(invitation.status())) {
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
            jobId = Ids.job(engine.ids());
        }
        catalog.jobs.put(jobId, new SnapshotJob(catalog.name, jobId, task.engagementId(), "Opportunity",
                opportunity.id(), TaskEngine.SNAPSHOT_TEMPLATE, now, "Stopped", null));
        return task.afterStep(task.engagementId(), task.opportunityId(), jobId);
    }

    private AcceptanceTask startJob(CatalogState catalog, AcceptanceTask task) {
        SnapshotJob job = catalog.jobs.get(task.jobId());
        Instant now = clock.get();
        catalog.jobs.put(job.id(), new SnapshotJob(job.catalog(), job.id(), job.engagementId(), job.resourceType(),
                job.resourceId(), job.templateName(), job.createdAt(), "Running", now));
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

    private static ObjectNode taskSummary(AcceptanceTask task) {
        ObjectNode node = WireJson.object();
        node.put("TaskId", task.taskId());
        node.put("TaskArn", task.arn());
        WireJson.put(node, "StartTime", task.startTime());
        node.put("TaskStatus", task.status());
        node.put("EngagementInvitationId", task.invitationId());
        if (EngagementTask.COMPLETE.equals(task.status())) {
            WireJson.put(node, "OpportunityId", task.opportunityId());
            WireJson.put(node, "ResourceSnapshotJobId", task.jobId());
        } else if (EngagementTask.FAILED.equals(task.status())) {
            WireJson.put(node, "ReasonCode", task.reasonCode());
            WireJson.put(node, "Message", task.message());
        }
        return node;
    }

    private JsonNode listAcceptingTasks(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        Set<String> taskIds = Operations.strings(request.get("TaskIdentifier"));
        Set<String> suffixes = null;
        if (taskIds != null) {
            suffixes = new HashSet<>();
            for (String id : taskIds) {
                String last = Operations.lastSegment(id);
                suffixes.add(last.substring(last.indexOf('-') + 1));
            }
        }
        Set<String> invitations = Operations.idsOf(Operations.strings(request.get("EngagementInvitationIdentifier")));
        Set<String> opportunities = Operations.strings(request.get("OpportunityIdentifier"));
        Set<String> statuses = Operations.strings(request.get("TaskStatus"));
        List<AcceptanceTask> matching = new ArrayList<>();
        for (AcceptanceTask task : catalog.acceptanceTasks.values()) {
            if ((suffixes == null || suffixes.contains(task.taskId().substring(5)))
                    && (invitations == null || invitations.contains(task.invitationId()))
                    && (opportunities == null || (task.opportunityId() != null
                    && EngagementTask.COMPLETE.equals(task.status()) && opportunities.contains(task.opportunityId())))
                    && (statuses == null || statuses.contains(task.status()))) {
                matching.add(task);
            }
        }
        Comparator<AcceptanceTask> order = Comparator.comparing(AcceptanceTask::startTime)
                .thenComparing(AcceptanceTask::taskId);
        if (!"ASCENDING".equals(request.at("/Sort/SortOrder").asText("DESCENDING"))) {
            order = order.reversed();
        }
        matching.sort(order);
        return Operations.pageAnswer(matching, request, 20, "TaskSummaries",
                (task, node) -> node.setAll(taskSummary(task)));
    }

    // ---- reject --------------------------------------------------------------------------------------------

    private JsonNode reject(ObjectNode request) {
        CatalogState catalog = Operations.catalog(state, request);
        String invitationId = Operations.lastSegment(request.get("Identifier").asText());
        String reason = WireJson.text(request, "RejectionReason");
        expireDue(state, catalog, clock.get());
        state.write(() -> {
            Invitation invitation = received(catalog, invitationId);
            refuseUnlessPending(invitation);
            for (AcceptanceTask running : catalog.acceptanceTasks.values()) {
                if (running.invitationId().equals(invitationId) && !running.finished()) {
                    throw AwsError.conflict("Engagement invitation " + invitationId + " is being accepted by task "
                            + running.taskId() + ".");
                }
            }
            catalog.invitations.put(invitationId, invitation.withStatus("REJECTED"));
            if (reason != null) {
                catalog.rejectionReasons.put(invitationId, reason);
            }
        });
        return WireJson.object();
    }

    // ---- new invitations (admin endpoint) ------------------------------------------------------------------

    /**
     * Adds an invitation from AWS, as if it had just arrived: {@code catalog} (default Sandbox), {@code title},
     * {@code companyName}, {@code industry}, {@code countryCode}, {@code websiteUrl}, {@code amount} (monthly USD),
     * {@code expiresInHours} (default 15 days), {@code message}, {@code businessProblem}; all optional.
     */
    static Invitation addReceived(PartnerCentralState state, TaskEngine engine, JsonNode spec, Instant now) {
        String catalogName = spec.path("catalog").asText(PartnerCentralState.SANDBOX);
        CatalogState catalog = state.catalog(catalogName);
        if (catalog == null) {
            throw new IllegalArgumentException("catalog must be AWS or Sandbox");
        }
        long hours = spec.path("expiresInHours").asLong(LIFETIME.toHours());
        if (hours < 1 || hours > LIFETIME.toHours()) {
            throw new IllegalArgumentException("expiresInHours must be between 1 and " + LIFETIME.toHours());
        }
        String title = spec.path("title").asText("Cloud migration assessment");
        if (title.isBlank() || title.length() > 40) {
            throw new IllegalArgumentException("title must be 1 to 40 characters (EngagementTitle)");
        }
        String amount = spec.path("amount").asText("7500");
        if (!amount.matches("(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?")) {
            throw new IllegalArgumentException("amount must be a money string such as 7500 or 7500.00");
        }
        Referral referral = new Referral(title, spec.path("companyName").asText("Riverbend Outfitters Inc."),
                spec.path("industry").asText("Retail"), spec.path("countryCode").asText("US"),
                spec.path("websiteUrl").asText("https://www.riverbend-outfitters.example.com"),
                spec.path("businessProblem").asText("The customer wants to move its on-premises order system to AWS "
                        + "before the holiday season."), amount, List.of("Services Partner"),
                spec.path("message").asText("AWS invites you to co-sell this referral."));
        Instant expires = now.plus(Duration.ofHours(hours));
        Invitation invitation = state.write(() -> {
            String id;
            String engagementId;
            synchronized (engine.ids()) {
                id = Ids.invitation(engine.ids());
                engagementId = Ids.engagement(engine.ids());
            }
            Invitation made = referral.invitation(catalog.name, id, engagementId, now, expires,
                    "PENDING", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(90));
            catalog.invitations.put(id, made);
            return made;
        });
        LOG.info("new invitation {} in {} added through the admin endpoint", invitation.id(), catalogName);
        return invitation;
    }

    /** What an AWS referral says: the opportunity invitation payload, and the sender's message. */
    record Referral(String title, String companyName, String industry, String countryCode, String websiteUrl,
                    String businessProblem, String monthlyAmount, List<String> responsibilities, String message) {

        Invitation invitation(String catalog, String id, String engagementId, Instant sent, Instant expires,
                              String status, LocalDate targetCompletion) {
            ObjectNode payload = WireJson.object();
            ObjectNode opportunity = payload.putObject("OpportunityInvitation");
            ObjectNode sender = opportunity.putArray("SenderContacts").addObject();
            sender.put("Email", "maya.chen@amazon.example.com");
            sender.put("FirstName", "Maya");
            sender.put("LastName", "Chen");
            sender.put("BusinessTitle", "AWS Account Manager");
            sender.put("Phone", "+12065550142");
            ArrayNode duties = opportunity.putArray("ReceiverResponsibilities");
            responsibilities.forEach(duties::add);
            ObjectNode customer = opportunity.putObject("Customer");
            customer.put("Industry", industry);
            customer.put("CompanyName", companyName);
            customer.put("WebsiteUrl", websiteUrl);
            customer.put("CountryCode", countryCode);
            ObjectNode project = opportunity.putObject("Project");
            project.put("BusinessProblem", businessProblem);
            project.put("Title", title);
            project.put("TargetCompletionDate", targetCompletion.toString());
            ObjectNode spend = project.putArray("ExpectedCustomerSpend").addObject();
            spend.put("Amount", monthlyAmount);
            spend.put("CurrencyCode", "USD");
            spend.put("Frequency", "Monthly");
            spend.put("TargetCompany", "AWS");
            return new Invitation(catalog, id, engagementId, title, status, sent, expires, "aws", "AWS",
                    PartnerCentralEmulator.PARTNER_ACCOUNT, null, "RECEIVER", message,
                    businessProblem.length() <= 255 ? businessProblem : businessProblem.substring(0, 255), payload);
        }
    }
}
