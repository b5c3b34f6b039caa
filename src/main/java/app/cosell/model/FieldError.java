package app.cosell.model;

/**
 * One entry of a ValidationException's {@code ErrorList}: the field the service names (may be null), its
 * {@code Code} (e.g. REQUIRED_FIELD_MISSING) and its message.
 */
public record FieldError(String fieldName, String code, String message) {}
