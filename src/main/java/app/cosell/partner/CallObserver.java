package app.cosell.partner;

/**
 * Told about every HTTP attempt the gateway makes (SDK retries included), by operation name. The benchmark counts
 * calls per tracked task with it; the app may feed a diagnostics panel.
 */
@FunctionalInterface
public interface CallObserver {
    CallObserver NONE = operation -> { };

    void onAttempt(String operation);

    /**
     * An attempt the service answered with ThrottlingException (HTTP 429, or the {@code x-amzn-ErrorType} header
     * naming it), SDK retries included. Called on the SDK's thread.
     */
    default void onThrottled(String operation) { }
}
