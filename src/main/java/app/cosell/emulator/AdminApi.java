package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;

/**
 * The emulator's own control surface, outside the AWS API, under {@code /_emulator/}: settings (step delay,
 * instant, throttling), faults (the JSON of {@link Faults}), reset to the seed, and health. Plain JSON, no
 * signature: it listens on loopback only, and the app's settings screen drives it without importing this
 * package. docs/emulator.md lists the routes.
 */
final class AdminApi {

    /** An admin answer: HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /** What the admin routes act upon; implemented by the emulator. */
    interface Controls {
        ObjectNode settings();

        void applySettings(JsonNode settings);

        Faults faults();

        void reset();

        ObjectNode health();

        /** Adds an engagement invitation from AWS, as if it had just arrived; answers its id and catalog. */
        default ObjectNode addInvitation(JsonNode spec) {
            throw new IllegalArgumentException("this emulator cannot add invitations");
        }
    }

    private final Controls controls;

    AdminApi(Controls controls) {
        this.controls = controls;
    }

    Answer handle(String method, String path, byte[] body) {
        try {
            String route = path.substring("/_emulator".length());
            return switch (method + " " + route) {
                case "GET /settings" -> new Answer(200, controls.settings());
                case "POST /settings", "PUT /settings", "PATCH /settings" -> {
                    controls.applySettings(json(body));
                    yield new Answer(200, controls.settings());
                }
                case "GET /faults" -> new Answer(200, controls.faults().toJsonNode());
                case "POST /faults", "PUT /faults" -> {
                    controls.faults().replace(json(body));
                    yield new Answer(200, controls.faults().toJsonNode());
                }
                case "PATCH /faults" -> {
                    controls.faults().add(json(body));
                    yield new Answer(200, controls.faults().toJsonNode());
                }
                case "DELETE /faults" -> {
                    controls.faults().clear();
                    yield new Answer(200, controls.faults().toJsonNode());
                }
                case "POST /reset" -> {
                    controls.reset();
                    yield new Answer(200, controls.health());
                }
                case "POST /invitations" -> new Answer(201, controls.addInvitation(json(body)));
                case "GET /health", "GET /", "GET " -> new Answer(200, controls.health());
                default -> new Answer(404, error("no admin route " + method + " " + path
                        + "; routes: GET/POST /_emulator/settings, GET/POST/PATCH/DELETE /_emulator/faults, "
                        + "POST /_emulator/reset, GET /_emulator/health, POST /_emulator/invitations"));
            };
        } catch (IllegalArgumentException e) {
            return new Answer(400, error(e.getMessage()));
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = WireJson.parse(body.length == 0 ? "{}".getBytes() : body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode node = WireJson.object();
        node.put("error", message);
        return node;
    }

    static Duration parseDuration(JsonNode settings) {
        if (settings.hasNonNull("stepDelayMillis")) {
            long millis = settings.get("stepDelayMillis").asLong(-1);
            if (millis < 0 || millis > 600_000) {
                throw new IllegalArgumentException("stepDelayMillis must be between 0 and 600000");
            }
            return Duration.ofMillis(millis);
        }
        return null;
    }
}
