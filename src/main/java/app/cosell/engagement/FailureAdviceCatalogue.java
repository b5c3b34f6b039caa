package app.cosell.engagement;

import app.cosell.model.CallFailure;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReasonCode;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Advice for every failure the rep can meet: the 22 ReasonCodes of a FAILED task, the service's seven exceptions,
 * network failures and a missing sign-in. Which action and whether retrying helps are decided here; every word
 * shown comes from the message bundle ({@code advice.<Code>.title|happened|todo}). A code this app does not know
 * gets a generic entry that shows the raw code, guessed from its suffix (AccessDenied, ValidationFailed, Conflict).
 */
public final class FailureAdviceCatalogue {

    public static final String BUNDLE = "app.cosell.i18n.messages";

    /**
     * What a failure family calls for: the first action (also the ones without a button: contact the AWS team), whether
     * trying again may succeed by itself, and the buttons, primary first. A retry is offered only where it can help:
     * transient codes, throttling, service errors, the network; never for validation, conflict or permissions.
     */
    private record Rule(AdviceAction action, boolean retryCanHelp, List<AdviceAction> buttons) {
        Rule(AdviceAction action, boolean retryCanHelp) {
            this(action, retryCanHelp, action == AdviceAction.COPY_DIAGNOSTICS || action == AdviceAction.CONTACT_AWS_TEAM
                    || action == AdviceAction.FIX_FIELDS
                    ? List.of(AdviceAction.COPY_DIAGNOSTICS) : List.of(action, AdviceAction.COPY_DIAGNOSTICS));
        }
    }

    private static final List<AdviceAction> FIX = List.of(AdviceAction.FIX_IT, AdviceAction.OPEN_IN_PARTNER_CENTRAL,
            AdviceAction.COPY_DIAGNOSTICS);
    private static final List<AdviceAction> CONSOLE = List.of(AdviceAction.OPEN_IN_PARTNER_CENTRAL,
            AdviceAction.COPY_DIAGNOSTICS);

    private static Rule ruleFor(ReasonCode c, EditableField field) {
        return switch (c) {
            // Transient: the same start may well succeed later (a re-run reuses what the task created).
            case InternalError, OpportunitySubmissionFailed -> new Rule(AdviceAction.RETRY_WITH_NEW_TOKEN, true);
            case RequestThrottled -> new Rule(AdviceAction.WAIT_AND_RETRY, true);
            // The record is wrong: the editor fixes it, on the field the message names if it names one.
            case OpportunityValidationFailed -> new Rule(AdviceAction.FIX_IT, false, FIX);
            // The opportunity's state (review status, stage) does not allow it: show it; AWS's side is in the console.
            case OpportunityConflict -> new Rule(AdviceAction.OPEN_OPPORTUNITY, false, List.of(
                    AdviceAction.OPEN_OPPORTUNITY, AdviceAction.OPEN_IN_PARTNER_CENTRAL, AdviceAction.COPY_DIAGNOSTICS));
            case ContextNotFound, CustomerProjectContextNotPermitted, DisqualifiedLeadNotPermitted, ServiceQuotaExceeded ->
                    new Rule(AdviceAction.CONTACT_AWS_TEAM, false);
            default -> ruleBySuffix(c.name(), field);
        };
    }

    private static Rule ruleFor(FailureKind k, EditableField field) {
        return switch (k) {
            case VALIDATION -> field != null ? new Rule(AdviceAction.FIX_IT, false, List.of(AdviceAction.FIX_IT,
                    AdviceAction.COPY_DIAGNOSTICS)) : new Rule(AdviceAction.FIX_FIELDS, false);
            case ACCESS_DENIED, NOT_FOUND -> new Rule(AdviceAction.COPY_DIAGNOSTICS, false);
            case CONFLICT -> new Rule(AdviceAction.OPEN_OPPORTUNITY, false);
            case QUOTA_EXCEEDED -> new Rule(AdviceAction.CONTACT_AWS_TEAM, false);
            case THROTTLED, INTERNAL, NETWORK -> new Rule(AdviceAction.WAIT_AND_RETRY, true);
            case SIGN_IN_NEEDED -> new Rule(AdviceAction.SIGN_IN, true, List.of(AdviceAction.WAIT_AND_RETRY,
                    AdviceAction.COPY_DIAGNOSTICS));
            case UNKNOWN -> new Rule(AdviceAction.COPY_DIAGNOSTICS, true, List.of(AdviceAction.WAIT_AND_RETRY,
                    AdviceAction.COPY_DIAGNOSTICS));
        };
    }

