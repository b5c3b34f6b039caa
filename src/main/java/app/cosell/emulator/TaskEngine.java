package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs StartEngagementFromOpportunityTask the way the service does: GetOpportunity → CreateEngagement (unless
 * the opportunity has one) → CreateResourceSnapshot → CreateResourceSnapshotJob (started) →
 * CreateEngagementInvitation (unless the engagement pre-existed or already invited AWS) → SubmitOpportunity,
 * each step leaving in the state what the real one creates, so reads show progress while the task runs.
 * Steps are spaced by the step delay on a scheduler; in instant mode they all run inside the Start call.
 */
final class TaskEngine {

    static final String SNAPSHOT_TEMPLATE = "OpportunitySummaryView";

    /** Test hook: called on the engine thread before each step runs; may block to hold a task mid-run. */
    interface StepObserver {
        void beforeStep(String taskId, TaskStep step) throws InterruptedException;
    }

    private final PartnerCentralState state;
    private final Faults faults;
    private final Supplier<Instant> clock;
    private final ScheduledExecutorService scheduler;
    private final RandomGenerator ids;
    private volatile Duration stepDelay;
    private volatile boolean instant;
    private volatile StepObserver observer;
    /** AWS's review, started by the SubmitOpportunity step. */
    private volatile ReviewSimulation review;
    private final TaskRunner<EngagementTask> runner;

    TaskEngine(PartnerCentralState state, Faults faults, Supplier<Instant> clock, ScheduledExecutorService scheduler,
               RandomGenerator ids, Duration stepDelay, boolean instant) {
        this.state = state;
        this.faults = faults;
        this.clock = clock;
        this.scheduler = scheduler;
        this.ids = ids;
        this.stepDelay = stepDelay;
        this.instant = instant;
        this.runner = new TaskRunner<>("task", state, this, catalog -> catalog.tasks,
                Arrays.stream(TaskStep.values()).map(step -> step.wireName).toList(), this::nextStep);
    }

    void setStepDelay(Duration delay) {
        this.stepDelay = delay;
    }

    Duration stepDelay() {
        return stepDelay;
    }

    void setInstant(boolean instant) {
        this.instant = instant;
    }

    boolean instant() {
        return instant;
    }

    void setObserver(StepObserver observer) {
        this.observer = observer;
    }

    void setReview(ReviewSimulation review) {
        this.review = review;
    }

    ReviewSimulation review() {
        return review;
    }

    // For the invitation-acceptance task (InvitationOperations): it runs on the same scheduler, at the same pace,
    // and reports its steps to the same test hook (by the step's position).

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    StepObserver observer() {
        return observer;
    }

    RandomGenerator ids() {
        return ids;
    }

    /**
     * Creates the task (IN_PROGRESS) and sets it running. Must be called inside {@link PartnerCentralState#write}
     * so the in-progress check and the insertion are atomic. Returns the task as the Start call must answer it.
     */
    EngagementTask start(CatalogState catalog, String opportunityId, String involvementType, String visibility,
                         List<Tag> tags) {
        for (EngagementTask running : catalog.tasks.values()) {
            if (running.opportunityId().equals(opportunityId) && !running.finished()) {
                throw AwsError.conflict("A StartEngagementFromOpportunityTask (" + running.taskId()
                        + ") is already in progress for opportunity " + opportunityId + ".");
            }
        }
        String taskId;
        synchronized (ids) {
            taskId = Ids.TASK.unused(ids, catalog.tasks::containsKey);
        }
        EngagementTask task = new EngagementTask(catalog.name, taskId, clock.get(), EngagementTask.IN_PROGRESS,
                opportunityId, involvementType, visibility, tags, 0, null, false, null, null, null, null);
        catalog.tasks.put(taskId, task);
        return task;
    }

    /** Runs a started task: inline to the end in instant mode, else step by step on the scheduler. */
    EngagementTask run(EngagementTask task) {
        return runner.run(task);
    }

