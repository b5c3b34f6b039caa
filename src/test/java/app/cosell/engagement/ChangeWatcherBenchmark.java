package app.cosell.engagement;

import app.cosell.files.JsonFileStore;
import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.model.Catalog;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read calls per change-watcher poll on a 10,000-opportunity pipeline with 0, 1 and 50 changes to opportunities the
 * rep submitted (the target: at most 2 reads when nothing changed). Run:
 * {@code ./mvnw -B -Pbench test -Dtest=ChangeWatcherBenchmark}; figures on stdout and in
 * {@code target/benchmarks/change-watcher.txt}.
 */
@Tag("benchmark")
class ChangeWatcherBenchmark {

    private static final int PIPELINE = 10_000;
    @TempDir Path dir;

    @Test
    void callsPerPollStayAHandfulHoweverLargeThePipeline() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<String> report = new ArrayList<>();
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.builder().port(0).randomCredentials()
                .opportunities(PIPELINE).throttling(false).start();
             PartnerCentral pc = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"),
                     null, Path.of("no-cache")), "bench")
                     .observedBy(op -> calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet())
                     .forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(),
                             Catalog.Sandbox)) {
            Set<String> submitted = new LinkedHashSet<>();
            for (int n = 0; n < 200; n++) submitted.add("O" + (20_000_100L + n * 37L));
            List<String> ids = List.copyOf(submitted);
            JsonFileStore<ChangeWatchStore.WatchState> file = new JsonFileStore<>(dir.resolve("watch.json"),
                    AppJson.newMapper(), ChangeWatchStore.WatchState.class, () -> ChangeWatchStore.WatchState.EMPTY);
            ChangeWatcher watcher = new ChangeWatcher(() -> pc, () -> submitted, ChangeWatchStore.inFile(file),
                    Clock.systemUTC(), Duration.ZERO);
            watcher.poll();
            int next = 0;
            for (int changes : new int[] {0, 1, 50}) {
                for (int i = 0; i < changes; i++) emulator.forceReview("Sandbox", ids.get(next++), "Approved", null);
                calls.clear();
                long started = System.nanoTime();
                int noticed = watcher.poll().size();
                long millis = (System.nanoTime() - started) / 1_000_000;
                Map<String, Integer> byOperation = new TreeMap<>();
                calls.forEach((k, v) -> byOperation.put(k, v.get()));
                int total = byOperation.values().stream().mapToInt(Integer::intValue).sum();
                String line = String.format("%,d opportunities, %2d changes: %2d read calls per poll %s, %d changes "
                        + "noticed, %d ms", PIPELINE, changes, total, byOperation, noticed, millis);
                System.out.println(line);
                report.add(line);
                if (changes == 0) assertThat(total).isLessThanOrEqualTo(2);
                assertThat(noticed).isEqualTo(changes);
            }
        }
        Path out = Path.of("target", "benchmarks", "change-watcher.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }
}
