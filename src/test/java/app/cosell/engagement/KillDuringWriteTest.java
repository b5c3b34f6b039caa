package app.cosell.engagement;

import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ChildJvm;
import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.model.TaskProgress;
import app.cosell.store.PipelineStore;
import app.cosell.store.StoreFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of writing: the child process reports each completed write, is killed with SIGKILL
 * while it keeps writing, and the store it leaves must open, pass SQLite's integrity check and hold every write the
 * child reported done.
 */
class KillDuringWriteTest {

    @TempDir Path dataDir;

    /** Starts the child, reads "done N" lines until {@code n}, then kills it; returns the last N read and its line. */
    static String[] killAfter(ProcessBuilder pb, int n) throws Exception {
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        String[] last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("done ")) continue;
                last = line.split(" ");
                if (Integer.parseInt(last[1]) >= n) {
                    child.destroyForcibly(); // SIGKILL on Linux and macOS
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(last).as("the child reported writes").isNotNull();
        return last;
    }

    static void integrityOk(Path file) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void killedDuringHistoryWritesTheStoreOpensWithEveryCompletedSnapshot() throws Exception {
        String[] last = killAfter(ChildJvm.command(dataDir, Map.of(), CrashChild.class.getName(), "history"), 300);
        int done = Integer.parseInt(last[1]);

        integrityOk(StoreFiles.appFile(dataDir));
        try (TaskHistory history = TaskHistory.open(dataDir, AppJson.newMapper())) {
            assertThat(history.all().size()).isGreaterThanOrEqualTo(done);
            for (int i = 1; i <= done; i++) assertThat(history.find("local-" + i)).as("local-" + i).isPresent();
            history.save(TaskProgress.requested("after", StepInferenceTest.REQUEST, "t", 1, java.time.Instant.now()));
        }
    }

    @Test
    void killedDuringASyncTheStoreOpensWithEveryStoredPageAndTheNextSyncCompletesIt() throws Exception {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.builder().port(0).randomCredentials()
                .opportunities(1_500).stepDelay(Duration.ZERO).throttling(false).start()) {
            killAfter(ChildJvm.command(dataDir, Map.of(), CrashChild.class.getName(), "sync",
                    emulator.endpoint().toString(), emulator.accessKeyId(), emulator.secretAccessKey()), 4);

            Path file = dataDir.resolve("pipeline.db");
            integrityOk(file);
            try (PipelineStore store = PipelineStore.open(file, AppJson.newMapper());
                 var pc = new EmulatorFixtureLess(emulator).open()) {
                int kept = store.count();
                assertThat(kept).isGreaterThanOrEqualTo(400).isLessThan(1_500);
                PipelineSync sync = new PipelineSync(pc, store, Clock.systemUTC());
                assertThat(sync.needsFull()).as("a full sync was never completed").isTrue();

                PipelineSync.Result r = sync.sync(false, PipelineSync.PageListener.NONE);

                assertThat(r.full()).isTrue();
                assertThat(r.added()).isEqualTo(1_500 - kept);
                assertThat(store.count()).isEqualTo(1_500);
            }
        }
    }

    /** A gateway to an emulator the test started. */
    record EmulatorFixtureLess(PartnerCentralEmulator emulator) {
        app.cosell.partner.PartnerCentral open() {
            return new app.cosell.partner.Connections(new app.cosell.partner.AwsProfiles(Path.of("no-config"),
                    Path.of("no-credentials"), null, Path.of("no-cache")), "test")
                    .forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(),
                            app.cosell.model.Catalog.Sandbox);
        }
    }
}
