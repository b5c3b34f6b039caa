package app.cosell.partner;

/**
 * Told about every HTTP attempt the gateway makes (SDK retries included), by operation name. The benchmark counts
 * calls per tracked task with it; the app may feed a diagnostics panel.
 */
@FunctionalInterface
public interface CallObserver {
    CallObserver NONE = operation -> { };

    void onAttempt(String operation);
}
