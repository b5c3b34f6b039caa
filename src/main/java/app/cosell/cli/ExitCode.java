package app.cosell.cli;

/** The command line's exit codes: a contract with the scripts that call it. */
public final class ExitCode {

    /** Done: everything asked for completed. */
    public static final int OK = 0;
    /** Could not run: no connection, no credentials, an unexpected error. */
    public static final int ERROR = 1;
    /** The command line itself is wrong (picocli's usage error). */
    public static final int USAGE = 2;
    /** Refused before any write: the guard knows the start would fail (blocked, already submitted, expired…). */
    public static final int REFUSED = 3;
    /** Sent, and the service's task ended FAILED (or at least one item of a batch did). */
    public static final int FAILED = 4;

    private ExitCode() {}
}
