package app.cosell.engagement;

import app.cosell.model.EditableField;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.ReviewStatus;
import app.cosell.model.StartVerdict;
import app.cosell.model.StartVerdict.Cause;
import app.cosell.model.StartVerdict.Reason;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one rule set that decides whether an engagement may be started for an opportunity — shared by the list, the
 * detail pane, the Start form, the batch work and the command line, so none of them sends a start the console knows
 * will fail. It reads the full record (the field rules of {@link ReadinessCheck}: review status, stage, mandatory
 * fields) and whether a task of ours is still running for it. A rule it cannot check makes the verdict UNKNOWN, which
 * still allows the start: the service stays the authority.
 */
public final class StartGuard {

    private final ReadinessCheck rules = new ReadinessCheck();

    /**
     * @param opportunity     the full record (GetOpportunity)
     * @param ourTaskRunning  whether a task this app started for it has not ended yet
     */
    public StartVerdict decide(Opportunity opportunity, InvolvementType involvement, boolean ourTaskRunning,
                               LocalDate today) {
        List<Reason> blocked = new ArrayList<>();
        if (ourTaskRunning) blocked.add(new Reason(Cause.TASK_RUNNING, null, null, "guard.taskRunning", List.of()));
        List<Reason> unchecked = new ArrayList<>();
        Opportunity.LifeCycle lc = opportunity.lifeCycle();
        if (lc != null && lc.reviewStatus() == null && lc.reviewStatusRaw() != null) {
            unchecked.add(new Reason(Cause.UNCHECKED, "LifeCycle.ReviewStatus", null, "guard.reviewStatusUnknown",
                    List.of(lc.reviewStatusRaw())));
        }
        if (lc != null && lc.stage() == null && lc.stageRaw() != null) {
            unchecked.add(new Reason(Cause.UNCHECKED, "LifeCycle.Stage", null, "guard.stageUnknown",
                    List.of(lc.stageRaw())));
        }
        for (ReadinessIssue i : findings(opportunity, involvement, today)) {
            if (i.severity() != ReadinessIssue.Severity.WILL_FAIL) continue;
            blocked.add(new Reason(causeOf(i), i.field(), editableOf(i), i.problem(), i.args()));
        }
        if (!blocked.isEmpty()) return new StartVerdict(StartVerdict.Outcome.BLOCKED, blocked);
        if (!unchecked.isEmpty()) return new StartVerdict(StartVerdict.Outcome.UNKNOWN, unchecked);
        return StartVerdict.ready();
    }

    /** The same, assuming a Co-Sell start (the stricter case; the form's default). */
    public StartVerdict decide(Opportunity opportunity, boolean ourTaskRunning, LocalDate today) {
        return decide(opportunity, InvolvementType.CO_SELL, ourTaskRunning, today);
    }

    /** Every finding of the field rules, warnings and notes included (the detail pane lists them all). */
    public List<ReadinessIssue> findings(Opportunity opportunity, InvolvementType involvement, LocalDate today) {
        return rules.check(opportunity, involvement == null ? InvolvementType.CO_SELL : involvement, today);
    }

    /** The field of a finding the editor can fix, or null (review status and stage are not the rep's to set). */
    public static EditableField editableOf(ReadinessIssue issue) {
        if (issue.field().startsWith("LifeCycle.ReviewStatus") || issue.field().startsWith("LifeCycle.Stage")
                || issue.field().equals("NationalSecurity") || issue.field().equals("Origin")
                || issue.field().equals("OpportunityType")) return null;
        return EditableField.fromPath(issue.field());
    }

    private static Cause causeOf(ReadinessIssue i) {
        if (i.field().equals("LifeCycle.ReviewStatus")) return Cause.REVIEW_STATUS;
        if (i.field().equals("LifeCycle.Stage") && i.problem().equals("readiness.closedLost")) return Cause.CLOSED_LOST;
        return Cause.READINESS;
    }

    /** What a reason says, in the rep's words ({@code <problem>.what}). */
    public static String what(Reason reason, ResourceBundle bundle) { return format(bundle, reason, ".what"); }

    /** How to get past it ({@code <problem>.fix}). */
    public static String fix(Reason reason, ResourceBundle bundle) { return format(bundle, reason, ".fix"); }

    /** The one line to show beside a disabled Start (and on stderr of the command line). */
    public static String summary(StartVerdict verdict, ResourceBundle bundle) {
        Reason r = verdict.first();
        if (r == null) return "";
        String text = what(r, bundle);
        int more = verdict.reasons().size() - 1;
        if (more > 0) text += " " + new MessageFormat(text(bundle, "guard.more", "(+{0})"), bundle.getLocale())
                .format(new Object[] {more});
        return text;
    }

    /** Whether the review status lets the rep edit (In review / Submitted / Rejected are read-only). */
    public static boolean editable(Opportunity o) {
        ReviewStatus s = o.lifeCycle() == null ? null : o.lifeCycle().reviewStatus();
        return s == null || s == ReviewStatus.PENDING_SUBMISSION || s == ReviewStatus.ACTION_REQUIRED
                || s == ReviewStatus.APPROVED;
    }

    private static String format(ResourceBundle bundle, Reason reason, String suffix) {
        String pattern = text(bundle, reason.problem() + suffix, reason.problem());
        // Readiness reasons carry the field as {0}, as their texts count it.
        return new MessageFormat(pattern, bundle.getLocale()).format(reason.args().toArray());
    }

    private static String text(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
