package app.cosell.ui.opportunities;

import app.cosell.model.EditableField;
import app.cosell.model.Opportunity;
import app.cosell.model.StartVerdict;

/**
 * One finding of the readiness check as the detail pane shows it: what would fail when starting the engagement,
 * and how to fix it. {@code blocking} findings would make the task fail; the others are warnings. {@code field} is
 * the field the editor can fix ("Fix it" beside the finding), or null.
 */
public record ReadinessItem(boolean blocking, String problem, String fix, EditableField field) {

    public ReadinessItem(boolean blocking, String problem, String fix) { this(blocking, problem, fix, null); }

    /** The readiness check the detail pane runs and the start guard's verdict (both backed by the engagement package). */
    @FunctionalInterface
    public interface Check {
        java.util.List<ReadinessItem> check(Opportunity opportunity);

        /** Whether a start is allowed, from the record and whether a task of ours still runs; null: no guard. */
        default StartVerdict verdict(Opportunity opportunity, boolean ourTaskRunning) { return null; }

        /** The verdict's first reason in words, for beside a disabled Start. */
        default String describe(StartVerdict verdict) { return ""; }
    }
}
