package app.cosell.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The one JSON configuration of the emulator and the small helpers the wire needs: AWS JSON 1.0 bodies as
 * Jackson trees, ISO-8601 timestamps (the model's {@code timestampFormat: iso8601}), null-skipping puts.
 */
final class WireJson {

    /** Thread-safe once configured; shared by the wire codec, persistence and the admin endpoint. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** ISO-8601 with milliseconds and Z, the form the Java SDK itself writes; every AWS client parses it. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses the timestamp forms clients send (ISO-8601; epoch seconds as a number is also accepted). */
    static Instant parseTimestamp(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochMilli((long) (node.asDouble() * 1000));
        }
        String text = node.asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"),
                    Instant::from);
        }
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, timestamp(value));
        }
    }

    static void putStrings(ObjectNode node, String field, Collection<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Follows a dotted path ("Customer.Account.CompanyName"); null when any part is missing. */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current == null || current.isNull() ? null : current;
    }

    static String textAt(JsonNode node, String dottedPath) {
        JsonNode value = at(node, dottedPath);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}
