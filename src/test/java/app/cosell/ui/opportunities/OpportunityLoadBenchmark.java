package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.ui.ConsoleHarness;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long the FX thread stalls while 10,000 opportunities load into the table over HTTP from the embedded emulator
 * (target: no frame gap above 50 ms). The console is opened and the emulator seeded first; the measured part is a
 * full Refresh (F5) of the 10,000 rows, with an {@link AnimationTimer} recording the gap between frames and the FX
 * thread's own CPU time in each gap. A flight recording (FX-thread samples every 2 ms, class loads, JIT compilations,
 * GC pauses) says what the slowest gaps consisted of.
 * A second F5 right after says how much of the first was warm-up. Each change of the row count is counted
 * (row-count-changes=): every one makes the table lay out and restyle each visible row again.
 * The {@code bench} profile runs it with the app's own JVM options ({@code app.jvm.options} in the pom: C1 only,
 * SerialGC, 512 MB heap) appended to the tests' ones, so it measures the JIT and GC reps run; the summary line names
 * the JIT and heap options the JVM got.
 * Run: {@code ./mvnw -Pbench test -Dtest=OpportunityLoadBenchmark}. Prints {@code BENCHMARK} lines; the summary is last.
 */
@Tag("benchmark")
class OpportunityLoadBenchmark {

    private static final int ROWS = 10_000;
    private static final String FX_THREAD = "JavaFX Application Thread";

    /** One frame: when it ran, the gap since the previous one, the FX thread's CPU in that gap, rows loaded then. */
    private record Frame(Instant at, long gapNanos, long cpuNanos, int rows, long sinceStartNanos, long renderNanos,
                         long processNanos) {}