    /** The rule a code's name suggests: how the service names its families of failure. */
    private static Rule ruleBySuffix(String code, EditableField field) {
        if (code.endsWith("AccessDenied")) return new Rule(AdviceAction.COPY_DIAGNOSTICS, false);
        if (code.endsWith("ValidationFailed")) return field != null ? new Rule(AdviceAction.FIX_IT, false, FIX)
                : new Rule(AdviceAction.OPEN_IN_PARTNER_CENTRAL, false, CONSOLE);
        if (code.endsWith("Conflict")) return new Rule(AdviceAction.OPEN_IN_PARTNER_CENTRAL, false, CONSOLE);
        if (code.endsWith("Throttled")) return new Rule(AdviceAction.WAIT_AND_RETRY, true);
        if (code.endsWith("Error") || code.endsWith("Failed")) return new Rule(AdviceAction.RETRY_WITH_NEW_TOKEN, true);
        return new Rule(AdviceAction.COPY_DIAGNOSTICS, true, List.of(AdviceAction.RETRY_WITH_NEW_TOKEN,
                AdviceAction.COPY_DIAGNOSTICS));
    }

    private final ResourceBundle bundle;

    public FailureAdviceCatalogue(ResourceBundle bundle) { this.bundle = bundle; }

    /** The catalogue with the app's bundle for {@code locale}. */
    public static FailureAdviceCatalogue forLocale(Locale locale) {
        return new FailureAdviceCatalogue(ResourceBundle.getBundle(BUNDLE, locale));
    }

    /**
     * Advice for a task snapshot: its ReasonCode when the task FAILED, else the call failure that stopped it; empty
     * for a task that completed or is still running fine.
     */
    public Optional<FailureAdvice> forTask(TaskProgress task) {
        if (task.isFailed() && task.status() != null && task.reasonCode() != null) {
            return Optional.of(forReasonCode(task.reasonCode(), task.message(), task.failedStep())
                    .withAlreadyCreated(alreadyCreated(task)));
        }
        if (task.failure() != null) return Optional.of(forCallFailure(task.failure()));
        if (task.isFailed()) return Optional.of(forReasonCode(null, task.message(), task.failedStep())
                .withAlreadyCreated(alreadyCreated(task)));
        return Optional.empty();
    }

    /** What a task that failed after its first steps left behind, which a new start reuses; null if nothing. */
    String alreadyCreated(TaskProgress task) {
        String engagement = task.engagementId() != null ? task.engagementId()
                : task.step(TaskStep.CREATE_ENGAGEMENT).resultId();
        String job = task.resourceSnapshotJobId() != null ? task.resourceSnapshotJobId()
                : task.step(TaskStep.CREATE_RESOURCE_SNAPSHOT_JOB).resultId();
        if (engagement == null) return null;
        return job == null ? format("advice.alreadyCreated.engagement", new Object[] {engagement})
                : format("advice.alreadyCreated.engagementAndJob", new Object[] {engagement, job});
    }

    /** Advice for a failed call (listing opportunities, starting a task, signing in). */
    public FailureAdvice forFailure(PartnerCentralFailure failure) {
        return forCallFailure(CallFailure.of(failure));
    }

