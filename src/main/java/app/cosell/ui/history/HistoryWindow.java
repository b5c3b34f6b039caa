package app.cosell.ui.history;

import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.CsvFileChooser;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.common.TextCells;
import app.cosell.ui.common.Views;
import app.cosell.ui.common.WindowPlacement;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/** The history window: every task run, filter by status, reopen a task's progress, export CSV. */
public final class HistoryWindow {

    private final Stage owner;
    private final HistoryModel model;
    private final ErrorPresenter errors;
    private final Consumer<TaskProgress> openProgress;
    private Stage window;
    /** Where "Export CSV" writes without asking (tests); null: ask with a file chooser. */
    private Function<Stage, Path> exportTarget;
    /** The folder of the last export this session (the file chooser opens there next time). */
    private File lastExportFolder;

    @FXML private BorderPane root;
    @FXML private ComboBox<HistoryModel.StatusFilter> statusFilter;
    @FXML private Label countLabel;
    @FXML private Label exportedLabel;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private TableView<TaskProgress> table;
    @FXML private TableColumn<TaskProgress, String> requestedColumn;
    @FXML private TableColumn<TaskProgress, String> opportunityColumn;
    @FXML private TableColumn<TaskProgress, String> customerColumn;
    @FXML private TableColumn<TaskProgress, String> catalogColumn;
    @FXML private TableColumn<TaskProgress, String> involvementColumn;
    @FXML private TableColumn<TaskProgress, TaskProgress> statusColumn;
    @FXML private TableColumn<TaskProgress, String> stepColumn;
    @FXML private TableColumn<TaskProgress, String> outcomeColumn;

    public HistoryWindow(Stage owner, TaskHistoryFeed feed, Background background, ErrorPresenter errors,
                         Consumer<TaskProgress> openProgress) {
        this.owner = owner;
        this.model = new HistoryModel(feed, background);
        this.errors = errors;
        this.openProgress = openProgress;
        feed.addListener(() -> background.onFx(() -> { if (window != null && window.isShowing()) reload(); }));
    }

    public HistoryModel model() { return model; }

    public Stage stage() { return window; }

    public void exportTarget(Function<Stage, Path> target) { this.exportTarget = target; }

    public void show() {
        if (window == null) {
            window = Views.window(owner, "history.title", "/app/cosell/ui/history/History.fxml", this);
            window.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), window::close);
            window.setOnShown(e -> WindowPlacement.fit(window, WindowPlacement.screenOf(owner)));
        }
        reload();
        window.show();
        window.toFront();
        window.requestFocus();
        table.requestFocus();
    }

    private void reload() { model.reload(e -> errors.show(Messages.get("error.action.readHistory"), e)); }

    @FXML
    private void initialize() {
        statusFilter.getItems().setAll(HistoryModel.StatusFilter.values());
        statusFilter.setConverter(new StringConverter<>() {
            @Override public String toString(HistoryModel.StatusFilter f) { return f == null ? "" : Messages.of("history.filter", f); }
            @Override public HistoryModel.StatusFilter fromString(String s) { return null; }
        });
        statusFilter.valueProperty().bindBidirectional(model.statusFilterProperty());
        table.setItems(model.shownTasks());
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        requestedColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(Formats.dateTime(d.getValue().requestedAt())));
        opportunityColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(
                d.getValue().request() == null ? "" : d.getValue().request().opportunityId()));
        customerColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(Objects.requireNonNullElse(
                model.customerOf(d.getValue()), "")));
        catalogColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(
                d.getValue().request() == null ? "" : d.getValue().request().catalog().wire()));
        involvementColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(
                d.getValue().request() == null ? "" : d.getValue().request().involvementType().wire()));
        statusColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        statusColumn.setComparator(Comparator.comparing(TaskRows::state));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TaskProgress t, boolean empty) {
                super.updateItem(t, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                setText(empty || t == null ? null : TaskRows.statusText(t));
                if (!empty && t != null) getStyleClass().add(TaskRows.statusStyle(t));
            }
        });
        stepColumn.setCellValueFactory(d -> {
            TaskStep s = TaskRows.currentStep(d.getValue());
            return new ReadOnlyStringWrapper(s == null ? "" : TaskRows.stepName(s));
        });
        outcomeColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(TaskRows.outcome(d.getValue())));
        outcomeColumn.setCellFactory(c -> TextCells.withTooltip());
        table.setRowFactory(t -> {
            TableRow<TaskProgress> row = new TableRow<>();
            row.setOnMouseClicked(e -> { if (e.getClickCount() == 2 && !row.isEmpty()) openProgress.accept(row.getItem()); });
            return row;
        });
        table.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ENTER) { openSelected(); e.consume(); } });
        openButton.setGraphic(Icons.OPEN.create());
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        exportButton.setGraphic(Icons.EXPORT.create());
        exportButton.disableProperty().bind(Bindings.isEmpty(model.shownTasks()));
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("history.count", model.shownTasks().size()), model.shownTasks()));
    }

    @FXML
    private void openSelected() {
        TaskProgress t = table.getSelectionModel().getSelectedItem();
        if (t != null) openProgress.accept(t);
    }

    /** ~/Documents when it exists, else the home folder. */
    static File defaultExportFolder() {
        File home = new File(System.getProperty("user.home", "."));
        File documents = new File(home, "Documents");
        return documents.isDirectory() ? documents : home;
    }

    @FXML
    private void export() {
        Path target;
        if (exportTarget != null) {
            target = exportTarget.apply(window);
        } else {
            // The rep's Documents folder (else home), then wherever the last export went: never the app's working folder.
            File f = CsvFileChooser.askWhereToSave(window, "history.export.title", "cosell-engagement-tasks.csv",
                    lastExportFolder != null && lastExportFolder.isDirectory() ? lastExportFolder : defaultExportFolder());
            target = f == null ? null : f.toPath();
            if (f != null) lastExportFolder = f.getParentFile();
        }
        if (target == null) return;
        exportedLabel.setText(null);
        model.export(target, () -> exportedLabel.setText(Messages.format("history.exported", target.getFileName())),
                e -> errors.show(Messages.get("error.action.export"), e));
    }
}
