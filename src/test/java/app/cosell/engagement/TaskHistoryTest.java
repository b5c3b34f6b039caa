package app.cosell.engagement;

import app.cosell.files.AppDataFolder;
import app.cosell.files.AppJson;
import app.cosell.files.JsonFileStore;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.store.StoreFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskHistoryTest {

    @TempDir Path dir;
    final ObjectMapper json = AppJson.newMapper();

    @Test
    void aSavedTaskReadsBackEqualInANewHistory() {
        TaskHistory history = TaskHistory.open(dir, json);
        TaskProgress running = StepInference.apply(StepInferenceTest.requested(), new TaskAnswer("task-abcdefghijklm",
                "arn:task", StepInferenceTest.T0, TaskStatus.IN_PROGRESS, "IN_PROGRESS", "O1234567", null, null, null,
                null, null), null, StepInferenceTest.T0);
        history.save(running);

        TaskHistory reopened = TaskHistory.open(dir, json);

        assertThat(reopened.loadProblem()).isEmpty();
        assertThat(reopened.all()).containsExactly(running);
        assertThat(reopened.unfinished()).containsExactly(running);
        assertThat(reopened.forOpportunity("O1234567")).containsExactly(running);
        assertThat(reopened.forOpportunity("O999")).isEmpty();
    }

    @Test
    void aSnapshotIsOneRowInTheAppStoreAndNoJsonFileIsWritten() throws Exception {
        TaskHistory history = TaskHistory.open(dir, json);
        history.save(StepInferenceTest.requested());
        history.close();

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(StoreFiles.APP_FILE)
                    .doesNotContain(TaskHistory.FILE_NAME);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + StoreFiles.appFile(dir));
             var r = c.createStatement().executeQuery("SELECT local_id, json FROM task_history")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(2)).contains("token-1").contains("2026-11-23T10:00:00Z");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void anOldJsonHistoryIsImportedOnceAndKeptAsABackup() throws Exception {
        TaskHistory old = new TaskHistory(new JsonFileStore<>(dir.resolve(TaskHistory.FILE_NAME), json,
                json.constructType(TaskHistory.HistoryFile.class), () -> new TaskHistory.HistoryFile(1, List.of()),
                java.time.Clock.systemUTC()));
        TaskProgress requested = StepInferenceTest.requested();
        old.save(requested);
        String before = Files.readString(dir.resolve(TaskHistory.FILE_NAME));

        TaskHistory imported = TaskHistory.open(dir, json);

        assertThat(imported.all()).containsExactly(requested);
        assertThat(dir.resolve(TaskHistory.FILE_NAME)).doesNotExist();
        assertThat(dir.resolve(TaskHistory.FILE_NAME + TaskHistory.IMPORTED_SUFFIX)).hasContent(before);
        imported.close();
        // A JSON file appearing again (an older build ran meanwhile) is not imported a second time.
        Files.writeString(dir.resolve(TaskHistory.FILE_NAME), before.replace(requested.localId(), "other-local-id"));
        assertThat(TaskHistory.open(dir, json).all()).containsExactly(requested);
    }

    @Test
    void aCorruptFileIsMovedAsideAndReportedNotFatal() throws Exception {
        Files.writeString(dir.resolve(TaskHistory.FILE_NAME), "{\"schemaVersion\":1,\"tasks\":[{\"localId\":");

        TaskHistory history = TaskHistory.open(dir, json);

        assertThat(history.all()).isEmpty();
        assertThat(history.loadProblem()).get().satisfies(p -> {
            assertThat(p.movedTo()).isNotNull().exists();
            assertThat(p.movedTo().getFileName().toString()).startsWith(TaskHistory.FILE_NAME + ".corrupt-");
        });
        assertThat(dir.resolve(TaskHistory.FILE_NAME)).doesNotExist();
        history.save(StepInferenceTest.requested());
        assertThat(TaskHistory.open(dir, json).all()).hasSize(1);
    }

    @Test
    void listenersHearEverySaveAndEndedTasksAreNotUnfinished() {
        TaskHistory history = TaskHistory.open(dir, json);
        List<TaskProgress> heard = new ArrayList<>();
        history.addListener(heard::add);
        TaskProgress requested = StepInferenceTest.requested();
        TaskProgress done = StepInference.apply(requested, new TaskAnswer("task-abcdefghijklm", null, null,
                TaskStatus.COMPLETE, "COMPLETE", "O1234567", "eng-abcdefghijklmn", null, null, null, null), null,
                StepInferenceTest.T0);

        history.save(requested);
        history.save(done);

        assertThat(heard).containsExactly(requested, done);
        assertThat(history.all()).containsExactly(done);
        assertThat(history.unfinished()).isEmpty();
    }

    @Test
    void appDataFolderFollowsEachOsAndTheOverride() {
        assertThat(AppDataFolder.resolve("/tmp/x", "Linux", "/home/r", java.util.Map.of())).isEqualTo(Path.of("/tmp/x"));
        assertThat(AppDataFolder.resolve(null, "Linux", "/home/r", java.util.Map.of()))
                .isEqualTo(Path.of("/home/r/.local/share/cosell-console"));
        assertThat(AppDataFolder.resolve(null, "Linux", "/home/r", java.util.Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/cosell-console"));
        assertThat(AppDataFolder.resolve(null, "Mac OS X", "/Users/r", java.util.Map.of()))
                .isEqualTo(Path.of("/Users/r/Library/Application Support/Co-Sell Console"));
        assertThat(AppDataFolder.resolve(null, "Windows 11", "C:/Users/r", java.util.Map.of("APPDATA", "C:/Users/r/AppData/Roaming")))
                .isEqualTo(Path.of("C:/Users/r/AppData/Roaming/Co-Sell Console"));
        assertThat(AppDataFolder.resolve()).isEqualTo(Path.of(System.getProperty("cosell.dataDir")));
    }
}
