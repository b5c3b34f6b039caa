package app.cosell.emulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementFromOpportunityTaskSummary;
import software.amazon.awssdk.services.partnercentralselling.model.TaskStatus;

/** Waiting for a condition the emulator reaches asynchronously, with a deadline instead of fixed sleeps. */
final class TaskAwait {

    private TaskAwait() {
    }

    static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + timeout + "; last value: " + value);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    static ListEngagementFromOpportunityTaskSummary task(PartnerCentralSellingClient client, String catalog,
                                                         String taskId) {
        return client.listEngagementFromOpportunityTasks(r -> r.catalog(catalog).taskIdentifier(taskId))
                .taskSummaries().getFirst();
    }

    static ListEngagementFromOpportunityTaskSummary finished(PartnerCentralSellingClient client, String catalog,
                                                             String taskId) {
        return until(() -> task(client, catalog, taskId), t -> t.taskStatus() != TaskStatus.IN_PROGRESS,
                Duration.ofSeconds(20));
    }
}
