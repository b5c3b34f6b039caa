package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.testing.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementFromOpportunityTaskSummary;
import software.amazon.awssdk.services.partnercentralselling.model.OpportunitySummary;
import software.amazon.awssdk.services.partnercentralselling.model.ReviewStatus;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;

/** Ten thousand opportunities and many concurrent clients: nothing lost, nothing duplicated. */
class ScaleAndConcurrencyTest {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(10_000)
            .stepDelay(Duration.ofMillis(1));

    @Test
    void pagingThroughTenThousandOpportunitiesSeesEachOnce() {
        List<String> ids = new ArrayList<>();
        for (OpportunitySummary summary : pc.client().listOpportunitiesPaginator(r -> r.catalog("AWS").maxResults(100))
                .opportunitySummaries()) {
            ids.add(summary.id());
        }
        assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).contains("O10000001", "O10010000");
    }

    @Test
    void concurrentClientsStartTasksWithoutLossOrDuplication() throws Exception {
        // Pending Submission opportunities of the spread; each is started by two clients with two tokens.
        List<String> targets = pc.client().listOpportunitiesPaginator(r -> r.catalog("Sandbox").maxResults(100)
                        .lifeCycleReviewStatus(ReviewStatus.PENDING_SUBMISSION)
                        .sort(s -> s.sortBy("Identifier").sortOrder("DESCENDING")))
                .opportunitySummaries().stream().limit(60).map(OpportunitySummary::id).toList();
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        Set<String> taskIds = ConcurrentHashMap.newKeySet();
        Set<String> conflicts = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            futures.add(pool.submit(() -> {
                try (PartnerCentralSellingClient own = pc.newClient()) {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < targets.size(); i++) {
                        if (i % (clients / 2) != me % (clients / 2)) {
                            continue;
                        }
                        String id = targets.get(i);
                        // Two clients share each opportunity and the same token: one task between them.
                        try {
                            taskIds.add(id + "=" + own.startEngagementFromOpportunityTask(r -> r.catalog("Sandbox")
                                    .identifier(id).clientToken("shared-" + id)
                                    .awsSubmission(s -> s.involvementType("Co-Sell"))).taskId());
                        } catch (ConflictException e) {
                            conflicts.add(id);
                        }
                    }
                }
                return null;
            }));
        }
        ready.await();
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(conflicts).isEmpty();
        assertThat(taskIds).hasSize(targets.size());
        List<ListEngagementFromOpportunityTaskSummary> tasks = TaskAwait.until(
                () -> pc.client().listEngagementFromOpportunityTasksPaginator(r -> r.catalog("Sandbox")
                        .maxResults(1000)).taskSummaries().stream().toList(),
                list -> list.stream().noneMatch(t -> t.taskStatus() == TaskStatus.IN_PROGRESS),
                Duration.ofSeconds(60));
        assertThat(tasks).hasSize(targets.size());
        assertThat(tasks).extracting(ListEngagementFromOpportunityTaskSummary::opportunityId)
                .containsExactlyInAnyOrderElementsOf(targets);
        for (ListEngagementFromOpportunityTaskSummary task : tasks) {
            assertThat(taskIds).contains(task.opportunityId() + "=" + task.taskId());
        }
        List<String> engagements = tasks.stream().filter(t -> t.taskStatus() == TaskStatus.COMPLETE)
                .map(ListEngagementFromOpportunityTaskSummary::engagementId).toList();
        assertThat(engagements).doesNotHaveDuplicates();
        long completed = engagements.size();
        long submitted = targets.stream().filter(id -> pc.client().getOpportunity(r -> r.catalog("Sandbox")
                .identifier(id)).lifeCycle().reviewStatus() == ReviewStatus.SUBMITTED).count();
        assertThat(submitted).isEqualTo(completed);
        assertThat(completed).isGreaterThan(targets.size() / 2);
    }
}
