package app.cosell.ui.opportunities;

import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * The search box of the opportunity list: its icon and clear button, and the search it sets on the list model after
 * a short pause in typing; Enter and Down set it at once and go to the results. A search cleared by the model (to
 * show an opened opportunity) clears the box too.
 */
final class SearchBox {

    /** The pause in typing after which the box's text is searched. */
    static final Duration TYPING_PAUSE = Duration.millis(120);

    private SearchBox() {}

    /** Wires {@code field} to {@code search}; {@code toResults} moves the keyboard to the table. */
    static void wire(CustomTextField field, StringProperty search, Runnable toResults) {
        field.setLeft(Icons.SEARCH.create());
        Button clear = new Button(null, Icons.CLEAR.create());
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setAccessibleText(Messages.get("opportunities.search.clear"));
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.setOnAction(e -> field.clear());
        field.setRight(clear);
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> search.set(field.getText()));
        field.textProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) search.set("");
            else typing.playFromStart();
        });
        field.setOnAction(e -> { typing.stop(); search.set(field.getText()); toResults.run(); });
        // Down from the search box goes to the results, on their first row (selected, so Enter starts it).
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                typing.stop();
                search.set(field.getText());
                toResults.run();
                e.consume();
            }
        });
        search.addListener((o, was, now) -> {
            if (now.isEmpty() && !field.getText().isEmpty()) {
                typing.stop();
                field.clear();
            }
        });
    }
}
