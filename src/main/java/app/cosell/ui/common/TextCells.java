package app.cosell.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** Table cells that several windows' tables show alike. */
public final class TextCells {

    private TextCells() {}

    /** A text cell whose tooltip repeats its text, so a text cut at the column's width can still be read whole. */
    public static <S> TableCell<S, String> withTooltip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        };
    }
}
