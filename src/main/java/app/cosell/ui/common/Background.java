package app.cosell.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How a screen model runs work off the FX thread and gets its result back on it. The app's implementation
 * ({@link FxBackground}) wraps the work in a {@link javafx.concurrent.Task} on the one application executor; model
 * tests use a direct one, so models are tested without a toolkit.
 */
public interface Background {

    /** Runs {@code work} in the background; exactly one of the callbacks later runs on the FX thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the FX thread (later, when called from a background thread). */
    void onFx(Runnable action);

    /**
     * Runs {@code action} on the FX thread once {@code delay} has passed, without holding a thread meanwhile. This
     * default runs it as {@link #onFx} would (model tests: no clock to wait for).
     */
    default void onFxAfter(Duration delay, Runnable action) { onFx(action); }

    /**
     * Runs {@code action} once the FX thread has drawn a frame (a full pulse: CSS, layout, rendering) after this call;
     * on any thread. Lets background work pace itself to the frames. This default runs it at once (model tests: no
     * frames).
     */
    default void afterNextFrame(Runnable action) { action.run(); }

    /** True when there are frames to pace background work to ({@link #afterNextFrame}); model tests have none. */
    default boolean drawsFrames() { return false; }

    /** Runs everything at once on the calling thread: for model tests. */
    Background DIRECT = new Background() {
        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }

        @Override
        public void onFx(Runnable action) { action.run(); }
    };
}
