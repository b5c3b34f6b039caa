package app.cosell.ui.batch;

import app.cosell.engagement.BatchTriage;
import app.cosell.model.BatchItemState;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.model.Visibility;
import app.cosell.ui.common.CsvFileChooser;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TextCells;
import app.cosell.ui.common.Views;
import app.cosell.ui.history.TaskRows;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The batch window: triage of the chosen opportunities, the settings for all of them, then the run with its progress
 * bar, counts, ETA and each opportunity's live state. Thin: the {@link BatchModel} decides; this binds and forwards.
 */
public final class BatchWindow {

    private final Stage owner;
    private final BatchModel model;
    private final ErrorPresenter errors;
    private final Consumer<TaskProgress> openProgress;
    private Stage window;
    /** Where "Export results" writes without asking (tests); null: ask with a file chooser. */
    private Function<Stage, Path> exportTarget;

    @FXML private BorderPane root;
    @FXML private Label headline;
    @FXML private Label batchIdLabel;
    @FXML private ChoiceBox<InvolvementType> involvementChoice;
    @FXML private ChoiceBox<Visibility> visibilityChoice;
    @FXML private TextField tagsField;
    @FXML private Label tagsError;
    @FXML private Label budgetLabel;
    @FXML private TableView<BatchRow> table;
    @FXML private TableColumn<BatchRow, String> opportunityColumn;
    @FXML private TableColumn<BatchRow, String> customerColumn;
    @FXML private TableColumn<BatchRow, BatchRow> readinessColumn;
    @FXML private TableColumn<BatchRow, BatchItemState> stateColumn;
    @FXML private TableColumn<BatchRow, String> stepColumn;
    @FXML private TableColumn<BatchRow, String> outcomeColumn;
    @FXML private TableColumn<BatchRow, List<Tag>> rowTagsColumn;
    @FXML private ProgressBar progressBar;
    @FXML private Label countsLabel;
    @FXML private Label problemLabel;
    @FXML private Button removeButton;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button cancelButton;
    @FXML private Button startButton;

    public BatchWindow(Stage owner, BatchModel model, ErrorPresenter errors, Consumer<TaskProgress> openProgress) {
        this.owner = owner;
        this.model = model;
        this.errors = errors;
        this.openProgress = openProgress;
    }

    public BatchModel model() { return model; }

    public Stage stage() { return window; }

    public void exportTarget(Function<Stage, Path> target) { this.exportTarget = target; }

