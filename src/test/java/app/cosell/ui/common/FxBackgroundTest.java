package app.cosell.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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
        assertThatCode(() -> new FxBackground(executor).run(() -> ran.getAndSet(true), v -> {}, e -> {}))
                .doesNotThrowAnyException();
        assertThat(ran).isFalse();
    }

    /**
     * Closing the app interrupts the work still running. The referrals inbox, reading its details at the time, then
     * reported "Reading the AWS referrals failed" (an InterruptedException) in an error dialog, which popped up over
     * the next window and took its keystrokes. Work stopped by the app closing reports nothing.
     */
    @Test
    void workInterruptedByTheAppClosingReportsNoFailure() throws Exception {
        FxToolkit.registerPrimaryStage();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        new FxBackground(executor).run(() -> {
            started.countDown();
            never.await(); // until the app closing interrupts it
            return null;
        }, v -> {}, failure::set);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents(); // the task's outcome reaches the FX thread in a turn of its own
        assertThat(failure.get()).isNull();
    }

    /** A failure while the app runs still reaches the rep. */
    @Test
    void aFailureWhileTheAppRunsIsReported() throws Exception {
        FxToolkit.registerPrimaryStage();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
        CountDownLatch reported = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        new FxBackground(executor).run(() -> { throw new IllegalStateException("refused"); }, v -> {}, e -> {
            failure.set(e);
            reported.countDown();
        });
        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).hasMessage("refused");
        executor.shutdown();
    }
}
