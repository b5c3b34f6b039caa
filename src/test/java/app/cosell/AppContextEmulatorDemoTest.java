package app.cosell;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.partner.AwsProfiles;
import app.cosell.ui.settings.UiSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rep's emulator demo settings (task speed, fault scenario) reach the embedded emulator with its start, not by an
 * admin call after it, and a change in the settings screen still reaches the running emulator. Checked on the
 * emulator's own admin endpoint over real HTTP.
 */
class AppContextEmulatorDemoTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void demoSettingsSavedLastTimeAreInForceFromTheStartAndChangesStillApply() throws Exception {
        Path dataDir = Path.of(System.getProperty("cosell.dataDir", "target/test-data"))
                .resolve("emulator-demo-" + UUID.randomUUID().toString().substring(0, 8));
        try (AppContext first = context(dataDir)) {
            first.settings().update(s -> s.withEmulator(
                    new UiSettings.EmulatorDemo(UiSettings.Speed.INSTANT, "task:EngagementConflict")));
        }

        try (AppContext context = context(dataDir)) {
            context.connect();
            URI admin = URI.create(context.emulatorEndpoint() + "/_emulator/");
            JsonNode settings = get(context, admin.resolve("settings"));
            assertThat(settings.path("stepDelayMillis").asLong()).isZero();
            assertThat(settings.path("instant").asBoolean()).isTrue();
            assertThat(get(context, admin.resolve("faults")).path("tasks").toString()).contains("EngagementConflict");

            context.shell(url -> {}).settingsServices()
                    .applyEmulatorDemo(new UiSettings.EmulatorDemo(UiSettings.Speed.SLOW, null));
            settings = get(context, admin.resolve("settings"));
            assertThat(settings.path("stepDelayMillis").asLong()).isEqualTo(UiSettings.Speed.SLOW.stepDelayMillis());
            assertThat(settings.path("instant").asBoolean()).isFalse();
            assertThat(get(context, admin.resolve("faults")).path("tasks").size()).isZero();
        }
    }

    private JsonNode get(AppContext context, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                .header("X-Emulator-Admin-Token", context.emulatorAdminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return context.json().readTree(r.body());
    }

    private static AppContext context(Path dataDir) {
        Path none = dataDir.resolve("no-aws");
        // stepDelay null: the emulator's speed comes from the rep's settings, as in the desktop app
        return new AppContext(new AppContext.Options(dataDir,
                new AwsProfiles(none.resolve("config"), none.resolve("credentials"), null, none.resolve("sso")),
                new AppContext.EmulatorSetup(30, null, false), Duration.ofMillis(20)));
    }
}
