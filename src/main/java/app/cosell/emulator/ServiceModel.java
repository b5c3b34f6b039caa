package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The botocore service model of partnercentral-selling (bundled as {@code service-2.json}): the list of
 * operations, their input shapes and the constraints of every shape. Read once per emulator; the request
 * validator walks it so that what we check is exactly what the model says.
 */
final class ServiceModel {

    static final String TARGET_PREFIX = "AWSPartnerCentralSelling";
    static final String SIGNING_NAME = "partnercentral-selling";

    private final JsonNode operations;
    private final JsonNode shapes;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private ServiceModel(JsonNode root) {
        this.operations = root.get("operations");
        this.shapes = root.get("shapes");
    }

    static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getResourceAsStream("service-2.json")) {
            if (in == null) {
                throw new IllegalStateException("service-2.json missing from the class path");
            }
            return new ServiceModel(WireJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hasOperation(String name) {
        return operations.has(name);
    }

    /** Name of the input shape of an operation, or null when it has none. */
    String inputShape(String operation) {
        JsonNode input = operations.path(operation).path("input").path("shape");
        return input.isMissingNode() ? null : input.asText();
    }

    JsonNode shape(String name) {
        return shapes.get(name);
    }

    /** Model patterns are compiled once; Java's regex dialect accepts all of them. */
    Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }
}
