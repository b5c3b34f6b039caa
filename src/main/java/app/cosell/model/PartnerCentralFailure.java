package app.cosell.model;

import java.util.List;

/**
 * A call to Partner Central that failed, in the app's terms: the family, the service's message, the request id
 * for support, and for validation failures the fields the service named. Free of SDK types so every layer can
 * handle it.
 */
public final class PartnerCentralFailure extends RuntimeException {

    private final FailureKind kind;
    private final String errorCode;
    private final String reason;
    private final String requestId;
    private final List<FieldError> fieldErrors;
    private final String profile;

    public PartnerCentralFailure(FailureKind kind, String errorCode, String message, String reason,
                                 String requestId, List<FieldError> fieldErrors, String profile, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
        this.reason = reason;
        this.requestId = requestId;
        this.fieldErrors = List.copyOf(fieldErrors == null ? List.of() : fieldErrors);
        this.profile = profile;
    }

    public static PartnerCentralFailure of(FailureKind kind, String message, Throwable cause) {
        return new PartnerCentralFailure(kind, kind.exceptionName(), message, null, null, List.of(), null, cause);
    }

    public FailureKind kind() { return kind; }

    /** The raw error code ({@code __type}) as the service sent it, or null. */
    public String errorCode() { return errorCode; }

    /** ValidationException {@code Reason} or AccessDeniedException {@code Reason}, or null. */
    public String reason() { return reason; }

    public String requestId() { return requestId; }

    public List<FieldError> fieldErrors() { return fieldErrors; }

    /** For {@link FailureKind#SIGN_IN_NEEDED}: the AWS profile that needs a sign-in. */
    public String profile() { return profile; }
}
