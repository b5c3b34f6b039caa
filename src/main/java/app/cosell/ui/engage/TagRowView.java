package app.cosell.ui.engage;

import app.cosell.model.Tag;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One tag row of the Start-engagement form, built in code: the key and value fields bound to a
 * {@link StartEngagementFormModel.TagRow}, the problem of each under it, and Remove.
 */
final class TagRowView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid-field");

    private TagRowView() {}

    /** The row's node; {@code onRemove} is called with the row when the rep removes it. */
    static Node create(StartEngagementFormModel.TagRow row, Consumer<StartEngagementFormModel.TagRow> onRemove) {
        TextField key = new TextField();
        key.getStyleClass().add("tag-key");
        key.setPromptText(Messages.get("engage.tags.key"));
        key.textProperty().bindBidirectional(row.keyProperty());
        Label keyError = new Label();
        keyError.getStyleClass().addAll("field-error", "tag-key-error");
        keyError.setWrapText(true);
        // "Enter a key." waits until the rep has been in the key field and left it, or typed in the row: a row just
        // added is not an error yet (Start stays off meanwhile, and says why).
        BooleanProperty touched = new SimpleBooleanProperty(
                !row.keyProperty().get().isEmpty() || !row.valueProperty().get().isEmpty());
        key.focusedProperty().addListener((o, was, now) -> { if (was && !now) touched.set(true); });
        row.keyProperty().addListener((o, a, b) -> touched.set(true));
        row.valueProperty().addListener((o, a, b) -> touched.set(true));
        keyError.textProperty().bind(Bindings.createStringBinding(() -> touched.get()
                        || row.keyProblemProperty().get() != Tag.Problem.KEY_MISSING
                        ? errorText(row.keyProblemProperty(), row.keyServerErrorProperty()).get()
                        : row.keyServerErrorProperty().get(),
                touched, row.keyProblemProperty(), row.keyServerErrorProperty()));
        markInvalid(key, keyError);

        TextField value = new TextField();
        value.getStyleClass().add("tag-value");
        value.setPromptText(Messages.get("engage.tags.value"));
        value.textProperty().bindBidirectional(row.valueProperty());
        Label valueError = new Label();
        valueError.getStyleClass().addAll("field-error", "tag-value-error");
        valueError.setWrapText(true);
        valueError.textProperty().bind(errorText(row.valueProblemProperty(), row.valueServerErrorProperty()));
        markInvalid(value, valueError);

        Button remove = new Button(null, Icons.DELETE.create());
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "tag-remove");
        remove.setOnAction(e -> onRemove.accept(row));

        VBox keyBox = new VBox(key, keyError);
        keyBox.getStyleClass().add("tag-field-box");
        VBox valueBox = new VBox(value, valueError);
        valueBox.getStyleClass().add("tag-field-box");
        HBox.setHgrow(keyBox, Priority.ALWAYS);
        HBox.setHgrow(valueBox, Priority.ALWAYS);
        // Equal columns whatever the error text under either field says (the messages wrap instead).
        keyBox.setPrefWidth(100);
        valueBox.setPrefWidth(100);
        keyBox.setMaxWidth(Double.MAX_VALUE);
        valueBox.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(8, keyBox, valueBox, remove);
        box.getStyleClass().add("tag-row");
        return box;
    }

    /** The key field of a row's node. */
    static TextField keyField(Node rowNode) { return (TextField) rowNode.lookup(".tag-key"); }

    /** Names the controls of row {@code n} (1-based) for screen readers and tooltips. */
    static void label(Node rowNode, int n) {
        TextField key = keyField(rowNode);
        TextField value = (TextField) rowNode.lookup(".tag-value");
        Button remove = (Button) rowNode.lookup(".tag-remove");
        key.setAccessibleText(Messages.format("engage.tags.key.accessible", n));
        value.setAccessibleText(Messages.format("engage.tags.value.accessible", n));
        remove.setAccessibleText(Messages.format("engage.tags.remove", n));
        remove.setTooltip(new Tooltip(Messages.format("engage.tags.remove", n)));
        key.setId("tagKey" + n);
        value.setId("tagValue" + n);
        remove.setId("tagRemove" + n);
    }

    /** The text under a field: the rule it breaks as the rep types, else what the service said about it. */
    static StringBinding errorText(ReadOnlyObjectProperty<Tag.Problem> problem, StringProperty serverError) {
        return Bindings.createStringBinding(() -> problem.get() != null
                ? Messages.get("engage.problem." + problem.get().name())
                : serverError.get(), problem, serverError);
    }

    private static void markInvalid(TextField field, Label error) {
        error.textProperty().addListener((o, a, b) -> field.pseudoClassStateChanged(INVALID, b != null && !b.isEmpty()));
        field.pseudoClassStateChanged(INVALID, error.getText() != null && !error.getText().isEmpty());
    }
}
