package app.cosell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ChildJvm;
import app.cosell.emulator.EmulatorEdits;
import app.cosell.files.AppJson;
import app.cosell.model.Catalog;
import app.cosell.store.PipelineStore;
import app.cosell.store.StoreFiles;
import app.cosell.testing.EmulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cosell-console sync} in its own JVM, as a user runs it, against an emulator with its quotas on over HTTP,
 * signing with the default credential chain (AWS_* variables).
 */
class SyncCommandTest {

    @TempDir Path dataDir;
    /** A fresh emulator per test: each test changes the data the next sync would see. */
    @RegisterExtension
    final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(250).throttling(true);

    ChildJvm.Result sync(String... extra) throws Exception {
        String[] args = new String[6 + extra.length];
        args[0] = "sync";
        args[1] = "--catalog";
        args[2] = "Sandbox";
        args[3] = "--endpoint-url";
        args[4] = emulator.endpoint().toString();
        args[5] = "--json";
        System.arraycopy(extra, 0, args, 6, extra.length);
        return ChildJvm.run(ChildJvm.command(dataDir, Map.of("AWS_ACCESS_KEY_ID", emulator.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey(), "AWS_REGION", "us-east-1"),
                "app.cosell.Launcher", args));
    }

    static JsonNode onlyObject(ChildJvm.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip().lines()).hasSize(1);
        JsonNode o = AppJson.newMapper().readTree(r.stdout());
        assertThat(o.isObject()).isTrue();
        assertThat(o.properties()).extracting(Map.Entry::getKey)
                .containsExactly("calls", "added", "changed", "removed", "throttled", "millis");
        return o;
    }

    @Test
    void aFirstSyncPagesEverythingThenOnlyChangesAreAskedWithZeroThrottled() throws Exception {
        JsonNode first = onlyObject(sync());
        assertThat(first.get("calls").asInt()).isEqualTo(3);
        assertThat(first.get("added").asInt()).isEqualTo(250);
        assertThat(first.get("throttled").asInt()).isZero();

        try (EmulatorEdits edits = new EmulatorEdits(emulator.emulator())) {
            edits.rename("Sandbox", edits.editable("Sandbox", 3), "Changed for the CLI test");
        }
        JsonNode second = onlyObject(sync());
        assertThat(second.get("calls").asInt()).isEqualTo(1);
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("changed").asInt()).isEqualTo(3);
        assertThat(second.get("removed").asInt()).isZero();

        JsonNode full = onlyObject(sync("--full"));
        assertThat(full.get("calls").asInt()).isEqualTo(3);
        assertThat(full.get("changed").asInt() + full.get("added").asInt() + full.get("removed").asInt()).isZero();

        Path file = StoreFiles.pipelineFile(dataDir, StoreFiles.connectionKey(null, emulator.endpoint(), false), Catalog.Sandbox);
        try (PipelineStore store = PipelineStore.open(file, AppJson.newMapper())) {
            assertThat(store.count()).isEqualTo(250);
        }
    }

    @Test
    void withoutJsonItPrintsWhatItDid() throws Exception {
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(dataDir, Map.of("AWS_ACCESS_KEY_ID", emulator.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey()), "app.cosell.Launcher",
                "sync", "--catalog", "sandbox", "--endpoint-url", emulator.endpoint().toString()));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Full sync of Sandbox").contains("3 calls").contains("250 added")
                .contains("0 throttled");
    }
}