    /** Runs the task's next step (under the state's write lock); a forced fault fails it. */
    private EngagementTask nextStep(CatalogState catalog, EngagementTask task) {
        TaskStep step = TaskStep.values()[task.stepsDone()];
        Faults.TaskFault fault = faults.nextTaskFault(catalog.name, task.opportunityId(), step);
        if (fault != null) {
            throw new StepFailure(fault.reasonCode(), fault.message());
        }
        return switch (step) {
            case GET_OPPORTUNITY -> getOpportunity(catalog, task);
            case CREATE_ENGAGEMENT -> createEngagement(catalog, task);
            case CREATE_RESOURCE_SNAPSHOT -> createSnapshot(catalog, task);
            case CREATE_RESOURCE_SNAPSHOT_JOB -> createJob(catalog, task);
            case CREATE_ENGAGEMENT_INVITATION -> createInvitation(catalog, task);
            case SUBMIT_OPPORTUNITY -> submit(catalog, task);
        };
    }

    private EngagementTask getOpportunity(CatalogState catalog, EngagementTask task) {
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        if (opportunity == null) {
            throw new StepFailure("OpportunityAccessDenied", "Opportunity " + task.opportunityId()
                    + " does not exist or you do not have access to it.");
        }
        List<String> problems = Submittability.problems(opportunity, task.involvementType(), today());
        if (!problems.isEmpty()) {
            throw new StepFailure("OpportunityValidationFailed", "Opportunity " + opportunity.id()
                    + " is not submittable: " + String.join("; ", problems));
        }
        return task.afterStep(1, null, false, null, null);
    }

    private EngagementTask createEngagement(CatalogState catalog, EngagementTask task) {
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        ResourceAssociation existing = catalog.associationOf(opportunity.id());
        if (existing != null) {
            return task.afterStep(2, existing.engagementId(), true, null, null);
        }
        String engagementId;
        synchronized (ids) {
            engagementId = Ids.ENGAGEMENT.next(ids);
        }
        Instant now = clock.get();
        String account = state.partnerAccount();
        catalog.engagements.put(engagementId, new Engagement(catalog.name, engagementId, engagementTitle(opportunity),
                engagementDescription(opportunity), now, account, now, account, 1,
                List.of(new Engagement.Context("1", "CustomerProject", customerProjectContext(opportunity)))));
        catalog.associations.add(new ResourceAssociation(catalog.name, engagementId, "Opportunity", opportunity.id(),
                account, now));
        return task.afterStep(2, engagementId, false, null, null);
    }

    private EngagementTask createSnapshot(CatalogState catalog, EngagementTask task) {
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        int revision = 1;
        for (ResourceSnapshot snapshot : catalog.snapshots) {
            if (snapshot.engagementId().equals(task.engagementId()) && snapshot.resourceId().equals(opportunity.id())
                    && snapshot.templateName().equals(SNAPSHOT_TEMPLATE)) {
                revision = Math.max(revision, snapshot.revision() + 1);
            }
        }
        catalog.snapshots.add(new ResourceSnapshot(catalog.name, task.engagementId(), "Opportunity", opportunity.id(),
                SNAPSHOT_TEMPLATE, revision, clock.get(), state.partnerAccount(), snapshotPayload(opportunity)));
        return task.afterStep(3, task.engagementId(), task.engagementExisted(), null, null);
    }

