package app.cosell.emulator;

import app.cosell.emulator.AwsError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Checks a request body against the operation's input shape in the service model: required members, types,
 * enums, patterns, string lengths, integer ranges, list sizes and unions. The real service validates all of
 * this server-side (the Java SDK and the CLI send values unchecked), so this is where clients learn of their
 * mistakes, as a ValidationException with one ErrorList entry per bad field. The model is the newest one
 * (botocore develop, 2026-08); requests of older clients validate against it because it only widened shapes.
 * Validation also cleans the request in place: unknown members and explicit nulls are removed.
 */
final class RequestValidator {

    /**
     * The task-id filter pattern of the model accepts {@code task-…} only; the CLI documentation speaks of
     * {@code oit-…}. We accept both so that clients following either source are understood.
     */
    private static final Map<String, String> PATTERN_OVERRIDES =
            Map.of("TaskArnOrIdentifier", "(arn:.*|task-[0-9a-z]{13}|oit-[0-9a-z]{13})");

    private final ServiceModel model;

    RequestValidator(ServiceModel model) {
        this.model = model;
    }

    /** Throws a ValidationException naming every bad field; returns quietly when the request is valid. */
    void validate(String operation, JsonNode body) {
        String input = model.inputShape(operation);
        if (input == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        checkStructure(input, model.shape(input), body, "", errors);
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(errors.size()).append(errors.size() == 1 ? " validation error" : " validation errors")
                    .append(" detected: ");
            for (int i = 0; i < errors.size(); i++) {
                FieldError error = errors.get(i);
                message.append(i == 0 ? "" : "; ")
                        .append(error.fieldName() == null ? "" : error.fieldName() + ": ").append(error.message());
            }
            throw AwsError.validation(message.toString(), errors);
        }
    }

