package app.cosell.engagement;

import app.cosell.model.CallFailure;
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

    private record Rule(AdviceAction action, boolean retryCanHelp) {}

    private static Rule ruleFor(ReasonCode c) {
        return switch (c) {
            case OpportunitySubmissionFailed, ResourceSnapshotConflict, ResourceSnapshotJobConflict, InternalError ->
                    new Rule(AdviceAction.RETRY_WITH_NEW_TOKEN, true);
            case ContextNotFound, CustomerProjectContextNotPermitted, DisqualifiedLeadNotPermitted, ServiceQuotaExceeded ->
                    new Rule(AdviceAction.CONTACT_AWS_TEAM, false);
            case RequestThrottled -> new Rule(AdviceAction.WAIT_AND_RETRY, true);
            default -> ruleBySuffix(c.name());
        };
    }

    private static Rule ruleFor(FailureKind k) {
        return switch (k) {
            case VALIDATION -> new Rule(AdviceAction.FIX_FIELDS, false);
            case ACCESS_DENIED -> new Rule(AdviceAction.COPY_DIAGNOSTICS, false);
            case NOT_FOUND, CONFLICT -> new Rule(AdviceAction.OPEN_OPPORTUNITY, false);
            case QUOTA_EXCEEDED -> new Rule(AdviceAction.CONTACT_AWS_TEAM, false);
            case THROTTLED, INTERNAL, NETWORK -> new Rule(AdviceAction.WAIT_AND_RETRY, true);
            case SIGN_IN_NEEDED -> new Rule(AdviceAction.SIGN_IN, true);
            case UNKNOWN -> new Rule(AdviceAction.COPY_DIAGNOSTICS, true);
        };
    }

    /** The rule a code's name suggests: how the service names its families of failure. */
    private static Rule ruleBySuffix(String code) {
        if (code.endsWith("AccessDenied")) return new Rule(AdviceAction.COPY_DIAGNOSTICS, false);
        if (code.endsWith("ValidationFailed")) return new Rule(AdviceAction.OPEN_OPPORTUNITY, false);
        if (code.endsWith("Conflict")) return new Rule(AdviceAction.OPEN_OPPORTUNITY, false);
        if (code.endsWith("Throttled")) return new Rule(AdviceAction.WAIT_AND_RETRY, true);
        if (code.endsWith("Error") || code.endsWith("Failed")) return new Rule(AdviceAction.RETRY_WITH_NEW_TOKEN, true);
        return new Rule(AdviceAction.COPY_DIAGNOSTICS, true);
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
            return Optional.of(forReasonCode(task.reasonCode(), task.message(), task.failedStep()));
        }
        if (task.failure() != null) return Optional.of(forCallFailure(task.failure()));
        if (task.isFailed()) return Optional.of(forReasonCode(null, task.message(), task.failedStep()));
        return Optional.empty();
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
        if (code != null) {
            Rule r = ruleFor(code);
            return advice(code.name(), true, "advice." + code.name(), r, step, serviceMessage, List.of());
        }
        String shown = rawCode == null ? "—" : rawCode;
        Rule r = rawCode == null ? new Rule(AdviceAction.RETRY_WITH_NEW_TOKEN, true) : ruleBySuffix(rawCode);
        return advice(shown, false, "advice.UnknownReason", r, step, serviceMessage, List.of());
    }

    private FailureAdvice forCallFailure(CallFailure f) {
        Rule r = ruleFor(f.kind());
        String key = switch (f.kind()) {
            case NETWORK -> "advice.NetworkError";
            case SIGN_IN_NEEDED -> "advice.SignInNeeded";
            case UNKNOWN -> "advice.UnknownError";
            default -> "advice." + f.kind().exceptionName();
        };
        if (f.kind() == FailureKind.VALIDATION && f.fieldErrors().isEmpty()) {
            r = new Rule(AdviceAction.OPEN_OPPORTUNITY, false);
        }
        if (f.kind() == FailureKind.VALIDATION && "BUSINESS_VALIDATION_FAILED".equals(f.reason())) {
            key = "advice.ValidationException.business";
        }
        if (f.kind() == FailureKind.ACCESS_DENIED && "INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE".equals(f.reason())) {
            key = "advice.AccessDeniedException.partnerState";
            r = new Rule(AdviceAction.CONTACT_AWS_TEAM, false);
        }
        String code = f.errorCode() != null ? f.errorCode()
                : f.kind() == FailureKind.NETWORK ? "NetworkError"
                : f.kind() == FailureKind.SIGN_IN_NEEDED ? "SignInNeeded" : f.kind().name();
        boolean known = f.kind() != FailureKind.UNKNOWN;
        return advice(code, known, key, r, null, f.message(), f.fieldErrors(), f.profile());
    }

    private FailureAdvice advice(String code, boolean known, String key, Rule r, TaskStep step, String serviceMessage,
                                 List<FieldError> fields, Object... extra) {
        Object[] args = new Object[] {code, step == null ? "" : text("step." + step.name(), step.operation()),
                extra.length > 0 && extra[0] != null ? extra[0] : ""};
        return new FailureAdvice(code, known, format(key + ".title", args), format(key + ".happened", args),
                format(key + ".todo", args), r.retryCanHelp(), r.action(), step, serviceMessage, fields);
    }

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
