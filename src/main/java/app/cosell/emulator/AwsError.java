package app.cosell.emulator;

import java.util.List;

/**
 * An error the emulator answers with, shaped the way the service sends it on the wire: an AWS JSON 1.0
 * {@code __type}, a {@code Message}, and for ValidationException a {@code Reason} and {@code ErrorList}.
 * Thrown from anywhere below the HTTP front and turned into a response there, so business code never
 * touches HTTP.
 */
final class AwsError extends RuntimeException {

    /** One entry of a ValidationException's ErrorList. */
    record FieldError(String fieldName, String message, String code) {
    }

    private final String type;
    private final int status;
    private final String reason;
    private final List<FieldError> errorList;

    AwsError(String type, int status, String message, String reason, List<FieldError> errorList) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.errorList = errorList == null ? List.of() : List.copyOf(errorList);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    List<FieldError> errorList() {
        return errorList;
    }

    // Status codes: the Smithy httpError codes of the model (see docs/emulator.md). The Java SDK and botocore
    // dispatch on __type, so either choice works for them; Smithy codes make curl output self-explaining.

    static AwsError validation(String message, List<FieldError> errors) {
        return new AwsError("ValidationException", 400, message, "REQUEST_VALIDATION_FAILED", errors);
    }

    static AwsError businessValidation(String message, List<FieldError> errors) {
        return new AwsError("ValidationException", 400, message, "BUSINESS_VALIDATION_FAILED", errors);
    }

    static AwsError notFound(String message) {
        return new AwsError("ResourceNotFoundException", 404, message, null, null);
    }

    static AwsError conflict(String message) {
        return new AwsError("ConflictException", 409, message, null, null);
    }

    static AwsError accessDenied(String message) {
        return new AwsError("AccessDeniedException", 403, message, null, null);
    }

    static AwsError throttling(String message) {
        return new AwsError("ThrottlingException", 429, message, null, null);
    }

    static AwsError quotaExceeded(String message) {
        return new AwsError("ServiceQuotaExceededException", 402, message, null, null);
    }

    static AwsError internal(String message) {
        return new AwsError("InternalServerException", 500, message, null, null);
    }

    static AwsError unknownOperation(String message) {
        return new AwsError("UnknownOperationException", 400, message, null, null);
    }

    static AwsError missingAuthentication(String message) {
        return new AwsError("MissingAuthenticationTokenException", 403, message, null, null);
    }

    static AwsError unrecognizedClient() {
        return new AwsError("UnrecognizedClientException", 403,
                "The security token included in the request is invalid.", null, null);
    }

    static AwsError invalidSignature(String message) {
        return new AwsError("InvalidSignatureException", 403, message, null, null);
    }

    /** A malformed or incomplete SigV4 Authorization (AWS answers these with 400, before looking at the key). */
    static AwsError incompleteSignature(String message) {
        return new AwsError("IncompleteSignatureException", 400, message, null, null);
    }

    static AwsError serialization(String message) {
        return new AwsError("SerializationException", 400, message, null, null);
    }

    /** Builds one of the service's modeled exceptions by its __type name (fault injection uses this). */
    static AwsError ofType(String type, String message) {
        return switch (type) {
            case "ValidationException" -> businessValidation(message,
                    List.of(new FieldError(null, message, "INVALID_VALUE")));
            case "ResourceNotFoundException" -> notFound(message);
            case "ConflictException" -> conflict(message);
            case "AccessDeniedException" -> accessDenied(message);
            case "ThrottlingException" -> throttling(message);
            case "ServiceQuotaExceededException" -> quotaExceeded(message);
            case "InternalServerException" -> internal(message);
            default -> throw new IllegalArgumentException("not a modeled exception: " + type);
        };
    }
}
