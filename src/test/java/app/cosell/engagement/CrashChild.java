package app.cosell.engagement;

import app.cosell.files.AppJson;
import app.cosell.model.Catalog;
import app.cosell.model.TaskProgress;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.store.PipelineStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The process {@link KillDuringWriteTest} kills with SIGKILL: it writes to the store and reports each completed
 * write on standard output ("done N" once write N has returned), then goes on writing until it is killed.
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("cosell.dataDir"));
        switch (args[0]) {
            case "history" -> {
                TaskHistory history = TaskHistory.open(dataDir, AppJson.newMapper());
                for (int i = 1; ; i++) {
                    history.save(TaskProgress.requested("local-" + i, StepInferenceTest.REQUEST, "token-" + i, 1, Instant.now()));
                    System.out.println("done " + i);
                    System.out.flush();
                }
            }
            case "sync" -> {
                URI endpoint = URI.create(args[1]);
                PipelineStore store = PipelineStore.open(dataDir.resolve("pipeline.db"), AppJson.newMapper());
                var pc = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                        Path.of("no-cache")), "test").forEmulator(endpoint, args[2], args[3], Catalog.Sandbox);
                int[] pages = {0};
                new PipelineSync(pc, store, Clock.systemUTC()).sync(true, (rows, merge) -> {
                    System.out.println("done " + (++pages[0]) + " " + rows.getLast().id());
                    System.out.flush();
                });
                System.out.println("finished");
                System.out.flush();
                Thread.sleep(60_000);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
