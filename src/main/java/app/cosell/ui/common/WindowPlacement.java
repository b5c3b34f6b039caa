package app.cosell.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Where the app's secondary windows go: never larger than the screen they open on (their content scrolls instead),
 * and several of a kind cascade rather than pile up on the same spot.
 */
public final class WindowPlacement {

    /** How far each further window of a kind is moved right and down. */
    public static final double CASCADE_STEP = 32;

    private WindowPlacement() {}

    /** The usable area of the screen {@code owner} is on (the primary screen without an owner). */
    public static Rectangle2D screenOf(Window owner) {
        if (owner != null && owner.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            if (!screens.isEmpty()) return screens.getFirst().getVisualBounds();
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /** Shrinks {@code stage} to fit {@code screen} (with a margin) and moves it onto it. FX thread, after sizing. */
    public static void fit(Stage stage, Rectangle2D screen) {
        double margin = 24;
        double maxW = Math.max(200, screen.getWidth() - margin);
        double maxH = Math.max(200, screen.getHeight() - margin);
        if (stage.getWidth() > maxW) stage.setWidth(maxW);
        if (stage.getHeight() > maxH) stage.setHeight(maxH);
        if (stage.getX() + stage.getWidth() > screen.getMaxX()) stage.setX(Math.max(screen.getMinX(), screen.getMaxX() - stage.getWidth()));
        if (stage.getY() + stage.getHeight() > screen.getMaxY()) stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
        if (stage.getX() < screen.getMinX()) stage.setX(screen.getMinX());
        if (stage.getY() < screen.getMinY()) stage.setY(screen.getMinY());
    }

    /**
     * The top-left corner of the {@code index}-th (0-based) window of a kind, {@code width} × {@code height}, on
     * {@code screen}: centred over the owner for the first, then {@link #CASCADE_STEP} further right and down for each
     * next one, starting over at the top left when it would leave the screen.
     */
    public static double[] cascade(Window owner, Rectangle2D screen, int index, double width, double height) {
        double baseX = owner != null && owner.getWidth() > 0 ? owner.getX() + (owner.getWidth() - width) / 2 : screen.getMinX() + (screen.getWidth() - width) / 2;
        double baseY = owner != null && owner.getHeight() > 0 ? owner.getY() + (owner.getHeight() - height) / 3 : screen.getMinY() + (screen.getHeight() - height) / 3;
        baseX = Math.max(screen.getMinX(), baseX);
        baseY = Math.max(screen.getMinY(), baseY);
        double x = baseX + index * CASCADE_STEP;
        double y = baseY + index * CASCADE_STEP;
        if (x + width > screen.getMaxX() || y + height > screen.getMaxY()) {
            int fits = (int) Math.max(1, Math.min((screen.getMaxX() - width - screen.getMinX()) / CASCADE_STEP,
                    (screen.getMaxY() - height - screen.getMinY()) / CASCADE_STEP) + 1);
            int i = index % fits;
            x = screen.getMinX() + i * CASCADE_STEP;
            y = screen.getMinY() + i * CASCADE_STEP;
        }
        return new double[] {x, y};
    }
}
