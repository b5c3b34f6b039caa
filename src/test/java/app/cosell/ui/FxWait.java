package app.cosell.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a condition on the scene graph, evaluating it on the FX thread. TestFX evaluates conditions on the test
 * thread, where a lookup can race the FX thread changing the same children (seen as IndexOutOfBoundsException inside
 * {@code Parent.lookupAll} under load). A condition that throws counts as not yet true; the last exception is kept
 * in the timeout's message.
 */
public final class FxWait {

    private FxWait() {}

    public static void until(long timeout, TimeUnit unit, Callable<Boolean> condition) throws TimeoutException {
        AtomicReference<Throwable> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(timeout, unit, () -> holds(condition, last));
        } catch (TimeoutException e) {
            TimeoutException t = new TimeoutException(e.getMessage() + (last.get() == null ? "" : "; last: " + last.get()));
            if (last.get() != null) t.initCause(last.get());
            throw t;
        }
    }

    private static boolean holds(Callable<Boolean> condition, AtomicReference<Throwable> last) throws Exception {
        Callable<Boolean> guarded = () -> {
            try {
                return Boolean.TRUE.equals(condition.call());
            } catch (Exception | AssertionError e) {
                last.set(e);
                return false;
            }
        };
        // Before the toolkit runs there is no scene graph to race: evaluate here.
        if (Platform.isFxApplicationThread() || !FxToolkit.isFXApplicationThreadRunning()) return guarded.call();
        return WaitForAsyncUtils.asyncFx(guarded).get(10, TimeUnit.SECONDS);
    }

    /**
     * Gives {@code stage} this size and waits until it holds. Monocle answers each of setWidth and setHeight with a
     * window event a pulse or more later, and the event for the height carries the width the window had before: set
     * together, the older width can come back after the new one. So the size is set again until it stays for two
     * checks in a row, a few pulses apart.
     */
    public static void resize(Stage stage, double width, double height) throws Exception {
        int steady = 0;
        for (int attempt = 0; attempt < 50 && steady < 2; attempt++) {
            boolean held = WaitForAsyncUtils.asyncFx(() -> {
                boolean ok = stage.getWidth() == width && stage.getHeight() == height
                        && stage.getScene().getRoot().getLayoutBounds().getWidth() <= width;
                if (stage.getWidth() != width) stage.setWidth(width);
                if (stage.getHeight() != height) stage.setHeight(height);
                return ok;
            }).get(10, TimeUnit.SECONDS);
            steady = held ? steady + 1 : 0;
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (steady < 2) throw new TimeoutException("the stage did not keep " + width + "×" + height);
    }
}