    private EngagementTask createJob(CatalogState catalog, EngagementTask task) {
        if (catalog.snapshotJobRole == null) {
            // PutSellingSystemSettings removed the role the snapshot jobs run as.
            throw new StepFailure("ResourceSnapshotJobAccessDenied", "No IAM role is set for resource snapshot "
                    + "jobs in catalog " + catalog.name + "; set one with PutSellingSystemSettings.");
        }
        Instant now = clock.get();
        SnapshotJob job = null;
        for (SnapshotJob candidate : catalog.jobs.values()) {
            if (candidate.engagementId().equals(task.engagementId())
                    && candidate.resourceId().equals(task.opportunityId())
                    && candidate.templateName().equals(SNAPSHOT_TEMPLATE)) {
                job = candidate;
            }
        }
        if (job == null) {
            String jobId;
            synchronized (ids) {
                jobId = Ids.JOB.next(ids);
            }
            job = new SnapshotJob(catalog.name, jobId, task.engagementId(), "Opportunity", task.opportunityId(),
                    SNAPSHOT_TEMPLATE, now, "Running", now);
        } else {
            // The job exists already (an earlier submission): it is (re)started, as StartResourceSnapshotJob does.
            job = job.withStatus("Running", now);
        }
        catalog.jobs.put(job.id(), job);
        if (!task.tags().isEmpty()) {
            // Task tags go to what the task creates that can carry tags: the snapshot job (account-bearing ARN).
            Tagging.merge(catalog, job.arn(state.partnerAccount()), task.tags());
        }
        return task.afterStep(4, task.engagementId(), task.engagementExisted(), null, job.id());
    }

    private EngagementTask createInvitation(CatalogState catalog, EngagementTask task) {
        if (task.engagementExisted()) {
            // The opportunity joined an engagement that already exists (e.g. from a lead): nobody to invite.
            return task.afterStep(5, task.engagementId(), true, null, task.jobId());
        }
        for (Invitation invitation : catalog.invitations.values()) {
            if (invitation.engagementId().equals(task.engagementId()) && "SENDER".equals(invitation.participantType())
                    && ("PENDING".equals(invitation.status()) || "ACCEPTED".equals(invitation.status()))) {
                return task.afterStep(5, task.engagementId(), false, invitation.id(), task.jobId());
            }
        }
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        String invitationId;
        synchronized (ids) {
            invitationId = Ids.INVITATION.next(ids);
        }
        Engagement engagement = catalog.engagements.get(task.engagementId());
        catalog.invitations.put(invitationId, invitationTo(catalog.name, invitationId, engagement, opportunity,
                clock.get(), "PENDING", state.partnerAccount()));
        return task.afterStep(5, task.engagementId(), false, invitationId, task.jobId());
    }

