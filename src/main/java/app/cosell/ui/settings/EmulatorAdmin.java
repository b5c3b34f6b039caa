package app.cosell.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Drives the local emulator's admin endpoint ({@code <endpoint>/_emulator/...}, plain JSON on loopback) for the
 * settings screen: its speed and the fault scenario. Over HTTP, so the {@code ui} package never imports the emulator.
 * The endpoint needs the emulator's per-launch secret, sent in {@value #TOKEN_HEADER}.
 */
public final class EmulatorAdmin {

    /** The emulator's admin-secret header (the emulator's ADMIN_TOKEN_HEADER; ui does not import the emulator). */
    static final String TOKEN_HEADER = "X-Emulator-Admin-Token";

    private final URI base;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String token;

    /** @param endpoint the emulator's endpoint, e.g. {@code http://127.0.0.1:41234}; no admin secret sent */
    public EmulatorAdmin(URI endpoint, ObjectMapper json) {
        this(endpoint, json, null);
    }

    /**
     * @param endpoint the emulator's endpoint, e.g. {@code http://127.0.0.1:41234}
     * @param token    the emulator's admin secret (null: none sent, for an emulator without one)
     */
    public EmulatorAdmin(URI endpoint, ObjectMapper json, String token) {
        this.base = URI.create(endpoint.toString().replaceAll("/+$", "") + "/_emulator/");
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.token = token;
    }

    /** Sets the step delay and the fault scenario (replacing any faults set before). Blocking. */
    public void apply(UiSettings.EmulatorDemo demo) throws IOException, InterruptedException {
        post("settings", Map.of("stepDelayMillis", demo.speed().stepDelayMillis(),
                "instant", demo.speed() == UiSettings.Speed.INSTANT,
                "reviewDelayMillis", demo.speed().reviewDelayMillis()));
        post("faults", FaultScenarios.faultJson(demo.faultScenario()));
    }

    private void post(String route, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(route))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            builder.header(TOKEN_HEADER, token);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The emulator refused " + route + " (HTTP " + response.statusCode() + "): " + response.body());
        }
    }
}
