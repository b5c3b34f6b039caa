package app.cosell.ui.progress;

import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The running-tasks indicator for the main window's status bar: a spinner and "2 running" while tasks run, and a
 * menu of this session's tasks that opens each one's progress window. Keyboard: focus it and press Space/Down.
 */
public final class RunningTasksIndicator extends MenuButton {

    public RunningTasksIndicator(RunningTasks tasks, Consumer<TrackedTask> open) {
        setId("runningTasks");
        getStyleClass().addAll("running-tasks-indicator", Styles.FLAT);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        FontIcon idle = Icons.IDLE.create();
        StackPane graphic = new StackPane(spinner, idle);
        spinner.visibleProperty().bind(tasks.runningCountProperty().greaterThan(0));
        idle.visibleProperty().bind(spinner.visibleProperty().not());
        setGraphic(graphic);
        textProperty().bind(Bindings.createStringBinding(() -> {
            int n = tasks.runningCountProperty().get();
            return n == 0 ? Messages.get("progress.running.none")
                    : Messages.format("progress.running.count", n);
        }, tasks.runningCountProperty()));
        accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("progress.running.accessible", tasks.runningCountProperty().get()),
                tasks.runningCountProperty()));
        disableProperty().bind(Bindings.isEmpty(tasks.tasks()));
        setOnShowing(e -> {
            getItems().clear();
            for (TrackedTask t : tasks.tasks()) {
                MenuItem item = new MenuItem(itemText(t));
                item.setOnAction(a -> open.accept(t));
                getItems().add(item);
            }
        });
    }

    private static String itemText(TrackedTask t) {
        TaskProgress p = t.latest();
        String status = t.isRunning() ? "IN_PROGRESS"
                : p != null && p.status() != null ? p.status().name() : "FAILED";
        return Messages.format("progress.running.item", t.request().opportunityId(),
                t.customerName() == null ? "" : t.customerName(), Messages.get("progress.status." + status));
    }
}
