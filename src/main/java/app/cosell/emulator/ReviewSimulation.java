package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS's side of a submission, simulated: after SubmitOpportunity the review moves on by itself, Submitted → In
 * review → Approved, Action Required or Rejected, one stage per review delay, and each change sets a new
 * LastModifiedDate. The decision is fixed for the seeded scenarios (…01 and …19 Approved, …02 Action Required,
 * …20 Rejected) and drawn from the seed for other opportunities, so a run repeats itself. It also answers
 * GetAwsOpportunitySummary (AWS seller, AWS stage, insights, next-step history) from what the review decided, and
 * keeps UpdateOpportunity honest about the review: the AWS catalog refuses a partner setting the review, the
 * Sandbox lets one play AWS's part, and an update of an Action Required opportunity sends it back into review.
 */
final class ReviewSimulation {

    static final String SUBMITTED = "Submitted";
    static final String IN_REVIEW = "In review";
    static final String APPROVED = "Approved";
    static final String ACTION_REQUIRED = "Action Required";
    static final String REJECTED = "Rejected";

    /** The fields the model's LifeCycle.ReviewStatus documentation leaves editable under Action Required. */
    static final List<String> EDITABLE_UNDER_ACTION_REQUIRED = List.of("Customer.Account.Address.City",
            "Customer.Account.Address.CountryCode", "Customer.Account.Address.PostalCode",
            "Customer.Account.Address.StateOrRegion", "Customer.Account.Address.StreetAddress",
            "Customer.Account.WebsiteUrl", "LifeCycle.TargetCloseDate", "Project.ExpectedCustomerSpend",
            "Project.CustomerBusinessProblem", "PartnerOpportunityIdentifier");

    static final String WEBSITE_AND_PROBLEM_COMMENTS = "Please verify Customer.Account.WebsiteUrl: the customer "
            + "website could not be matched to the customer's company. Please describe "
            + "Project.CustomerBusinessProblem in more detail: what the customer needs to solve and why AWS.";
    static final String WEBSITE_AND_PROBLEM_REASON = "Customer website and business problem need more detail";
    static final String REJECTED_REASON = "Duplicate of an existing AWS opportunity";

    private static final Logger LOG = LoggerFactory.getLogger(ReviewSimulation.class);
    /** One review under way: its generation (a newer one cancels it) and whether it is a resubmission. */
    private record Pending(long generation, boolean resubmission) {
    }

    /** What AWS decided and when, for GetAwsOpportunitySummary (not persisted: derived again after a restart). */
    private record Decision(String status, Instant when) {
    }

    private final PartnerCentralState state;
    private final Supplier<Instant> clock;
    private final ScheduledExecutorService scheduler;
    private final long seed;
    private volatile Duration delay;
    /** Test hook (null: none): told before each stage of a review is written; may hold the review there. */
    private volatile PartnerCentralEmulator.ReviewHook hook;
    private final AtomicLong generations = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();

    ReviewSimulation(PartnerCentralState state, Supplier<Instant> clock, ScheduledExecutorService scheduler, long seed,
                     Duration delay) {
        this.state = state;
        this.clock = clock;
        this.scheduler = scheduler;
        this.seed = seed;
        this.delay = delay;
    }

