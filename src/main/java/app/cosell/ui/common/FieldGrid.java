package app.cosell.ui.common;

import java.util.function.BiFunction;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** A record's fields as a two-column grid: the name (never cut) beside its value, a field with no value left out. */
public final class FieldGrid {

    private FieldGrid() {}

    /**
     * Replaces {@code grid}'s rows with one row a field of {@code keysAndValues} (message key, value, key, value…)
     * whose value is not blank; {@code valueOf} makes the value's node from the key and the value. Returns the rows
     * added.
     */
    public static int fill(GridPane grid, BiFunction<String, String, Node> valueOf, String... keysAndValues) {
        grid.getChildren().clear();
        int row = 0;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String value = keysAndValues[i + 1];
            if (value == null || value.isBlank()) continue;
            Label name = new Label(Messages.get(keysAndValues[i]));
            name.getStyleClass().add("field-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(name, VPos.TOP); // beside the first line of a wrapped value
            grid.addRow(row++, name, valueOf.apply(keysAndValues[i], value));
        }
        return row;
    }
}
