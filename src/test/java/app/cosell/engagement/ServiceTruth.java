package app.cosell.engagement;

import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.partner.PartnerCentral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability suite's one verdict: the task history against the service's truth (ListEngagementFromOpportunityTasks
 * for each opportunity). Nothing lost (every service task is in the history, every intent ended with a task or a
 * refusal), nothing twice (one service task per intent, each task in one history entry), and the same outcome.
 */
public final class ServiceTruth {

    private ServiceTruth() {}

    /**
     * @param intents one per deliberate start: the opportunity ids started (each once)
     * @param pc      a gateway without injected faults in the way
     */
    public static void assertHistoryMatchesService(TaskHistory history, Collection<String> intents, PartnerCentral pc) {
        assertHistoryMatchesService(history, intents, pc, 1);
    }

    /** @param attempts deliberate attempts per opportunity (a Retry after a FAILED task is a second one) */
    public static void assertHistoryMatchesService(TaskHistory history, Collection<String> intents, PartnerCentral pc,
                                                   int attempts) {
        List<String> problems = new ArrayList<>();
        int tasks = 0;
        for (String opportunity : intents) {
            List<TaskAnswer> service = pc.tasksForOpportunity(opportunity);
            List<TaskProgress> entries = history.forOpportunity(opportunity);
            List<TaskProgress> withTask = entries.stream().filter(TaskProgress::isStarted).toList();
            tasks += service.size();
            if (service.size() > attempts) problems.add(opportunity + ": duplicated, " + service.size() + " tasks at the service");
            Map<String, TaskAnswer> byId = new HashMap<>();
            for (TaskAnswer a : service) byId.put(a.taskId(), a);
            for (TaskAnswer a : service) {
                long inHistory = withTask.stream().filter(t -> t.taskId().equals(a.taskId())).count();
                if (inHistory == 0) problems.add(opportunity + ": lost, task " + a.taskId() + " is not in the history");
                if (inHistory > 1) problems.add(opportunity + ": task " + a.taskId() + " in " + inHistory + " entries");
            }
            for (TaskProgress t : entries) {
                if (!t.isStarted()) {
                    if (!t.isEnded()) problems.add(opportunity + ": lost, entry " + t.localId() + " never confirmed");
                    continue;
                }
                TaskAnswer a = byId.get(t.taskId());
                if (a == null) problems.add(opportunity + ": history task " + t.taskId() + " unknown to the service");
                else if (a.status() != t.status()) problems.add(opportunity + ": history says " + t.status()
                        + ", the service " + a.status() + " for " + t.taskId());
                if (t.failure() != null) problems.add(opportunity + ": entry " + t.localId() + " left with failure "
                        + t.failure().kind() + " " + t.failure().errorCode());
            }
        }
        assertThat(problems).as("history against the service's truth (%d service tasks)", tasks).isEmpty();
    }

    /**
     * The first {@code n} opportunities (by id) a task would complete on, as the app's own readiness check sees them:
     * open for submission and without a certain failure.
     */
    public static List<String> cleanOpportunities(PartnerCentral pc, int n) {
        List<String> ids = new ArrayList<>();
        pc.pages(app.cosell.model.OpportunityQuery.all(), 100).forEach(page -> page.opportunities()
                .forEach(o -> ids.add(o.id())));
        ids.sort(null);
        ReadinessCheck check = new ReadinessCheck();
        List<String> clean = new ArrayList<>();
        for (String id : ids) {
            if (clean.size() >= n) break;
            app.cosell.model.Opportunity o = pc.getOpportunity(id);
            app.cosell.model.ReviewStatus r = o.lifeCycle() == null ? null : o.lifeCycle().reviewStatus();
            boolean open = r == null || r == app.cosell.model.ReviewStatus.PENDING_SUBMISSION
                    || r == app.cosell.model.ReviewStatus.ACTION_REQUIRED;
            if (open && check.check(o, app.cosell.model.InvolvementType.CO_SELL, java.time.LocalDate.now()).stream()
                    .noneMatch(i -> i.severity() == ReadinessIssue.Severity.WILL_FAIL)) clean.add(id);
        }
        assertThat(clean).as("clean opportunities in the seeded data").hasSize(n);
        return clean;
    }
}
