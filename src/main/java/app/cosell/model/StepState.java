package app.cosell.model;

/** Where one step of a task stands, as far as the evidence shows. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED, SKIPPED;

    public boolean isEnd() { return this == DONE || this == FAILED || this == SKIPPED; }
}