    @Test
    void tenThousandRowsLoadWithoutStallingTheFxThread() throws Exception {
        ConsoleHarness console = ConsoleHarness.open(ConsoleHarness.newDataDir("bench"), ROWS, Duration.ZERO, null);
        Path jfr = Files.createTempFile("opportunity-load", ".jfr");
        try (Recording recording = new Recording()) {
            OpportunityListModel list = console.window.listModel();
            List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
            long[] last = {0, 0, 0, 0, 0};
            long renderThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::threadId).findFirst().orElse(-1);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            int[] appends = {0};
            list.rows().addListener((javafx.collections.ListChangeListener<OpportunitySummary>) c -> {
                while (c.next()) if (c.getAddedSize() != c.getRemovedSize()) { appends[0]++; break; }
            });
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // Wall time between frames (includes waiting for a CPU on a busy machine), and the CPU time the
                    // FX thread itself spent between them (its own work: drains, CSS, layout, rendering).
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    long renderNow = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
                    long processNow = os.getProcessCpuTime();
                    if (last[0] != 0) {
                        frames.add(new Frame(Instant.now(), now - last[0], cpuNow - last[1], list.rows().size(), now - last[2],
                                renderNow - last[3], processNow - last[4]));
                    }
                    last[0] = now;
                    last[1] = cpuNow;
                    last[3] = renderNow;
                    last[4] = processNow;
                }
            };
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(2));
            recording.enable("jdk.ClassLoad").withoutThreshold();
            recording.enable("jdk.Compilation").withoutThreshold();
            recording.enable("jdk.GarbageCollection").withoutThreshold();
            System.gc();
            recording.start();
            long[] firstF5 = pressRefresh(list, console, timer, last);
            long firstRows = firstF5[0];
            long all = firstF5[1];
            recording.stop();
            recording.dump(jfr);
            int appendsFirst = appends[0];

            // The same F5 again, warmer: how much of the first one was warm-up (class loading, JIT).
            List<Frame> firstFrames = new ArrayList<>(frames);
            frames.clear();
            appends[0] = 0;
            last[0] = 0;
            long againAll = pressRefresh(list, console, timer, last)[1];
            List<Frame> again = new ArrayList<>(frames);
            again.sort(Comparator.comparingLong(Frame::gapNanos));
            Frame againWorst = again.getLast();
            System.out.printf("BENCHMARK second F5: row-count-changes=%d frames=%d gaps-over-50ms=%d frame-gap p50=%d p90=%d p99=%d "
                            + "max=%d ms at %d ms with %d rows (fx-cpu %d ms, render-cpu %d ms, other threads' cpu %d ms); "
                            + "longest fx-cpu between frames=%d ms; all rows in %d ms%n",
                    appends[0], again.size(), again.stream().filter(f -> f.gapNanos() > 50_000_000L).count(),
                    ms(pct(again, 0.50)), ms(pct(again, 0.90)), ms(pct(again, 0.99)), ms(againWorst.gapNanos()),
                    ms(againWorst.sinceStartNanos()), againWorst.rows(), ms(againWorst.cpuNanos()), ms(againWorst.renderNanos()),
                    ms(againWorst.processNanos() - againWorst.cpuNanos() - againWorst.renderNanos()),
                    ms(again.stream().mapToLong(Frame::cpuNanos).max().orElse(0)), ms(againAll));
            frames.clear();
            frames.addAll(firstFrames);

            List<Frame> byGap = new ArrayList<>(frames);
            byGap.sort(Comparator.comparingLong(Frame::gapNanos));
            Frame worst = byGap.getLast();
            long over50 = byGap.stream().filter(f -> f.gapNanos() > 50_000_000L).count();
            Frame worstCpu = frames.stream().max(Comparator.comparingLong(Frame::cpuNanos)).orElseThrow();
            List<Frame> slowest = byGap.reversed().subList(0, Math.min(5, byGap.size()));
            for (Frame f : slowest) {
                System.out.printf("BENCHMARK slow frame: gap=%d ms fx-cpu=%d ms render-cpu=%d ms other-cpu=%d ms at=%d ms rows=%d%n",
                        ms(f.gapNanos()), ms(f.cpuNanos()), ms(f.renderNanos()),
                        ms(f.processNanos() - f.cpuNanos() - f.renderNanos()), ms(f.sinceStartNanos()), f.rows());
                explain(jfr, f);
            }
            String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).strip() : "?";
            System.out.printf("BENCHMARK rows=%d first-page=%d ms all-rows=%d ms row-count-changes=%d frames=%d gaps-over-50ms=%d "
                            + "frame-gap p50=%d p90=%d p99=%d max=%d ms; longest gap at %d ms with %d rows shown (fx-cpu %d ms, "
                            + "render-cpu %d ms, other threads' cpu %d ms); "
                            + "longest fx-cpu between frames=%d ms at %d ms with %d rows; loadavg=%s; jvm=%s%n",
                    list.rows().size(), ms(firstRows), ms(all), appendsFirst, byGap.size(), over50,
                    ms(pct(byGap, 0.50)), ms(pct(byGap, 0.90)), ms(pct(byGap, 0.99)), ms(worst.gapNanos()),
                    ms(worst.sinceStartNanos()), worst.rows(), ms(worst.cpuNanos()), ms(worst.renderNanos()),
                    ms(worst.processNanos() - worst.cpuNanos() - worst.renderNanos()),
                    ms(worstCpu.cpuNanos()), ms(worstCpu.sinceStartNanos()), worstCpu.rows(), load, jvmOptions());
            assertThat(list.rows()).hasSize(ROWS);
            assertThat(ms(worst.gapNanos())).as("longest FX-thread stall while 10,000 rows load").isLessThanOrEqualTo(50);
        } finally {
            console.close();
            Files.deleteIfExists(jfr);
        }
    }

    /** What the FX thread did during the gap that ended with {@code f}: pulse phases, hottest frames, class loads. */
    private static void explain(Path jfr, Frame f) throws Exception {
        Instant from = f.at().minusNanos(f.gapNanos());
        Instant to = f.at();
        long gcNanos = 0;
        Map<String, Integer> hot = new HashMap<>();
        int samples = 0;
        int classLoads = 0;
        long compilations = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEndTime().isBefore(from) || e.getStartTime().isAfter(to)) continue;
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.GarbageCollection" -> gcNanos += e.getDuration().toNanos();
                case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> {
                    RecordedThread t = e.getThread("sampledThread");
                    if (t == null || !FX_THREAD.equals(t.getJavaName())) continue;
                    samples++;
                    hot.merge(describe(e.getStackTrace()), 1, Integer::sum);
                }
                case "jdk.ClassLoad" -> {
                    if (e.getThread() != null && FX_THREAD.equals(e.getThread().getJavaName())) classLoads++;
                }
                case "jdk.Compilation" -> compilations++;
                default -> {}
            }
        }
        System.out.printf("BENCHMARK   fx samples=%d, classes loaded on the FX thread=%d, JIT compilations (all threads)=%d, "
                + "GC pauses=%d ms%n", samples, classLoads, compilations, ms(gcNanos));
        hot.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(h -> System.out.printf("BENCHMARK   %3d x %s%n", h.getValue(), h.getKey()));
    }

    /** The top of a stack, plus the first frames of ours / of the controls, which say who asked for the work. */
    private static String describe(RecordedStackTrace st) {
        if (st == null) return "?";
        List<RecordedFrame> fs = st.getFrames();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fs.size() && parts.size() < 3; i++) parts.add(name(fs.get(i)));
        for (RecordedFrame fr : fs) {
            String n = name(fr);
            if ((n.startsWith("app.cosell") || n.contains("TableView") || n.contains("VirtualFlow")
                    || n.contains("javafx.collections") || n.contains("Parent.") || n.contains("Scene$ScenePulseListener"))
                    && !parts.contains(n)) {
                parts.add(n);
                if (parts.size() >= 6) break;
            }
        }
        return String.join(" < ", parts);
    }

    private static String name(RecordedFrame fr) {
        String cls = fr.getMethod().getType().getName();
        return cls.substring(cls.lastIndexOf('.', cls.lastIndexOf('.') - 1) + 1) + "." + fr.getMethod().getName();
    }

    /** The JIT, GC and heap options this JVM got (the last of each wins). */
    private static String jvmOptions() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xm")).toList());
    }

    private static long pct(List<Frame> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))).gapNanos();
    }

    /**
     * One F5, timed from the press with the frame timer running: {first rows, all rows} in nanoseconds. The first rows
     * are the load's own (a reload keeps the previous rows on screen until its first page replaces them).
     */
    private static long[] pressRefresh(OpportunityListModel list, ConsoleHarness console, AnimationTimer timer,
                                       long[] last) throws Exception {
        long start = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> {
            last[2] = System.nanoTime();
            timer.start();
            list.refresh();
        }).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.loadedProperty().get() > 0);
        long firstRows = System.nanoTime() - start;
        console.waitForFullList();
        long all = System.nanoTime() - start;
        WaitForAsyncUtils.asyncFx(timer::stop).get();
        return new long[] {firstRows, all};
    }

    private static long ms(long nanos) { return TimeUnit.NANOSECONDS.toMillis(nanos); }
}
