package app.cosell.ui.review;

import app.cosell.ui.common.Background;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work at once on the calling thread; delayed actions wait until the test lets time pass. */
final class ManualBackground implements Background {

    final List<Runnable> later = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Background.DIRECT.run(work, onSuccess, onFailure);
    }

    @Override
    public void onFx(Runnable action) { action.run(); }

    @Override
    public void onFxAfter(Duration delay, Runnable action) {
        later.add(action);
        delays.add(delay);
    }

    /** Runs the delayed actions due now (those scheduled while they run wait for the next call). */
    void passTime() {
        List<Runnable> due = new ArrayList<>(later);
        later.clear();
        delays.clear();
        due.forEach(Runnable::run);
    }
}
