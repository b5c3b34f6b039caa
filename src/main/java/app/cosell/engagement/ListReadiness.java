package app.cosell.engagement;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The list's Readiness column: may this row's engagement be started now, as far as the app can tell? {@link #of} is
 * the one place that decides it (today from the review status, the stage and the {@link ReadinessCheck} of the
 * stored full record; the guard's StartGuard rule set replaces its body when it lands).
 */
public final class ListReadiness {

    /** Ready to submit, blocked (with why), or not known (no full record yet, or it is older than the row). */
    public enum State { READY, BLOCKED, UNKNOWN }

    /**
     * One row's verdict. {@code reasonKey} is a message-bundle key with {@code args}; for a failing check it is the
     * issue's {@code .what} key.
     */
    public record Verdict(State state, String reasonKey, List<String> args) {
        public Verdict {
            Objects.requireNonNull(state, "state");
            args = List.copyOf(args == null ? List.of() : args);
        }

        public static final Verdict NOT_CHECKED = new Verdict(State.UNKNOWN, "readiness.list.notChecked", List.of());

        public boolean isReady() { return state == State.READY; }
    }

    private final ReadinessCheck check;

    public ListReadiness(ReadinessCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * The verdict for {@code row}; {@code record} is its full record when fetched (null: not yet). A record older
     * than the row is not trusted: the row changed since.
     */
    public Verdict of(OpportunitySummary row, Opportunity record, LocalDate today) {
        ReviewStatus status = row.reviewStatus();
        if (status != null && !status.acceptsSubmission()) {
            return new Verdict(State.BLOCKED, "readiness.list.reviewStatus", List.of(status.wire()));
        }
        if (row.stage() == Stage.CLOSED_LOST || row.stage() == Stage.LAUNCHED) {
            return new Verdict(State.BLOCKED, "readiness.list.stage", List.of(row.stage().wire()));
        }
        if (record == null || (row.lastModifiedDate() != null && record.lastModifiedDate() != null
                && record.lastModifiedDate().isBefore(row.lastModifiedDate()))) {
            return Verdict.NOT_CHECKED;
        }
        for (ReadinessIssue issue : check.check(record, today)) {
            if (issue.severity() == ReadinessIssue.Severity.WILL_FAIL) {
                return new Verdict(State.BLOCKED, issue.problem() + ".what", issue.args());
            }
        }
        return new Verdict(State.READY, "readiness.list.ready", List.of());
    }

    /** Whether the background check should fetch this row's record: it could still be submitted. */
    public static boolean worthChecking(OpportunitySummary row) {
        return row.reviewStatus() == null || row.reviewStatus().acceptsSubmission();
    }
}
