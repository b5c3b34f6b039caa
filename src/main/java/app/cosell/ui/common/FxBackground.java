package app.cosell.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** {@link Background} for the running app: a JavaFX {@link Task} per job, on the one application executor. */
public final class FxBackground implements Background {

    private final Executor executor;

    public FxBackground(Executor executor) { this.executor = executor; }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception { return work.call(); }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            // Closing the app interrupts the work still running (AppContext.close): that is the app stopping it, not
            // a failure to show the rep (an error dialog popped up over the next window, or as the app closed).
            if (!closing()) onFailure.accept(task.getException());
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // The executor only refuses work once the app is closing (AppContext.close): nothing is left to do it for.
        }
    }

    private boolean closing() { return executor instanceof ExecutorService service && service.isShutdown(); }

    @Override
    public void onFxAfter(java.time.Duration delay, Runnable action) {
        onFx(() -> {
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
            wait.setOnFinished(e -> action.run());
            wait.play();
        });
    }

    @Override
    public boolean drawsFrames() { return true; }

    @Override
    public void afterNextFrame(Runnable action) {
        onFx(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Platform.runLater(action); // a turn after this pulse, once its layout and rendering are done
            }
        }.start());
    }

    @Override
    public void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) action.run();
        else Platform.runLater(action);
    }
}
