package app.cosell.model;

/**
 * The families of failure a call to Partner Central can end in: the service's seven exceptions plus what happens
 * before an answer arrives (network, sign-in) and anything else.
 */
public enum FailureKind {
    VALIDATION("ValidationException"),
    ACCESS_DENIED("AccessDeniedException"),
    NOT_FOUND("ResourceNotFoundException"),
    CONFLICT("ConflictException"),
    QUOTA_EXCEEDED("ServiceQuotaExceededException"),
    THROTTLED("ThrottlingException"),
    INTERNAL("InternalServerException"),
    NETWORK(null),
    SIGN_IN_NEEDED(null),
    UNKNOWN(null);

    private final String exceptionName;

    FailureKind(String exceptionName) { this.exceptionName = exceptionName; }

    /** The service's exception type ({@code __type}) for this family, or null for client-side families. */
    public String exceptionName() { return exceptionName; }

    /** Whether the same request may succeed if simply sent again later. */
    public boolean isTransient() {
        return this == THROTTLED || this == INTERNAL || this == NETWORK;
    }
}
