package app.cosell.engagement;

import app.cosell.model.CallFailure;
import app.cosell.model.FailureKind;
import app.cosell.model.TaskProgress;

import java.util.List;
import java.util.Optional;

/**
 * The waits a running task can be in while the runner keeps at it by itself: none of them is a failure and none needs
 * the rep to retry. A snapshot carries one as its {@link TaskProgress#failure()} with the code below (kind NETWORK,
 * so the task stays unfinished and is resumed after a restart); {@link #of} recognises it, so views show "not confirmed
 * yet" or "paused — will resume" instead of a failure with Retry.
 */
public enum TrackingPause {
    /** The Start was sent but no answer came back yet; it is re-sent with its own token until one does. */
    START_NOT_CONFIRMED("StartNotConfirmed"),
    /** A look at the task failed unexpectedly or the connection is changing; tracking resumes by itself. */
    TRACKING_PAUSED("TrackingPaused"),
    /** The task belongs to a catalog that is not connected; it resumes when a connection to it is made. */
    WAITING_FOR_CATALOG("WaitingForCatalog");

    private final String code;

    TrackingPause(String code) { this.code = code; }

    /** The error code the snapshot's failure carries. */
    public String code() { return code; }

    /** This pause as a snapshot's failure; {@code detail} is for diagnostics (never shown as the headline). */
    public CallFailure failure(String detail) {
        return new CallFailure(FailureKind.NETWORK, code, detail, null, null, List.of(), null);
    }

    /** The pause a snapshot is in, if any. */
    public static Optional<TrackingPause> of(TaskProgress p) {
        if (p == null || p.failure() == null || p.isEnded()) return Optional.empty();
        for (TrackingPause t : values()) if (t.code.equals(p.failure().errorCode())) return Optional.of(t);
        return Optional.empty();
    }
}
