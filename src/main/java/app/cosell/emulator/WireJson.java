package app.cosell.emulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
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
import java.util.Map;

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

    /** An answer body written straight to a generator, without building a tree first. */
    @FunctionalInterface
    interface Rendering {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    static Rendering rendering(JsonNode node) {
        return generator -> write(generator, node);
    }

    static byte[] bytes(JsonNode node) {
        return bytes(rendering(node));
    }

    /** The UTF-8 bytes of a rendering, the same bytes the mapper would write for the equivalent tree. */
    static byte[] bytes(Rendering rendering) {
        ByteArrayBuilder out = new ByteArrayBuilder(4096);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            rendering.writeTo(generator);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a tree by walking it. Cheaper than the mapper's tree serialization, which sets up a serializer
     * provider per call: on the emulator's hot path that was a large part of the rendering cost.
     */
    static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            default -> MAPPER.writeTree(generator, node); // binary, POJO: never in the emulator's answers
        }
    }

    static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Exactly one JSON value per body: trailing tokens (garbage, a second object) are an error. */
    private static final com.fasterxml.jackson.databind.ObjectReader ONE_VALUE = MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A request body as AWS JSON services read it: strict UTF-8 (overlong forms, surrogates and stray bytes are
     * refused with a {@link java.io.CharConversionException}, and UTF-16 or UTF-32 is never guessed) holding exactly
     * one JSON value. The decoded text is parsed, so Jackson's encoding detection never comes into play.
     */
    static JsonNode parseRequest(byte[] body) throws IOException {
        java.nio.CharBuffer text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new java.io.CharConversionException("not UTF-8: " + e.getMessage());
        }
        return ONE_VALUE.readTree(new java.io.CharArrayReader(text.array(), text.arrayOffset() + text.position(),
                text.remaining()));
    }
}
