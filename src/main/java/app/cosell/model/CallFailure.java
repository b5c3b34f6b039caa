package app.cosell.model;

import java.util.List;

/**
 * A {@link PartnerCentralFailure} as data, so a task snapshot can carry (and the history can store) the call failure
 * that stopped it: a refused start, or a tracker that lost its connection or sign-in.
 */
public record CallFailure(FailureKind kind, String errorCode, String message, String reason, String requestId,
                          List<FieldError> fieldErrors, String profile) {

    public CallFailure {
        fieldErrors = List.copyOf(fieldErrors == null ? List.of() : fieldErrors);
    }

    public static CallFailure of(PartnerCentralFailure f) {
        return new CallFailure(f.kind(), f.errorCode(), f.getMessage(), f.reason(), f.requestId(), f.fieldErrors(),
                f.profile());
    }

    public PartnerCentralFailure toFailure() {
        return new PartnerCentralFailure(kind, errorCode, message, reason, requestId, fieldErrors, profile, null);
    }
}
