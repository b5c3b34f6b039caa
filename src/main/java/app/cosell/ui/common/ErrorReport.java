package app.cosell.ui.common;

import app.cosell.engagement.FailureAdvice;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.PartnerCentralFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What the error presenter shows for a failure: a headline (what the rep was doing), a readable message, a hint
 * (what to do), and the details a rep pastes into a support ticket. Never a stack trace: those go to the log.
 */
public record ErrorReport(String headline, String message, String hint, String details) {

    /** Plain words for Partner Central failures come from the engagement package's one catalogue of advice. */
    private static final FailureAdviceCatalogue ADVICE = new FailureAdviceCatalogue(Messages.bundle());

    /** Builds the report for {@code error}, which happened while doing {@code headline}. */
    public static ErrorReport of(String headline, Throwable error) {
        Throwable e = unwrap(error);
        StringBuilder details = new StringBuilder();
        details.append(Messages.get("error.details.when")).append(": ").append(Instant.now()).append('\n');
        details.append(Messages.get("error.details.action")).append(": ").append(headline).append('\n');
        details.append(Messages.get("error.details.supportCode")).append(": ").append(code(e)).append('\n');
        String message;
        String hint;
        if (e instanceof PartnerCentralFailure f) {
            FailureAdvice advice = ADVICE.forFailure(f);
            message = advice.title() + ". " + advice.whatHappened();
            hint = advice.whatToDo();
            if (f.getMessage() != null) details.append(Messages.get("error.details.serviceMessage")).append(": ").append(f.getMessage()).append('\n');
            details.append(Messages.get("error.details.kind")).append(": ").append(f.kind()).append('\n');
            if (f.errorCode() != null) details.append(Messages.get("error.details.code")).append(": ").append(f.errorCode()).append('\n');
            if (f.reason() != null) details.append(Messages.get("error.details.reason")).append(": ").append(f.reason()).append('\n');
            if (f.requestId() != null) details.append(Messages.get("error.details.requestId")).append(": ").append(f.requestId()).append('\n');
            if (f.profile() != null) details.append(Messages.get("error.details.profile")).append(": ").append(f.profile()).append('\n');
            for (FieldError fe : f.fieldErrors()) {
                details.append("  - ").append(fe.fieldName() == null ? "" : fe.fieldName() + ": ")
                        .append(fe.code() == null ? "" : "[" + fe.code() + "] ").append(fe.message()).append('\n');
            }
        } else if (e instanceof ConnectException || e instanceof HttpTimeoutException) {
            FailureAdvice advice = ADVICE.forFailure(PartnerCentralFailure.of(FailureKind.NETWORK, e.getMessage(), e));
            message = advice.title() + ". " + advice.whatHappened();
            hint = advice.whatToDo();
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            message = Messages.format("error.io.message", e.getMessage() == null ? "" : e.getMessage());
            hint = Messages.get("error.io.hint");
        } else {
            message = e.getMessage() == null || e.getMessage().isBlank()
                    ? Messages.get("error.unexpected.message") : e.getMessage();
            hint = Messages.get("error.unexpected.hint");
        }
        details.append(Messages.get("error.details.message")).append(": ").append(message).append('\n');
        details.append(Messages.get("error.details.type")).append(": ").append(e.getClass().getName()).append('\n');
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            details.append(Messages.get("error.details.cause")).append(": ").append(c.getClass().getName())
                    .append(c.getMessage() == null ? "" : ": " + c.getMessage()).append('\n');
        }
        return new ErrorReport(headline, message, hint, details.toString().strip());
    }

    /**
     * A short code that names the kind of failure the same way on every machine and every run, so support can group
     * tickets: {@code CSC-} and the failure kind (or the Java type's simple name), then 4 hex digits of the service's
     * error code and reason (or the exception's type), e.g. {@code CSC-VALIDATION-3F1A}. No message text goes in:
     * it may carry ids or names.
     */
    public static String code(Throwable error) {
        Throwable e = unwrap(error);
        String kind;
        String what;
        if (e instanceof PartnerCentralFailure f) {
            kind = f.kind().name();
            what = f.kind() + "|" + f.errorCode() + "|" + f.reason();
        } else {
            kind = e instanceof IOException || e instanceof UncheckedIOException ? "IO" : "APP";
            what = e.getClass().getName() + "|" + (e.getCause() == null ? "" : e.getCause().getClass().getName());
        }
        return String.format(Locale.ROOT, "CSC-%s-%04X", kind, what.hashCode() & 0xFFFF);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
