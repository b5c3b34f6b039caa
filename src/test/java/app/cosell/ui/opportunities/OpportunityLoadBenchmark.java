package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ui.ConsoleHarness;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long the FX thread stalls while 10,000 opportunities load into the table over HTTP from the embedded emulator
 * (target: no frame gap above 50 ms). The console is opened and the emulator seeded first; the measured part is a
 * full Refresh (F5) of the 10,000 rows, with an {@link AnimationTimer} recording the gap between frames.
 * Run: {@code ./mvnw -Pbench test -Dtest=OpportunityLoadBenchmark}. Prints one {@code BENCHMARK} line.
 */
@Tag("benchmark")
class OpportunityLoadBenchmark {

    private static final int ROWS = 10_000;

    @Test
    void tenThousandRowsLoadWithoutStallingTheFxThread() throws Exception {
        ConsoleHarness console = ConsoleHarness.open(ConsoleHarness.newDataDir("bench"), ROWS, Duration.ZERO, null);
        try {
            OpportunityListModel list = console.window.listModel();
            List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
            List<Long> cpu = Collections.synchronizedList(new ArrayList<>());
            long[] last = {0, 0};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            AnimationTimer frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // Wall time between frames (includes waiting for a CPU on a busy machine), and the CPU time the
                    // FX thread itself spent between them (its own work: drains, layout, rendering).
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    if (last[0] != 0) {
                        gaps.add(now - last[0]);
                        cpu.add(cpuNow - last[1]);
                        if (cpuNow - last[1] > 30_000_000L || now - last[0] > 100_000_000L) {
                            System.out.printf("BENCHMARK frame gap=%d ms fx-cpu=%d ms rows=%d%n", (now - last[0]) / 1_000_000,
                                    (cpuNow - last[1]) / 1_000_000, list.rows().size());
                        }
                    }
                    last[0] = now;
                    last[1] = cpuNow;
                }
            };
            System.gc();
            long start = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> {
                frames.start();
                list.refresh();
            }).get();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !list.rows().isEmpty());
            long firstRows = System.nanoTime() - start;
            console.waitForFullList();
            long all = System.nanoTime() - start;
            WaitForAsyncUtils.asyncFx(frames::stop).get();

            List<Long> sorted = new ArrayList<>(gaps);
            Collections.sort(sorted);
            long worst = TimeUnit.NANOSECONDS.toMillis(sorted.getLast());
            long p99 = TimeUnit.NANOSECONDS.toMillis(sorted.get((int) (sorted.size() * 0.99)));
            long over50 = sorted.stream().filter(g -> g > 50_000_000L).count();
            long worstCpu = TimeUnit.NANOSECONDS.toMillis(Collections.max(cpu));
            String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).strip() : "?";
            System.out.printf("BENCHMARK rows=%d first-page=%d ms all-rows=%d ms frames=%d longest-frame-gap=%d ms "
                            + "p99-gap=%d ms gaps-over-50ms=%d longest-fx-cpu-between-frames=%d ms loadavg=%s%n", list.rows().size(),
                    TimeUnit.NANOSECONDS.toMillis(firstRows), TimeUnit.NANOSECONDS.toMillis(all), sorted.size(),
                    worst, p99, over50, worstCpu, load);
            assertThat(list.rows()).hasSize(ROWS);
            assertThat(worst).as("longest FX-thread stall while 10,000 rows load").isLessThanOrEqualTo(50);
        } finally {
            console.close();
        }
    }
}
