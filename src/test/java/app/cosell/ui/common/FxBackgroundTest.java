package app.cosell.ui.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FxBackgroundTest {

    /**
     * Closing the app during start-up shuts the executor down while the connection it started is still finishing;
     * the list's first load then asked the closed executor for work, and the refusal reached the rep as an
     * "unexpected error" on the FX thread. A closing app drops such work quietly.
     */
    @Test
    void workHandedInAfterTheAppClosedIsDroppedQuietly() {
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
        executor.shutdownNow();
        AtomicBoolean ran = new AtomicBoolean();
        assertDoesNotThrow(() -> new FxBackground(executor).run(() -> ran.getAndSet(true), v -> {}, e -> {}));
        assertFalse(ran.get());
    }
}
