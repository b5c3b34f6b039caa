package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS referrals side of engagement invitations: invitations AWS sent to the partner (participant RECEIVER) are
 * accepted by StartEngagementByAcceptingInvitationTask (an asynchronous task of six inner steps, followed with
 * ListEngagementByAcceptingInvitationTasks) or rejected by RejectEngagementInvitation. A pending invitation past its
 * expiration date becomes EXPIRED when next looked at. The emulator's admin endpoint adds new invitations through
 * {@link #addReceived}. What is inferred about the task is written down in docs/emulator.md.
 */
record InvitationOperations(Services services, InvitationAcceptance acceptance) implements ResourceOperations {

    static final String START = "StartEngagementByAcceptingInvitationTask";
    private static final Logger LOG = LoggerFactory.getLogger(InvitationOperations.class);
    /** Invitations expire if not accepted within 15 days (API-NOTES §9). */
    static final Duration LIFETIME = Duration.ofDays(15);

    InvitationOperations(Services services) {
        this(services, new InvitationAcceptance(services.state(), services.engine(), services.clock()));
    }

    /** Goes on with the acceptances that were running when the emulator last stopped (the state was just loaded). */
    void resumeAcceptances() {
        acceptance.resume();
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

    static boolean isDue(Invitation i, Instant now) {
        return "PENDING".equals(i.status()) && i.expirationDate() != null && !i.expirationDate().isAfter(now);
    }

    // ---- the acceptance task -------------------------------------------------------------------------------

    JsonNode startAccepting(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String invitationId = Operations.lastSegment(request.get("Identifier").asText());
        List<Tag> tags = Operations.tags(request.get("Tags"));
        Instant now = clock().get();
        expireDue(state(), catalog, now);
        AcceptanceTask[] started = new AcceptanceTask[1];
        AcceptanceTask answer = state().write(() -> {
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
            synchronized (engine().ids()) {
                taskId = Ids.TASK.unused(engine().ids(),
                        taken -> catalog.acceptanceTasks.containsKey(taken) || catalog.tasks.containsKey(taken));
            }
            AcceptanceTask task = new AcceptanceTask(catalog.name, taskId, now, EngagementTask.IN_PROGRESS,
                    invitationId, tags, 0, null, null, null, null, null);
            catalog.acceptanceTasks.put(taskId, task);
            Operations.remember(catalog, START, request, taskId);
            started[0] = task;
            return task;
        });
        if (started[0] != null) {
            answer = acceptance.run(started[0]);
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

    private static ObjectNode taskSummary(AcceptanceTask task) {
        ObjectNode node = Operations.taskSummary(task.taskId(), task.arn(), task.startTime(), task.status());
        node.put("EngagementInvitationId", task.invitationId());
        if (EngagementTask.COMPLETE.equals(task.status())) {
            WireJson.put(node, "OpportunityId", task.opportunityId());
            WireJson.put(node, "ResourceSnapshotJobId", task.jobId());
        } else if (EngagementTask.FAILED.equals(task.status())) {
            Operations.putFailure(node, task.reasonCode(), task.message());
        }
        return node;
    }

    JsonNode listAcceptingTasks(ObjectNode request) {
        CatalogState catalog = catalog(request);
        List<AcceptanceTask> matching = catalog.acceptanceTasks(
                Operations.taskIdSuffixes(Operations.strings(request.get("TaskIdentifier"))),
                Operations.idsOf(Operations.strings(request.get("EngagementInvitationIdentifier"))),
                Operations.strings(request.get("OpportunityIdentifier")), Operations.strings(request.get("TaskStatus")),
                ListAnswer.ascending(request, "DESCENDING"));
        return ListAnswer.of(matching, request, 20, "TaskSummaries", (task, node) -> node.setAll(taskSummary(task)));
    }

    // ---- reject --------------------------------------------------------------------------------------------

    JsonNode reject(ObjectNode request) {
        CatalogState catalog = catalog(request);
        String invitationId = Operations.lastSegment(request.get("Identifier").asText());
        String reason = WireJson.text(request, "RejectionReason");
        expireDue(state(), catalog, clock().get());
        state().write(() -> {
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
                id = Ids.INVITATION.next(engine.ids());
                engagementId = Ids.ENGAGEMENT.next(engine.ids());
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