    public void show() {
        if (window == null) {
            window = Views.window(owner, "batch.title", "/app/cosell/ui/batch/Batch.fxml", this);
            Scene scene = window.getScene();
            // Esc closes the window wherever the focus is, except while a tag cell is being edited (Esc cancels
            // that edit). A filter: the table's own behaviour consumes Esc before an accelerator could see it.
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE && table.getEditingCell() == null) {
                    e.consume();
                    window.close();
                }
            });
            window.setMinWidth(720);
            window.setMinHeight(440);
            fitToScreen(window);
        }
        window.show();
        window.toFront();
        table.requestFocus();
    }

    /** The window's preferred size, but never larger than the screen it opens on (a 960×640 screen included). */
    private void fitToScreen(Stage stage) {
        Rectangle2D screen = Screen.getScreensForRectangle(
                owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        stage.setWidth(Math.max(stage.getMinWidth(), Math.min(root.prefWidth(-1), screen.getWidth())));
        stage.setHeight(Math.max(stage.getMinHeight(), Math.min(root.prefHeight(-1), screen.getHeight())));
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("batch.headline." + model.phase().name(), model.rows().size()),
                model.phaseProperty(), model.rows()));
        batchIdLabel.textProperty().bind(model.batchIdProperty());
        involvementChoice.getItems().setAll(InvolvementType.values());
        involvementChoice.setConverter(wire(InvolvementType::wire));
        involvementChoice.valueProperty().bindBidirectional(model.involvementProperty());
        visibilityChoice.getItems().setAll(Visibility.values());
        visibilityChoice.setConverter(wire(Visibility::wire));
        visibilityChoice.valueProperty().bindBidirectional(model.visibilityProperty());
        var editable = model.canRemoveProperty();
        involvementChoice.disableProperty().bind(editable.not());
        visibilityChoice.disableProperty().bind(editable.not());
        tagsField.disableProperty().bind(editable.not());
        tagsField.textProperty().addListener((o, was, text) -> tagsChanged(text));
        budgetLabel.textProperty().bind(model.budgetTextProperty());
        // The budget speaks of what is about to be sent; once the batch runs, the counts below say how it goes.
        var beforeRun = Bindings.createBooleanBinding(() -> model.phase() == BatchModel.Phase.TRIAGING
                || model.phase() == BatchModel.Phase.REVIEW, model.phaseProperty());
        budgetLabel.visibleProperty().bind(beforeRun);
        budgetLabel.managedProperty().bind(beforeRun);

        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setEditable(true);
        opportunityColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().opportunityId()));
        customerColumn.setCellValueFactory(d -> d.getValue().customerProperty());
        readinessColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        readinessColumn.setCellFactory(c -> new ReadinessCell());
        stateColumn.setCellValueFactory(d -> d.getValue().stateProperty());
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BatchItemState state, boolean empty) {
                super.updateItem(state, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                setText(empty || state == null ? null : Messages.of("batch.state", state));
                if (!empty && state != null) getStyleClass().add("state-" + state.name().toLowerCase());
            }
        });
        stepColumn.setCellValueFactory(d -> Bindings.createStringBinding(() -> stepText(d.getValue()),
                d.getValue().taskProperty(), d.getValue().stateProperty()));
        outcomeColumn.setCellValueFactory(d -> d.getValue().outcomeProperty());
        outcomeColumn.setCellFactory(c -> TextCells.withTooltip());
        rowTagsColumn.setCellValueFactory(d -> d.getValue().extraTagsProperty());
        rowTagsColumn.setCellFactory(TextFieldTableCell.forTableColumn(new StringConverter<>() {
            @Override public String toString(List<Tag> tags) { return TagsText.format(tags); }
            @Override public List<Tag> fromString(String text) { return TagsText.parse(text).tags(); }
        }));
        rowTagsColumn.editableProperty().bind(editable);
        table.setRowFactory(t -> {
            TableRow<BatchRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().task() != null)
                    openProgress.accept(row.getItem().task());
            });
            return row;
        });
        // Enter in the list: a row's progress when it has one, editing when on the "Own tags" column, otherwise
        // the default button (Start). A filter, because the editable table's own behaviour eats Enter otherwise.
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || table.getEditingCell() != null) return;
            BatchRow selected = table.getSelectionModel().getSelectedItem();
            var focusedCell = table.getFocusModel().getFocusedCell();
            if (selected != null && selected.task() != null) openSelected();
            else if (focusedCell != null && focusedCell.getTableColumn() == rowTagsColumn && rowTagsColumn.isEditable()) return;
            else if (!startButton.isDisabled()) startButton.fire();
            e.consume();
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && model.canRemoveProperty().get()) { removeSelected(); e.consume(); }
        });

        progressBar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> model.phase() == BatchModel.Phase.TRIAGING ? -1 : model.fractionDoneProperty().get(),
                model.phaseProperty(), model.fractionDoneProperty()));
        countsLabel.textProperty().bind(model.countsTextProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.managedProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());

        startButton.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("batch.start", model.readyCountProperty().get()), model.readyCountProperty()));
        startButton.setGraphic(Icons.START.create());
        startButton.disableProperty().bind(model.canStartProperty().not().or(tagsError.visibleProperty()));
        removeButton.disableProperty().bind(model.canRemoveProperty().not()
                .or(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())));
        openButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            BatchRow r = table.getSelectionModel().getSelectedItem();
            return r == null || r.task() == null;
        }, table.getSelectionModel().selectedItemProperty(), model.countsTextProperty()));
        exportButton.setGraphic(Icons.EXPORT.create());
        exportButton.disableProperty().bind(model.canExportProperty().not());
        pauseButton.disableProperty().bind(model.canPauseProperty().not());
        resumeButton.disableProperty().bind(model.canResumeProperty().not());
        cancelButton.disableProperty().bind(model.canCancelProperty().not());
    }

    private void tagsChanged(String text) {
        TagsText.Parsed parsed = TagsText.parse(text);
        boolean bad = parsed.problem() != null;
        tagsError.setText(bad ? Messages.format("batch.tags.invalid", parsed.problem()) : null);
        tagsError.setVisible(bad);
        tagsError.setManaged(bad);
        if (!bad) model.tagsProperty().set(parsed.tags());
    }

    private static String stepText(BatchRow row) {
        TaskProgress t = row.task();
        if (t == null || row.state() == null || row.state().isFinal()) return "";
        TaskStep step = TaskRows.currentStep(t);
        return step == null ? Messages.get("batch.step.starting") : Messages.of("step", step);
    }

    private static <T> StringConverter<T> wire(Function<T, String> text) {
        return new StringConverter<>() {
            @Override public String toString(T value) { return value == null ? "" : text.apply(value); }
            @Override public T fromString(String s) { return null; }
        };
    }

    @FXML
    private void start() { model.start(); }

    @FXML
    private void pause() { model.pause(); }

    @FXML
    private void resume() { model.resume(); }

    @FXML
    private void cancelBatch() { model.cancel(); }

    @FXML
    private void removeSelected() {
        model.remove(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void openSelected() {
        BatchRow r = table.getSelectionModel().getSelectedItem();
        if (r != null && r.task() != null) openProgress.accept(r.task());
    }

    @FXML
    private void export() {
        Path target;
        if (exportTarget != null) {
            target = exportTarget.apply(window);
        } else {
            File f = CsvFileChooser.askWhereToSave(window, "batch.export.title", model.batchIdProperty().get() + ".csv",
                    new File(System.getProperty("user.home")));
            target = f == null ? null : f.toPath();
        }
        if (target == null) return;
        model.export(target, () -> countsLabel.getStyleClass().remove("field-error"),
                e -> errors.show(Messages.get("error.action.export"), e));
    }

    /** Readiness in words: a check for ready, the reason for blocked, "not checked" for unknown. */
    private static final class ReadinessCell extends TableCell<BatchRow, BatchRow> {
        private final Tooltip tooltip = new Tooltip();
        private final InvalidationListener restyle = o -> restyle();
        private BatchRow shown;

        ReadinessCell() {
            tooltip.textProperty().bind(textProperty());
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(420);
        }

        @Override
        protected void updateItem(BatchRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (shown != null) shown.verdictProperty().removeListener(restyle);
            shown = empty ? null : row;
            if (shown == null) {
                setText(null);
                setTooltip(null);
                restyle();
                return;
            }
            // The verdict arrives after the row is shown: text, tooltip and colour follow it, not the first look.
            shown.verdictProperty().addListener(restyle);
            textProperty().bind(Bindings.createStringBinding(() -> {
                BatchTriage.Verdict v = row.verdict();
                if (v == null) return Messages.get("batch.readiness.checking");
                String word = Messages.of("batch.readiness", v);
                String reason = row.reasonProperty().get();
                return reason == null || reason.isEmpty() ? word : word + " — " + reason;
            }, row.verdictProperty(), row.reasonProperty()));
            setTooltip(tooltip);
            restyle();
        }

        private void restyle() {
            getStyleClass().removeIf(s -> s.startsWith("readiness-"));
            if (shown != null && shown.verdict() != null)
                getStyleClass().add("readiness-" + shown.verdict().name().toLowerCase());
        }
    }
}