    void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("review delay must not be negative");
        }
        this.delay = delay;
    }

    Duration delay() {
        return delay;
    }

    void setHook(PartnerCentralEmulator.ReviewHook hook) {
        this.hook = hook;
    }

    /** Forgets reviews under way and decisions (reset to the seed). */
    void clear() {
        pending.clear();
        decisions.clear();
    }

    // ---- hooks of the submission and update paths (called inside a state write) ----------------------------

    /**
     * The opportunity was just submitted (the task's SubmitOpportunity step or the SubmitOpportunity operation):
     * its review starts. {@code previousStatus} is its review status before the submission.
     */
    void submitted(String catalog, String opportunityId, String previousStatus) {
        start(catalog, opportunityId, ACTION_REQUIRED.equals(previousStatus));
    }

    /**
     * Checks an UpdateOpportunity before anything is written: the AWS catalog refuses a partner changing the
     * review (status, comments, reason) as the service does; the Sandbox allows it (AWS's samples simulate a
     * review that way).
     */
    void checkUpdate(CatalogState catalog, Opportunity current, JsonNode requested) {
        if (PartnerCentralState.SANDBOX.equals(catalog.name)) {
            return;
        }
        JsonNode now = current.content();
        for (String field : List.of("ReviewStatus", "ReviewComments", "ReviewStatusReason")) {
            String asked = WireJson.textAt(requested, "LifeCycle." + field);
            if (asked != null && !asked.equals(WireJson.textAt(now, "LifeCycle." + field))) {
                throw AwsError.businessValidation("LifeCycle." + field + " is set by AWS's review and can not be "
                        + "changed by the partner.", List.of(new FieldError("LifeCycle." + field,
                        "LifeCycle." + field + " is read-only", "ACTION_NOT_PERMITTED")));
            }
        }
    }

    /** Whether the Sandbox request plays AWS's part (sets a review status), so a read-only opportunity may change. */
    boolean sandboxDecides(CatalogState catalog, JsonNode requested) {
        return PartnerCentralState.SANDBOX.equals(catalog.name)
                && WireJson.textAt(requested, "LifeCycle.ReviewStatus") != null;
    }

    /**
     * What an accepted UpdateOpportunity stores. An Action Required opportunity takes only the fields the model
     * leaves editable, and goes back into review (Submitted, then In review and a new decision). A Sandbox update
     * that set the review status is AWS's decision: reviews under way stop, or start again if it set Submitted.
     */
    Opportunity afterUpdate(CatalogState catalog, Opportunity current, Opportunity next) {
        String before = current.reviewStatus();
        String after = next.reviewStatus();
        String key = key(catalog.name, current.id());
        if (!Objects.equals(before, after)) {
            // The Sandbox played AWS's part.
            pending.remove(key);
            if (SUBMITTED.equals(after) || IN_REVIEW.equals(after)) {
                start(catalog.name, current.id(), ACTION_REQUIRED.equals(before));
            } else if (APPROVED.equals(after) || REJECTED.equals(after) || ACTION_REQUIRED.equals(after)) {
                decisions.put(key, new Decision(after, next.lastModifiedDate()));
            }
            return next;
        }
        if (!ACTION_REQUIRED.equals(before)) {
            return next;
        }
        ObjectNode merged = current.content();
        JsonNode asked = next.content();
        for (String path : EDITABLE_UNDER_ACTION_REQUIRED) {
            copyPath(asked, merged, path);
        }
        ObjectNode lifeCycle = (ObjectNode) merged.get("LifeCycle");
        lifeCycle.put("ReviewStatus", SUBMITTED);
        lifeCycle.remove(List.of("ReviewComments", "ReviewStatusReason"));
        start(catalog.name, current.id(), true);
        LOG.debug("{}/{} updated under Action Required: back into review", catalog.name, current.id());
        return next.withContent(merged, next.lastModifiedDate());
    }

    // ---- the review itself -----------------------------------------------------------------------------------

    private void start(String catalog, String opportunityId, boolean resubmission) {
        Pending review = new Pending(generations.incrementAndGet(), resubmission);
        String key = key(catalog, opportunityId);
        pending.put(key, review);
        decisions.remove(key);
        schedule(catalog, opportunityId, review);
    }

    private void schedule(String catalog, String opportunityId, Pending review) {
        try {
            scheduler.schedule(() -> advance(catalog, opportunityId, review), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("emulator stopping; review of {} left as it is", opportunityId);
        }
    }

    /** One stage of a review: Submitted → In review, or In review → the decision. */
    private void advance(String catalogName, String opportunityId, Pending review) {
        try {
            PartnerCentralEmulator.ReviewHook observer = hook;
            if (observer != null) {
                String stage = state.readSettled(() -> nextStage(catalogName, opportunityId, review));
                if (stage == null) {
                    return; // reset, decided by hand, or a newer review took over
                }
                observer.beforeStage(catalogName, opportunityId, stage);
            }
            boolean more = state.write(() -> {
                String key = key(catalogName, opportunityId);
                CatalogState catalog = state.catalog(catalogName);
                Opportunity current = catalog.opportunities.get(opportunityId);
                if (current == null || !review.equals(pending.get(key))) {
                    return false; // reset, decided by hand, or a newer review took over
                }
                if (SUBMITTED.equals(current.reviewStatus())) {
                    catalog.opportunities.put(opportunityId, withReview(current, IN_REVIEW, null, null));
                    return true;
                }
                if (IN_REVIEW.equals(current.reviewStatus())) {
                    decide(catalog, current, decisionFor(catalogName, opportunityId, review.resubmission()), null);
                }
                return false;
            });
            if (more) {
                schedule(catalogName, opportunityId, review);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the emulator is stopping
        } catch (RuntimeException e) {
            LOG.warn("review of {} failed in the emulator", opportunityId, e);
        }
    }

    /**
     * The stage this review writes next (In review, or the decision), as the hook is told it; null when the review
     * has nothing more to write. Read under the writers' lock (the review may have been started inside a write that
     * is not over yet); {@link #advance} checks again when it writes, as the hook may have held it meanwhile.
     */
    private String nextStage(String catalogName, String opportunityId, Pending review) {
        CatalogState catalog = state.catalog(catalogName);
        Opportunity current = catalog == null ? null : catalog.opportunities.get(opportunityId);
        if (current == null || !review.equals(pending.get(key(catalogName, opportunityId)))) {
            return null;
        }
        if (SUBMITTED.equals(current.reviewStatus())) {
            return IN_REVIEW;
        }
        if (IN_REVIEW.equals(current.reviewStatus())) {
            return decisionFor(catalogName, opportunityId, review.resubmission());
        }
        return null;
    }

    /**
     * Forces a decision for one opportunity (admin endpoint, for trainers and tests): {@code Approved},
     * {@code Action Required}, {@code Rejected}, or {@code In review}/{@code Submitted} to (re)start the review.
     * Comments or reason, when given, replace the simulated ones. Returns the opportunity as stored.
     */
    Opportunity force(String catalogName, String opportunityId, String status, String text) {
        CatalogState catalog = state.catalog(catalogName);
        if (catalog == null) {
            throw new IllegalArgumentException("catalog must be AWS or Sandbox");
        }
        if (!List.of(SUBMITTED, IN_REVIEW, APPROVED, ACTION_REQUIRED, REJECTED).contains(status)) {
            throw new IllegalArgumentException("decision must be one of Submitted, In review, Approved, "
                    + "Action Required, Rejected");
        }
        return state.write(() -> {
            Opportunity current = catalog.opportunities.get(opportunityId);
            if (current == null) {
                throw new IllegalArgumentException("no opportunity " + opportunityId + " in " + catalogName);
            }
            String key = key(catalogName, opportunityId);
            pending.remove(key);
            if (SUBMITTED.equals(status) || IN_REVIEW.equals(status)) {
                Opportunity next = withReview(current, status, null, null);
                catalog.opportunities.put(opportunityId, submittedIfNeeded(next, current));
                start(catalogName, opportunityId, ACTION_REQUIRED.equals(current.reviewStatus()));
                return catalog.opportunities.get(opportunityId);
            }
            return decide(catalog, submittedIfNeeded(current, current), status, text);
        });
    }

    /** An opportunity AWS reviews has an AWS submission; a forced review of a fresh one gets a Co-Sell one. */
    private Opportunity submittedIfNeeded(Opportunity opportunity, Opportunity was) {
        if (was.involvementType() != null) {
            return opportunity;
        }
        Opportunity submitted = opportunity.submitted("Co-Sell", "Full", opportunity.lastModifiedDate());
        return submitted.withContent(opportunity.content(), opportunity.lastModifiedDate());
    }

    private Opportunity decide(CatalogState catalog, Opportunity current, String status, String text) {
        Opportunity next = switch (status) {
            case ACTION_REQUIRED -> withReview(current, status, text != null ? text : WEBSITE_AND_PROBLEM_COMMENTS,
                    WEBSITE_AND_PROBLEM_REASON);
            case REJECTED -> withReview(current, status, null, text != null ? text : REJECTED_REASON);
            default -> withReview(current, status, null, null);
        };
        catalog.opportunities.put(current.id(), next);
        decisions.put(key(catalog.name, current.id()), new Decision(status, next.lastModifiedDate()));
        LOG.debug("review of {}/{}: {}", catalog.name, current.id(), status);
        return next;
    }

    /** The decision of a review: fixed for the seeded scenarios, else drawn from the seed and the id. */
    String decisionFor(String catalog, String opportunityId, boolean resubmission) {
        long number;
        try {
            number = Long.parseLong(opportunityId.substring(1)) - SeedData.base(catalog);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number == SeededScenario.SUBMITTABLE.ordinal() + 1
                || number == SeededScenario.SUBMITTABLE_COMMITTED.ordinal() + 1) {
            return APPROVED;
        }
        if (number == SeededScenario.SUBMITTABLE_SECOND.ordinal() + 1) {
            return resubmission ? APPROVED : ACTION_REQUIRED;
        }
        if (number == SeededScenario.SUBMITTABLE_NON_US.ordinal() + 1) {
            return REJECTED;
        }
        int roll = new SplittableRandom(seed * 31 + opportunityId.hashCode() * 17L + catalog.hashCode()).nextInt(100);
        if (resubmission) {
            return roll < 85 ? APPROVED : REJECTED;
        }
        return roll < 60 ? APPROVED : roll < 85 ? ACTION_REQUIRED : REJECTED;
    }

    private Opportunity withReview(Opportunity current, String status, String comments, String reason) {
        ObjectNode content = current.content();
        ObjectNode lifeCycle = content.has("LifeCycle") && content.get("LifeCycle").isObject()
                ? (ObjectNode) content.get("LifeCycle") : content.putObject("LifeCycle");
        lifeCycle.put("ReviewStatus", status);
        lifeCycle.remove(List.of("ReviewComments", "ReviewStatusReason"));
        WireJson.put(lifeCycle, "ReviewComments", comments);
        WireJson.put(lifeCycle, "ReviewStatusReason", reason);
        return current.withContent(content, Operations.laterThan(clock, current.lastModifiedDate()));
    }

    // ---- GetAwsOpportunitySummary ----------------------------------------------------------------------------

    /** The AWS opportunity of a submitted partner opportunity, as far as AWS's review has got. */
    ObjectNode awsSummary(CatalogState catalog, Opportunity opportunity) {
        Decision decision = decisions.get(key(catalog.name, opportunity.id()));
        Instant decided = decision != null && decision.status().equals(opportunity.reviewStatus()) ? decision.when()
                : opportunity.lastModifiedDate();
        return AwsOpportunitySummaryView.of(catalog, opportunity, seed, decided);
    }

    private static void copyPath(JsonNode from, ObjectNode to, String path) {
        String[] parts = path.split("\\.");
        JsonNode source = from;
        ObjectNode target = to;
        for (int i = 0; i < parts.length - 1; i++) {
            source = source == null ? null : source.get(parts[i]);
            JsonNode child = target.get(parts[i]);
            target = child instanceof ObjectNode object ? object : target.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode value = source == null ? null : source.get(last);
        if (value == null || value.isNull()) {
            target.remove(last);
        } else {
            target.set(last, value.deepCopy());
        }
    }

    private static String key(String catalog, String opportunityId) {
        return catalog + "/" + opportunityId;
    }
}