    private void check(String shapeName, JsonNode value, String path, List<FieldError> errors) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> checkStructure(shapeName, shape, value, path, errors);
            case "list" -> checkList(shape, value, path, errors);
            case "string" -> checkString(shapeName, shape, value, path, errors);
            case "integer", "long" -> checkInteger(shape, value, path, errors);
            case "timestamp" -> checkTimestamp(value, path, errors);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError(path, "Value must be a boolean", "INVALID_VALUE"));
                }
            }
            default -> {
                // Shapes of other types do not occur in this model's inputs; accept them as they are.
            }
        }
    }

    private void checkStructure(String shapeName, JsonNode shape, JsonNode value, String path, List<FieldError> errors) {
        if (!value.isObject()) {
            errors.add(new FieldError(emptyToNull(path), "Value must be an object", "INVALID_VALUE"));
            return;
        }
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            JsonNode present = value.get(required.asText());
            if (present == null || present.isNull()) {
                errors.add(new FieldError(join(path, required.asText()),
                        "Member is required but was not provided", "REQUIRED_FIELD_MISSING"));
            }
        }
        // Unknown members are ignored, as the JSON protocol services do, and an explicit null means the member
        // is absent: both are dropped here so no operation ever stores or echoes them.
        List<String> dropped = null;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (members.get(field.getKey()) == null || field.getValue().isNull()) {
                if (dropped == null) {
                    dropped = new ArrayList<>();
                }
                dropped.add(field.getKey());
            }
        }
        if (dropped != null && value instanceof ObjectNode object) {
            object.remove(dropped);
        }
        int unionMembers = 0;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode member = members.get(field.getKey());
            if (member == null || field.getValue().isNull()) {
                continue;
            }
            unionMembers++;
            check(member.path("shape").asText(), field.getValue(), join(path, field.getKey()), errors);
        }
        if (shape.path("union").asBoolean(false) && unionMembers != 1) {
            errors.add(new FieldError(emptyToNull(path),
                    "Exactly one member of " + shapeName + " must be set", "INVALID_VALUE"));
        }
    }

    private void checkList(JsonNode shape, JsonNode value, String path, List<FieldError> errors) {
        if (!value.isArray()) {
            errors.add(new FieldError(path, "Value must be a list", "INVALID_VALUE"));
            return;
        }
        int size = value.size();
        if (shape.has("min") && size < shape.get("min").asLong()) {
            errors.add(new FieldError(path, "List must contain at least " + shape.get("min").asLong()
                    + " item(s), but has " + size, "NOT_ENOUGH_VALUES"));
        }
        if (shape.has("max") && size > shape.get("max").asLong()) {
            errors.add(new FieldError(path, "List must contain at most " + shape.get("max").asLong()
                    + " item(s), but has " + size, "TOO_MANY_VALUES"));
        }
        String memberShape = shape.path("member").path("shape").asText();
        int index = 0;
        for (JsonNode item : value) {
            check(memberShape, item, path + "[" + index++ + "]", errors);
        }
    }

    private void checkString(String shapeName, JsonNode shape, JsonNode value, String path, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(path, "Value must be a string", "INVALID_VALUE"));
            return;
        }
        String text = value.asText();
        if (shape.has("enum")) {
            boolean known = StreamSupport.stream(shape.get("enum").spliterator(), false)
                    .anyMatch(allowed -> allowed.asText().equals(text));
            if (!known) {
                List<String> allowed = new ArrayList<>();
                shape.get("enum").forEach(node -> allowed.add(node.asText()));
                String list = allowed.size() > 12 ? allowed.size() + " allowed values" : String.join(", ", allowed);
                errors.add(new FieldError(path, "Value '" + abbreviate(text) + "' is not valid; must be one of: "
                        + list, "INVALID_ENUM_VALUE"));
                return;
            }
        }
        int length = text.codePointCount(0, text.length());
        if (shape.has("min") && length < shape.get("min").asLong()) {
            errors.add(new FieldError(path, "Value must be at least " + shape.get("min").asLong()
                    + " characters long", "INVALID_STRING_FORMAT"));
            return;
        }
        if (shape.has("max") && length > shape.get("max").asLong()) {
            errors.add(new FieldError(path, "Value must be at most " + shape.get("max").asLong()
                    + " characters long", "INVALID_STRING_FORMAT"));
            return;
        }
        String regex = PATTERN_OVERRIDES.getOrDefault(shapeName, shape.path("pattern").asText(null));
        if (regex != null) {
            Pattern pattern = model.pattern(regex);
            if (!pattern.matcher(text).matches()) {
                errors.add(new FieldError(path, "Value '" + abbreviate(text)
                        + "' does not match the required pattern " + regex, "INVALID_STRING_FORMAT"));
            }
        }
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * Integers are compared exactly (as big integers): a value beyond the range of its type (32-bit integer,
     * 64-bit long) or of the shape's min/max is refused instead of wrapping around, as the service refuses it.
     */
    private static void checkInteger(JsonNode shape, JsonNode value, String path, List<FieldError> errors) {
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError(path, "Value must be an integer", "INVALID_VALUE"));
            return;
        }
        BigInteger number = value.bigIntegerValue();
        boolean isLong = "long".equals(shape.path("type").asText());
        BigInteger min = shape.has("min") ? BigInteger.valueOf(shape.get("min").asLong()) : isLong ? LONG_MIN : INT_MIN;
        BigInteger max = shape.has("max") ? BigInteger.valueOf(shape.get("max").asLong()) : isLong ? LONG_MAX : INT_MAX;
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            errors.add(new FieldError(path, "Value " + abbreviate(number.toString()) + " must be between " + min
                    + " and " + max, "VALUE_OUT_OF_RANGE"));
        }
    }

    private static void checkTimestamp(JsonNode value, String path, List<FieldError> errors) {
        try {
            if (value.isTextual() || value.isNumber()) {
                WireJson.parseTimestamp(value);
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(path, "Value must be an ISO-8601 timestamp", "INVALID_VALUE"));
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    private static String emptyToNull(String path) {
        return path.isEmpty() ? null : path;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
