package app.cosell.engagement;

import app.cosell.emulator.SeededScenario;
import app.cosell.files.AppJson;
import app.cosell.model.StepProgress;
import app.cosell.model.StepState;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.model.TaskStep;
import app.cosell.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls per tracked task and how far the step view lags the emulator's real progress, with the standard poll
 * schedule. The emulator runs step k (1..6) at start + k × step delay, so a 1-s delay is a 6-second task.
 * Run: {@code ./mvnw -B -Pbench test -Dtest=EngagementTrackingBenchmark}; the figures go to stdout and to
 * {@code target/benchmarks/engagement-tracking.txt}.
 */
@Tag("benchmark")
class EngagementTrackingBenchmark {

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox();
    static final List<String> report = new ArrayList<>();
    @TempDir Path dataDir;

    @AfterAll
    static void writeReport() throws Exception {
        Path out = Path.of("target", "benchmarks", "engagement-tracking.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    @ParameterizedTest(name = "step delay {0} ms")
    @ValueSource(ints = {1000, 1000, 1000, 500, 2000})
    void tracksASlowTaskWithinTheCallBudgetAndLagTarget(int stepDelayMillis) throws Exception {
        pc.reset();
        Duration stepDelay = Duration.ofMillis(stepDelayMillis);
        pc.emulator().setStepDelay(stepDelay);
        TaskHistory history = TaskHistory.open(dataDir, AppJson.newMapper());
        EngagementRunner runner = new EngagementRunner(pc.partnerCentral(), history, Clock.systemUTC(), PollSchedule.standard());
        List<TaskProgress> snapshots = new CopyOnWriteArrayList<>();
        Instant[] answered = new Instant[1];

        TaskProgress done = runner.start(EngagementRunnerTest.request(SeededScenario.SUBMITTABLE.id("Sandbox")), p -> {
            if (p.isStarted() && answered[0] == null) answered[0] = Instant.now();
            snapshots.add(p);
        });

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        // The emulator schedules step k at (start answer) + k × delay; the answer leaves right after the task is created.
        Map<TaskStep, Duration> lag = new EnumMap<>(TaskStep.class);
        for (TaskStep step : TaskStep.values()) {
            Instant real = answered[0].plus(stepDelay.multipliedBy(step.ordinal() + 1));
            Instant shown = snapshots.stream().filter(p -> done(p.step(step))).map(TaskProgress::updatedAt)
                    .findFirst().orElseThrow();
            lag.put(step, Duration.between(real, shown));
        }
        Duration worstWithEvidence = lag.entrySet().stream().filter(e -> e.getKey() != TaskStep.GET_OPPORTUNITY)
                .map(Map.Entry::getValue).max(Duration::compareTo).orElseThrow();
        String line = String.format("task %5.1f s: %2d calls %s; lag per step (ms) %s; worst after GetOpportunity %d ms",
                stepDelay.multipliedBy(6).toMillis() / 1000.0, pc.totalCalls(), pc.callsByOperation(),
                lag.values().stream().map(Duration::toMillis).toList(), worstWithEvidence.toMillis());
        System.out.println(line);
        report.add(line);

        if (stepDelayMillis == 1000) {
            assertThat(pc.totalCalls()).as("calls for a 6-second task").isLessThanOrEqualTo(10);
            assertThat(worstWithEvidence).as("lag of the steps with evidence").isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    private static boolean done(StepProgress s) {
        return s.state() == StepState.DONE || s.state() == StepState.SKIPPED;
    }
}