    /**
     * Advice for a FAILED task's ReasonCode.
     *
     * @param rawCode the code as the service sent it; null when it sent none
     */
    public FailureAdvice forReasonCode(String rawCode, String serviceMessage, TaskStep failedStep) {
        ReasonCode code = ReasonCode.fromWire(rawCode);
        TaskStep step = failedStep != null ? failedStep : code == null ? null : code.step();
        EditableField field = EditableField.named(serviceMessage);
        if (code != null) {
            Rule r = ruleFor(code, field);
            String key = "advice." + code.name();
            if (field != null && r.buttons().contains(AdviceAction.FIX_IT)) key = "advice.fieldNamed";
            return advice(code.name(), true, key, r, step, serviceMessage, List.of(), field);
        }
        String shown = rawCode == null ? "—" : rawCode;
        Rule r = rawCode == null ? new Rule(AdviceAction.RETRY_WITH_NEW_TOKEN, true) : ruleBySuffix(rawCode, field);
        return advice(shown, false, "advice.UnknownReason", r, step, serviceMessage, List.of(), field);
    }

    private FailureAdvice forCallFailure(CallFailure f) {
        EditableField field = null;
        for (FieldError e : f.fieldErrors()) {
            field = EditableField.fromPath(e.fieldName());
            if (field != null) break;
        }
        if (field == null && f.kind() == FailureKind.VALIDATION) field = EditableField.named(f.message());
        Rule r = ruleFor(f.kind(), field);
        String key = switch (f.kind()) {
            case NETWORK -> "advice.NetworkError";
            case SIGN_IN_NEEDED -> "advice.SignInNeeded";
            case UNKNOWN -> "advice.UnknownError";
            default -> "advice." + f.kind().exceptionName();
        };
        if (f.kind() == FailureKind.VALIDATION && "BUSINESS_VALIDATION_FAILED".equals(f.reason())) {
            key = "advice.ValidationException.business";
        }
        if (f.kind() == FailureKind.VALIDATION && field != null) key = "advice.fieldNamed";
        if (f.kind() == FailureKind.CONFLICT && f.message() != null
                && f.message().toLowerCase(Locale.ROOT).contains("already in progress")) {
            // A second start for an opportunity whose task still runs: nothing is wrong with the opportunity.
            key = "advice.ConflictException.running";
            r = new Rule(AdviceAction.SHOW_RUNNING_TASK, false, List.of(AdviceAction.SHOW_RUNNING_TASK,
                    AdviceAction.COPY_DIAGNOSTICS));
        }
        if (f.kind() == FailureKind.ACCESS_DENIED && "INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE".equals(f.reason())) {
            key = "advice.AccessDeniedException.partnerState";
            r = new Rule(AdviceAction.CONTACT_AWS_TEAM, false);
        }
        String code = f.errorCode() != null ? f.errorCode()
                : f.kind() == FailureKind.NETWORK ? "NetworkError"
                : f.kind() == FailureKind.SIGN_IN_NEEDED ? "SignInNeeded" : f.kind().name();
        boolean known = f.kind() != FailureKind.UNKNOWN;
        return advice(code, known, key, r, null, f.message(), f.fieldErrors(), field, f.profile());
    }

    private FailureAdvice advice(String code, boolean known, String key, Rule r, TaskStep step, String serviceMessage,
                                 List<FieldError> fields, EditableField field, Object... extra) {
        Object[] args = new Object[] {code, step == null ? "" : text("step." + step.name(), step.operation()),
                extra.length > 0 && extra[0] != null ? extra[0] : "",
                field == null ? "" : text("field." + field.name(), field.path()), field == null ? "" : field.path()};
        List<AdviceAction> buttons = r.buttons();
        return new FailureAdvice(code, known, format(key + ".title", args), format(key + ".happened", args),
                format(key + ".todo", args), r.retryCanHelp(), r.action(), step, serviceMessage, fields, buttons,
                buttons.contains(AdviceAction.FIX_IT) ? field : null, null);
    }

    /** The name of a field in the rep's words ("Customer website"). */
    public String fieldLabel(EditableField field) { return text("field." + field.name(), field.path()); }

    private String format(String key, Object[] args) {
        return new MessageFormat(text(key, key), bundle.getLocale()).format(args);
    }

    private String text(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
