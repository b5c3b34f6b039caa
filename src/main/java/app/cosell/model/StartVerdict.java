package app.cosell.model;

import java.util.List;

/**
 * Whether an engagement may be started for one opportunity, decided before anything is sent: {@link Outcome#READY},
 * {@link Outcome#BLOCKED} with the reasons (the start would be refused or fail), or {@link Outcome#UNKNOWN} with the
 * rules that could not be checked from what the API shows (the start is allowed: the service has the last word).
 *
 * @param outcome the decision
 * @param reasons for BLOCKED, what stands in the way (first: the one to show beside a disabled Start); for UNKNOWN,
 *                the rules that could not be checked; empty for READY
 */
public record StartVerdict(Outcome outcome, List<Reason> reasons) {

    public enum Outcome { READY, BLOCKED, UNKNOWN }

    /** Why a start is blocked (or what could not be checked). */
    public enum Cause {
        /** A task of ours for this opportunity has not ended yet: show it instead of starting another. */
        TASK_RUNNING,
        /** {@code LifeCycle.ReviewStatus} is Submitted, In review, Approved or Rejected. */
        REVIEW_STATUS,
        /** {@code LifeCycle.Stage} is Closed Lost. */
        CLOSED_LOST,
        /** A field the service requires for a submission is missing or wrong. */
        READINESS,
        /** A rule the API gives no way to check (e.g. a review status this app does not know). */
        UNCHECKED
    }

    /**
     * One reason, phrased by the message bundle ({@code <problem>.what} / {@code .fix} with {@code args}).
     *
     * @param field the opportunity field as the service names it, or null (a running task)
     * @param editable the field the rep can fix in the app's editor, or null when the editor cannot help
     */
    public record Reason(Cause cause, String field, EditableField editable, String problem, List<String> args) {
        public Reason {
            args = List.copyOf(args == null ? List.of() : args);
        }
    }

    public StartVerdict {
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
    }

    public static StartVerdict ready() { return new StartVerdict(Outcome.READY, List.of()); }

    public boolean isBlocked() { return outcome == Outcome.BLOCKED; }

    /** READY or UNKNOWN: a start may be sent. */
    public boolean allowsStart() { return outcome != Outcome.BLOCKED; }

    public boolean isTaskRunning() {
        return isBlocked() && reasons.stream().anyMatch(r -> r.cause() == Cause.TASK_RUNNING);
    }

    /** The reason to show first, or null for READY. */
    public Reason first() { return reasons.isEmpty() ? null : reasons.getFirst(); }
}