    private EngagementTask submit(CatalogState catalog, EngagementTask task) {
        Opportunity opportunity = catalog.opportunities.get(task.opportunityId());
        String status = opportunity.reviewStatus();
        if (!"Pending Submission".equals(status) && !"Action Required".equals(status)) {
            throw new StepFailure("OpportunityConflict", "Opportunity " + opportunity.id()
                    + " cannot be submitted: its review status is " + status
                    + "; only opportunities in Pending Submission or Action Required can be submitted.");
        }
        if ("Closed Lost".equals(opportunity.stage())) {
            throw new StepFailure("OpportunityConflict", "Opportunity " + opportunity.id()
                    + " cannot be submitted: its stage is Closed Lost.");
        }
        catalog.submit(opportunity, task.involvementType(), task.visibility(), clock.get());
        review.submitted(catalog.name, opportunity.id(), status);
        return task.afterStep(6, task.engagementId(), task.engagementExisted(), task.invitationId(), task.jobId());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.get(), java.time.ZoneOffset.UTC);
    }

    // What the steps derive from an opportunity; also used by the seed data for earlier engagements.

    static String engagementTitle(Opportunity opportunity) {
        String title = opportunity.title() != null ? opportunity.title() : opportunity.companyName();
        return truncate(title == null || title.isEmpty() ? opportunity.id() : title, 40);
    }

    static String engagementDescription(Opportunity opportunity) {
        String problem = WireJson.textAt(opportunity.content(), "Project.CustomerBusinessProblem");
        return truncate(problem == null ? "Co-sell engagement for " + opportunity.id() : problem, 255);
    }

    static ObjectNode customerProjectContext(Opportunity opportunity) {
        JsonNode content = opportunity.content();
        ObjectNode payload = WireJson.object();
        ObjectNode context = payload.putObject("CustomerProject");
        ObjectNode customer = context.putObject("Customer");
        WireJson.put(customer, "Industry", WireJson.textAt(content, "Customer.Account.Industry"));
        WireJson.put(customer, "CompanyName", WireJson.textAt(content, "Customer.Account.CompanyName"));
        WireJson.put(customer, "WebsiteUrl", WireJson.textAt(content, "Customer.Account.WebsiteUrl"));
        WireJson.put(customer, "CountryCode", WireJson.textAt(content, "Customer.Account.Address.CountryCode"));
        ObjectNode project = context.putObject("Project");
        WireJson.put(project, "Title", WireJson.textAt(content, "Project.Title"));
        WireJson.put(project, "BusinessProblem", WireJson.textAt(content, "Project.CustomerBusinessProblem"));
        WireJson.put(project, "TargetCompletionDate", WireJson.textAt(content, "LifeCycle.TargetCloseDate"));
        return payload;
    }

    /** The OpportunitySummaryView payload of a snapshot (ResourceSnapshotPayload.OpportunitySummary). */
    static ObjectNode snapshotPayload(Opportunity opportunity) {
        JsonNode content = opportunity.content();
        ObjectNode payload = WireJson.object();
        ObjectNode view = payload.putObject("OpportunitySummary");
        WireJson.put(view, "OpportunityType", WireJson.textAt(content, "OpportunityType"));
        copy(content, "PrimaryNeedsFromAws", view);
        copy(content, "Customer", view);
        copy(content, "OpportunityTeam", view);
        ObjectNode lifecycle = view.putObject("Lifecycle");
        for (String field : List.of("Stage", "TargetCloseDate", "ReviewStatus", "NextSteps")) {
            WireJson.put(lifecycle, field, WireJson.textAt(content, "LifeCycle." + field));
        }
        ObjectNode project = view.putObject("Project");
        JsonNode source = content.get("Project");
        if (source != null) {
            for (String field : List.of("DeliveryModels", "ExpectedCustomerSpend", "CustomerUseCase",
                    "SalesActivities", "OtherSolutionDescription")) {
                if (source.has(field)) {
                    project.set(field, source.get(field).deepCopy());
                }
            }
        }
        WireJson.putStrings(view.putObject("RelatedEntityIdentifiers"), "Solutions", opportunity.solutions());
        return payload;
    }

    static Invitation invitationTo(String catalog, String invitationId, Engagement engagement,
                                   Opportunity opportunity, Instant when, String status, String account) {
        JsonNode content = opportunity.content();
        ObjectNode payload = WireJson.object();
        ObjectNode invitation = payload.putObject("OpportunityInvitation");
        invitation.putArray("ReceiverResponsibilities").add("Co-Sell Facilitator");
        invitation.set("Customer", customerProjectContext(opportunity).at("/CustomerProject/Customer").deepCopy());
        ObjectNode project = invitation.putObject("Project");
        WireJson.put(project, "Title", WireJson.textAt(content, "Project.Title"));
        WireJson.put(project, "BusinessProblem", WireJson.textAt(content, "Project.CustomerBusinessProblem"));
        WireJson.put(project, "TargetCompletionDate", WireJson.textAt(content, "LifeCycle.TargetCloseDate"));
        JsonNode spend = WireJson.at(content, "Project.ExpectedCustomerSpend");
        project.set("ExpectedCustomerSpend", spend == null ? WireJson.array() : spend.deepCopy());
        JsonNode team = content.get("OpportunityTeam");
        if (team != null && team.isArray() && !team.isEmpty()) {
            ObjectNode contact = invitation.putArray("SenderContacts").addObject();
            for (String field : List.of("Email", "FirstName", "LastName", "BusinessTitle", "Phone")) {
                WireJson.put(contact, field, WireJson.text(team.get(0), field));
            }
        }
        return new Invitation(catalog, invitationId, engagement.id(), engagement.title(), status, when,
                when.plus(Duration.ofDays(15)), account, "Emulated Partner LLC", "aws", "AWS", "SENDER",
                "Co-sell invitation for " + opportunity.id(), engagement.description(), payload);
    }

    private static void copy(JsonNode from, String field, ObjectNode to) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
