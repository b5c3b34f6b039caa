package app.cosell.engagement;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.files.AppJson;
import app.cosell.model.Batch;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.store.BatchQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch throughput against the write quota: 300 Starts under the emulator's 1 write/s quota with 10% of them
 * throttled. Prints items per second against the quota's 1.0 (target ≥ 0.95). On demand:
 * {@code ./mvnw -B -Pbench test -Dtest=BatchThroughputBenchmark} (about six minutes).
 */
@Tag("benchmark")
class BatchThroughputBenchmark {

    static final int ITEMS = Integer.getInteger("cosell.bench.batchItems", 300);

    @TempDir Path dataDir;

    @Test
    void startsPerSecondUnderTheQuotaWithTenPercentThrottling() throws Exception {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.builder().port(0).randomCredentials()
                .opportunities(2000).stepDelay(Duration.ZERO).instant(true).throttling(true).start();
             PartnerCentral pc = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                     Path.of("no-cache")), "bench").forEmulator(emulator.endpoint(), emulator.accessKeyId(),
                     emulator.secretAccessKey(), Catalog.Sandbox);
             BatchQueue queue = BatchQueue.open(dataDir);
             var executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            TaskHistory history = TaskHistory.open(dataDir, AppJson.newMapper());
            List<String> candidates = new ArrayList<>();
            String token = null;
            do {
                OpportunityPage page = pc.listOpportunities(OpportunityQuery.all()
                        .withReviewStatuses(List.of(ReviewStatus.PENDING_SUBMISSION)), token, 100);
                for (OpportunitySummary s : page.opportunities()) candidates.add(s.id());
                token = page.nextToken();
            } while (token != null && candidates.size() < ITEMS * 2);
            BatchTriage.Result triage = new BatchTriage(pc, history, Clock.systemUTC())
                    .triage(candidates, InvolvementType.CO_SELL, e -> {});
            BatchTriage.Result kept = new BatchTriage.Result(triage.ready().subList(0, ITEMS), List.of(), List.of());
            emulator.faults().failRandomly("StartEngagementFromOpportunityTask", "ThrottlingException", 0.10);

            Batch settings = new Batch("new", Catalog.Sandbox, InvolvementType.CO_SELL, Visibility.FULL, List.of(),
                    Batch.Status.RUNNING, null, null);
            Batch batch = BatchRun.plan(queue, settings, kept, Map.of(), (k, a) -> k, Clock.systemUTC());
            // As in the app: every call paced by the call budget (1 write/s).
            PacedPartnerCentral paced = new PacedPartnerCentral(pc, new CallBudget(null, Clock.systemUTC()));
            EngagementRunner runner = new EngagementRunner(paced, history);
            BatchRun run = new BatchRun(batch.id(), queue, history, runner, executor, Clock.systemUTC());
            Instant t0 = Instant.now();
            BatchRun.Progress end = run.run(BatchRun.Listener.NONE);
            Instant t1 = Instant.now();

            List<Instant> answered = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) run.task(i).map(TaskProgress::startTime).ifPresent(answered::add);
            answered.sort(Comparator.naturalOrder());
            double seconds = Duration.between(t0, t1).toMillis() / 1000.0;
            double rate = (ITEMS - 1) / (Duration.between(answered.getFirst(), answered.getLast()).toMillis() / 1000.0);
            String line = String.format("batch throughput: %d items, 10%% throttled, %.1f s wall, %.3f items/s between "
                    + "the first and the last start (quota 1.0, target >= 0.95); %d complete", ITEMS, seconds, rate, end.done());
            System.out.println(line);
            Path out = Path.of("target", "benchmarks", "batch-throughput.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + System.lineSeparator());
            assertThat(end.done()).isEqualTo(ITEMS);
        }
    }
}
