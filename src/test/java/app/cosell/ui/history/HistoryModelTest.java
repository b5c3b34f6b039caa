package app.cosell.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.opportunities.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryModelTest {

    private final List<TaskProgress> all = List.of(Tasks.running("r", "O0000001"), Tasks.complete("c", "O0000002"),
            Tasks.failed("f", "O0000003"));
    private final TaskHistoryFeed feed = new TaskHistoryFeed() {
        @Override public List<TaskProgress> all() { return all; }
        @Override public void addListener(Runnable listener) {}
    };

    @Test
    void filtersByStatus() {
        HistoryModel model = new HistoryModel(feed, Background.DIRECT);
        model.reload(e -> { throw new AssertionError(e); });
        assertThat(model.shownTasks()).hasSize(3);

        model.statusFilterProperty().set(HistoryModel.StatusFilter.FAILED);
        assertThat(model.shownTasks()).extracting(TaskProgress::localId).containsExactly("f");
        model.statusFilterProperty().set(HistoryModel.StatusFilter.RUNNING);
        assertThat(model.shownTasks()).extracting(TaskProgress::localId).containsExactly("r");
        model.statusFilterProperty().set(HistoryModel.StatusFilter.ENGAGED);
        assertThat(model.shownTasks()).extracting(TaskProgress::localId).containsExactly("c");
        model.statusFilterProperty().set(HistoryModel.StatusFilter.ALL);
        assertThat(model.shownTasks()).hasSize(3);
    }

    @Test
    void exportsWhatTheFilterShowsAsCsvWithQuoting(@TempDir Path dir) throws Exception {
        HistoryModel model = new HistoryModel(feed, Background.DIRECT);
        model.reload(e -> { throw new AssertionError(e); });
        model.statusFilterProperty().set(HistoryModel.StatusFilter.FAILED);
        Path file = dir.resolve("tasks.csv");
        boolean[] done = new boolean[1];

        model.export(file, () -> done[0] = true, e -> { throw new AssertionError(e); });

        assertThat(done[0]).isTrue();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("local_id,requested_at,opportunity_id,catalog,involvement_type");
        assertThat(lines.get(1)).startsWith("f,").contains(",O0000003,Sandbox,Co-Sell,Full,FAILED,CreateEngagement,")
                .endsWith(",EngagementValidationFailed,\"The opportunity, has \"\"problems\"\"\"");
        assertThat(dir.resolve("tasks.csv.part")).doesNotExist();
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
        TaskProgress t = Tasks.failed("=cmd", "O0000009");
        assertThat(HistoryModel.csv(List.of(t)).lines().skip(1).findFirst().orElseThrow()).startsWith("'=cmd,");
    }
}
