package app.cosell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;

/**
 * Checks that no visible control of a window is cut off by its edges (the team's "layout from 960×640 up"): every
 * button, field, choice and label outside a scroll pane lies wholly inside the scene. Controls inside a scroll pane
 * may scroll out of view; that is what the pane is for. Call on the FX thread after the layout has run.
 */
public final class ControlsInWindow {

    private ControlsInWindow() { }

    public static void assertInside(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        check(scene.getRoot(), scene.getWidth(), scene.getHeight());
    }

    private static void check(Node node, double width, double height) {
        if (!node.isVisible() || !node.isManaged()) return;
        if (node instanceof ScrollPane || node instanceof TableView<?>) {
            assertWithin(node, width, height);
            return;
        }
        if (node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ChoiceBox<?>
                || node instanceof ComboBoxBase<?> || (node instanceof Labeled l && !l.getText().isEmpty())) {
            assertWithin(node, width, height);
            if (node instanceof Control) return;
        }
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) check(child, width, height);
    }

    private static void assertWithin(Node node, double width, double height) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        String name = node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId())
                + (node instanceof Labeled l ? " \"" + l.getText() + "\"" : "");
        assertThat(b.getMinX()).as(name + " left edge").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMinY()).as(name + " top edge").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMaxX()).as(name + " right edge in a window " + width + " wide").isLessThanOrEqualTo(width + 0.5);
        assertThat(b.getMaxY()).as(name + " bottom edge in a window " + height + " high").isLessThanOrEqualTo(height + 0.5);
        if (node instanceof ButtonBase button)
            assertThat(button.getWidth()).as(name + " width (text cut)").isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
    }
}
