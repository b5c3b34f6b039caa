package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The emulator's own control surface, outside the AWS API, under {@code /_emulator/}: settings (step delay,
 * instant, throttling), faults (the JSON of {@link Faults}), reset to the seed, and health. Plain JSON, no
 * signature, so the app's settings screen drives it without importing this package; docs/emulator.md lists the
 * routes.
 * <p>
 * Loopback alone does not keep strangers out: any web page the rep visits can send requests to 127.0.0.1
 * (a cross-site {@code text/plain} POST needs no CORS preflight; DNS rebinding even reads answers). So the
 * endpoint exists only when enabled, and then every call must carry the per-launch secret in
 * {@value #TOKEN_HEADER} (a browser cannot add that header cross-origin without a preflight we never grant),
 * name 127.0.0.1 or localhost as its {@code Host} (a rebound name is refused), and send JSON as
 * {@code application/json}. These checks run on the head, before a body is read.
 */
final class AdminApi {

    /** The header that carries the admin secret. */
    static final String TOKEN_HEADER = "X-Emulator-Admin-Token";

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

        /** Forces a review decision ({@code POST /_emulator/review}); answers the opportunity's review. */
        ObjectNode review(JsonNode request);
        /** Adds an engagement invitation from AWS, as if it had just arrived; answers its id and catalog. */
        default ObjectNode addInvitation(JsonNode spec) {
            throw new IllegalArgumentException("this emulator cannot add invitations");
        }
    }

    private final Controls controls;
    private final byte[] token;

    /** @param token the admin secret; null: the admin endpoint does not exist */
    AdminApi(Controls controls, String token) {
        this.controls = controls;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return token != null;
    }

    /**
     * Why a call may not use the admin endpoint, from its method and headers alone; null when it may. 403 for a
     * foreign Host, 401 without the right secret, 415 for a body that is not declared {@code application/json}.
     */
    Answer refusal(String method, Function<String, List<String>> header) {
        List<String> hosts = header.apply("Host");
        if (hosts == null || hosts.size() != 1 || !isLoopbackHost(hosts.getFirst())) {
            return new Answer(403, error("the admin endpoint answers only to Host 127.0.0.1 or localhost"));
        }
        List<String> given = header.apply(TOKEN_HEADER);
        if (given == null || given.size() != 1
                || !MessageDigest.isEqual(token, given.getFirst().strip().getBytes(StandardCharsets.UTF_8))) {
            return new Answer(401, error("the admin endpoint needs the emulator's admin secret in the "
                    + TOKEN_HEADER + " header (printed when the emulator starts with --admin)"));
        }
        if (!method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD")) {
            List<String> types = header.apply("Content-Type");
            String type = types == null || types.size() != 1 ? "" : types.getFirst();
            int semicolon = type.indexOf(';');
            if (!(semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase("application/json")) {
                return new Answer(415, error("the admin endpoint takes Content-Type: application/json"));
            }
        }
        return null;
    }

    /** 127.0.0.1 or localhost, with or without a port. */
    private static boolean isLoopbackHost(String host) {
        String name = host.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String port = name.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            name = name.substring(0, colon);
        }
        return name.equals("127.0.0.1") || name.equalsIgnoreCase("localhost");
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
                case "POST /review" -> new Answer(200, controls.review(json(body)));
                case "POST /invitations" -> new Answer(201, controls.addInvitation(json(body)));
                case "GET /health", "GET /", "GET " -> new Answer(200, controls.health());
                default -> new Answer(404, error("no admin route " + method + " " + path
                        + "; routes: GET/POST /_emulator/settings, GET/POST/PATCH/DELETE /_emulator/faults, "
                        + "POST /_emulator/reset, POST /_emulator/review, POST /_emulator/invitations, "
                        + "GET /_emulator/health"));
            };
        } catch (IllegalArgumentException e) {
            return new Answer(400, error(e.getMessage()));
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = WireJson.parseRequest(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
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

    static Duration parseReviewDelay(JsonNode settings) {
        if (settings.hasNonNull("reviewDelayMillis")) {
            long millis = settings.get("reviewDelayMillis").asLong(-1);
            if (millis < 0 || millis > 86_400_000) {
                throw new IllegalArgumentException("reviewDelayMillis must be between 0 and 86400000");
            }
            return Duration.ofMillis(millis);
        }
        return null;
    }

    /**
     * {@code POST /_emulator/review} {"catalog":"AWS","opportunityId":"O…","decision":"Approved","text":"…"}:
     * forces AWS's review decision for one opportunity; answers its review status, comments and reason.
     */
    static ObjectNode reviewAnswer(ReviewSimulation review, JsonNode request) {
        String catalog = request.path("catalog").asText("");
        String id = request.path("opportunityId").asText("");
        String decision = request.path("decision").asText("");
        if (id.isEmpty() || decision.isEmpty()) {
            throw new IllegalArgumentException("give catalog, opportunityId and decision "
                    + "(Approved, Action Required, Rejected, In review, Submitted)");
        }
        String text = request.hasNonNull("text") ? request.get("text").asText() : null;
        Opportunity decided = review.force(catalog, id, decision, text);
        JsonNode content = decided.content();
        ObjectNode node = WireJson.object();
        node.put("catalog", decided.catalog());
        node.put("opportunityId", decided.id());
        WireJson.put(node, "reviewStatus", decided.reviewStatus());
        WireJson.put(node, "reviewComments", WireJson.textAt(content, "LifeCycle.ReviewComments"));
        WireJson.put(node, "reviewStatusReason", WireJson.textAt(content, "LifeCycle.ReviewStatusReason"));
        WireJson.put(node, "lastModifiedDate", decided.lastModifiedDate());
        return node;
    }
}
