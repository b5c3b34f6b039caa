package app.cosell;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.engagement.EngagementRunner;
import app.cosell.engagement.ServiceTruth;
import app.cosell.engagement.TrackingPause;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.Visibility;
import app.cosell.partner.AwsProfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's reconnect: 30 tasks running through the app's own wiring (AppContext, its one executor, its runner,
 * the embedded emulator over HTTP) while the rep reconnects, which closes the old SDK client under them. Every task
 * must be tracked to COMPLETE on the new connection, with no failure and no Retry on offer at any point.
 */
@Tag("reliability")
class ReconnectWhileTasksRunTest {

    private static final int TASKS = 30;

    @TempDir Path dataDir;
    @TempDir Path none;

    @Test
    void aReconnectWith30RunningTasksTracksAllToCompleteWithoutRetry() throws Exception {
        AppContext ctx = new AppContext(new AppContext.Options(dataDir,
                new AwsProfiles(none.resolve("config"), none.resolve("credentials"), null, none.resolve("sso")),
                new AppContext.EmulatorSetup(TASKS + 60, Duration.ofMillis(10), false), Duration.ofMillis(20)));
        try {
            ctx.connect();
            PartnerCentralEmulator emulator = ctx.embeddedEmulator();
            List<String> ids = ServiceTruth.cleanOpportunities(ctx.partnerCentral(), TASKS);
            // Every task is held before its snapshot step until the reconnect is done: they are all mid-run.
            CountDownLatch release = new CountDownLatch(1);
            emulator.setStepHook((taskId, step) -> {
                if (step.equals("CreateResourceSnapshot")) release.await();
            });
            EngagementRunner runner = ctx.runner();
            Set<String> started = ConcurrentHashMap.newKeySet();
            CountDownLatch allStarted = new CountDownLatch(TASKS);
            AtomicBoolean reconnected = new AtomicBoolean();
            List<TaskProgress> afterReconnect = new CopyOnWriteArrayList<>();
            List<Future<TaskProgress>> tasks = new ArrayList<>();
            for (String id : ids) {
                tasks.add(ctx.executor().submit(() -> runner.start(new StartEngagementRequest(Catalog.Sandbox, id,
                        InvolvementType.CO_SELL, Visibility.FULL, List.of()), p -> {
                    if (p.isStarted() && started.add(p.localId())) allStarted.countDown();
                    if (reconnected.get()) afterReconnect.add(p);
                })));
            }
            assertThat(allStarted.await(120, TimeUnit.SECONDS)).as("all 30 started").isTrue();

            ctx.connect(); // the rep reconnects: the old gateway (and its SDK client) is closed
            reconnected.set(true);
            release.countDown();

            for (Future<TaskProgress> f : tasks) {
                TaskProgress done = f.get(120, TimeUnit.SECONDS);
                assertThat(done.status()).as(done.request().opportunityId()).isEqualTo(TaskStatus.COMPLETE);
                assertThat(done.failure()).isNull();
                assertThat(EngagementRunner.retryPlan(done)).isEqualTo(EngagementRunner.RetryPlan.NOTHING);
            }
            // Nothing the rep saw after the reconnect was a failure (a pause at most): no Retry was ever offered.
            assertThat(afterReconnect).allSatisfy(p -> assertThat(p.failure() == null
                    || TrackingPause.of(p).isPresent()).as(p.localId() + " " + p.failure()).isTrue());
            emulator.setStepHook(null);
            ServiceTruth.assertHistoryMatchesService(ctx.history(), ids, ctx.partnerCentral());
        } finally {
            ctx.close();
        }
    }
}
