package app.cosell.ui.progress;

import app.cosell.model.StepState;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One step of the vertical stepper: a state icon (a spinner while running) with the line to the next step, the
 * step's name and operation, its state and time, and the id it produced with a copy button.
 */
final class StepperRow extends HBox {

    private final TaskProgressModel.StepRow row;
    private final StackPane icon = new StackPane();
    private final Label state = new Label();
    private final Label time = new Label();
    private final Label result = new Label();
    private final Button copy = new Button(null, Icons.COPY.create());
    private final String name;
    private final String operationName;

    StepperRow(TaskProgressModel.StepRow row, boolean last, BiConsumer<String, String> copier) {
        this(row, last, copier, TaskKind.ENGAGEMENT_FROM_OPPORTUNITY);
    }

    /** A step of a task of {@code kind}: named and labelled with that kind's step in this slot. */
    StepperRow(TaskProgressModel.StepRow row, boolean last, BiConsumer<String, String> copier,
               TaskKind kind) {
        this.row = row;
        getStyleClass().add("step-row");
        setId("step-" + row.step().name());
        name = Messages.get(stepKey(kind, row.step()));
        operationName = kind.stepOperation(row.step());

        icon.getStyleClass().add("step-icon");
        Region line = new Region();
        line.getStyleClass().add("step-line");
        VBox.setVgrow(line, Priority.ALWAYS);
        line.setVisible(!last);
        VBox iconColumn = new VBox(2, icon, line);
        iconColumn.getStyleClass().add("step-icon-column");

        Label title = new Label(name);
        title.getStyleClass().add("step-name");
        // The API operation's name is for support: in the tooltip and the diagnostics, not in the rep's way.
        title.setTooltip(new Tooltip(Messages.format("progress.step.operation", operationName)));
        HBox titleLine = new HBox(8, title);
        titleLine.setAlignment(Pos.BASELINE_LEFT);

        state.getStyleClass().add("step-state");
        time.getStyleClass().add("step-time");
        state.setMinWidth(USE_PREF_SIZE);
        time.setMinWidth(USE_PREF_SIZE);
        copy.setMinWidth(USE_PREF_SIZE);
        result.setMinWidth(0);
        result.getStyleClass().add("step-result");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "step-copy");
        copy.setFocusTraversable(true);
        copy.setOnAction(e -> copier.accept(Messages.get("progress.step.id." + row.step().name()), row.resultIdProperty().get()));
        HBox detail = new HBox(8, state, time, result, copy);
        detail.setAlignment(Pos.CENTER_LEFT);
        VBox texts = new VBox(titleLine, detail);
        texts.getStyleClass().add("step-texts");
        HBox.setHgrow(texts, Priority.ALWAYS);
        getChildren().addAll(iconColumn, texts);

        row.stateProperty().addListener((o, a, b) -> refresh());
        row.timeProperty().addListener((o, a, b) -> refresh());
        row.resultIdProperty().addListener((o, a, b) -> refresh());
        row.notRunProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        StepState s = row.stateProperty().get();
        getStyleClass().removeAll("pending", "running", "done", "failed", "skipped");
        getStyleClass().add(s.name().toLowerCase(Locale.ROOT));
        if (s == StepState.RUNNING) {
            if (!(icon.getChildren().size() == 1 && icon.getChildren().getFirst() instanceof ProgressIndicator)) {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.getStyleClass().add("step-spinner");
                icon.getChildren().setAll(spinner);
            }
        } else {
            icon.getChildren().setAll(iconOf(s).create());
        }
        String stateText = Messages.get("progress.state." + (row.notRunProperty().get() ? "NOT_RUN" : s.name()));
        state.setText(stateText);
        Duration d = row.timeProperty().get();
        time.setText(d == null ? "" : stepTime(d));
        time.setVisible(d != null);
        time.setManaged(d != null);
        String id = row.resultIdProperty().get();
        result.setText(id);
        boolean hasId = id != null && !id.isEmpty();
        result.setVisible(hasId);
        result.setManaged(hasId);
        copy.setVisible(hasId);
        copy.setManaged(hasId);
        result.setTooltip(hasId ? new Tooltip(id) : null);
        if (hasId) {
            String label = Messages.format("progress.copy", Messages.get("progress.step.id." + row.step().name()));
            copy.setAccessibleText(label);
            copy.setTooltip(new Tooltip(label));
        }
        setAccessibleText(Messages.format("progress.step.accessible", name, stateText)
                + (d == null ? "" : ", " + stepTime(d)) + (hasId ? ", " + id : ""));
    }

    private static Icons iconOf(StepState s) {
        return switch (s) {
            case DONE -> Icons.STEP_DONE;
            case FAILED -> Icons.STEP_FAILED;
            case SKIPPED -> Icons.STEP_SKIPPED;
            default -> Icons.STEP_WAITING;
        };
    }

    /** A step's time: tenths below a minute, minutes and seconds above. */
    static String stepTime(Duration d) {
        long ms = d.toMillis();
        if (ms < 100) return "< 0.1 s";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d min", ms / 60_000, (ms / 1000) % 60);
    }

    /** The overall elapsed time: m:ss, or h:mm:ss past an hour. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The message key naming the step of {@code kind} in {@code slot}. */
    static String stepKey(TaskKind kind, TaskStep slot) {
        return kind == TaskKind.ENGAGEMENT_FROM_OPPORTUNITY ? "progress.step." + slot.name()
                : "progress.step." + kind.name() + "." + slot.name();
    }
}
