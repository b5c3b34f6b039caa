package app.cosell.ui.settings;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link UiSettings} for the screens (FX thread) and saves them on the application executor, a
 * moment after the last change (column drags and window moves change them many times a second).
 */
public final class SettingsKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsKeeper.class);

    private final UiSettingsStore store;
    private final Executor executor;
    private final Duration quietPeriod;
    private final SimpleObjectProperty<UiSettings> current;
    private final AtomicLong version = new AtomicLong();
    private final Object saveLock = new Object();

    public SettingsKeeper(UiSettingsStore store, UiSettings loaded, Executor executor, Duration quietPeriod) {
        this.store = store;
        this.executor = executor;
        this.quietPeriod = quietPeriod;
        this.current = new SimpleObjectProperty<>(this, "current", loaded);
    }

    public ReadOnlyObjectProperty<UiSettings> currentProperty() { return current; }

    public UiSettings get() { return current.get(); }

    /** Changes the settings (FX thread) and schedules a save. */
    public void update(UnaryOperator<UiSettings> change) {
        UiSettings next = change.apply(current.get());
        if (next.equals(current.get())) return;
        current.set(next);
        long v = version.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    Thread.sleep(quietPeriod);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (version.get() == v) save(next);
            });
        } catch (RejectedExecutionException closing) {
            // The app is closing (its executor is shut down): the close flushed the settings already.
        }
    }

    /** Saves now, on the calling thread (at exit, and in tests). */
    public void flush() { save(current.get()); }

    private void save(UiSettings s) {
        synchronized (saveLock) {
            try {
                store.save(s);
            } catch (Exception e) {
                LOG.warn("Could not save the settings", e);
            }
        }
    }
}
