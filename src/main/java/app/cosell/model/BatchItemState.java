package app.cosell.model;

/**
 * Where one opportunity of a batch stands. The order is the life of an item: triage decides {@link #BLOCKED} or
 * {@link #WAITING}; the writer saves the item's client token ({@link #SENDING}) before its Start leaves; the answer
 * makes it {@link #RUNNING}; the task's end makes it {@link #COMPLETE} or {@link #FAILED}. A cancelled batch leaves
 * its unsent items {@link #CANCELLED}; what was already sent keeps running and is followed.
 */
public enum BatchItemState {
    /** Skipped at triage: the guard knows the start would fail (the reason is on the item). */
    BLOCKED,
    /** Ready and queued; nothing sent yet. */
    WAITING,
    /** Token saved, Start sent or about to be; the service's answer is not confirmed yet. */
    SENDING,
    /** The service answered with a task id; the task is being followed. */
    RUNNING,
    COMPLETE,
    FAILED,
    /** Never sent: the rep cancelled the batch first. */
    CANCELLED;

    /** Nothing more will happen to the item. */
    public boolean isFinal() {
        return this == BLOCKED || this == COMPLETE || this == FAILED || this == CANCELLED;
    }

    /** Sent (or possibly sent) and not ended: after a crash it must be resumed with its saved token. */
    public boolean isInFlight() {
        return this == SENDING || this == RUNNING;
    }
}
