package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The device-authorization sign-in against {@link IdentityCenterStandIn} (the OIDC endpoint's three REST-JSON calls),
 * so the whole flow runs through the SDK's ssooidc client.
 */
class SsoSignInTest {

    @TempDir Path dir;
    IdentityCenterStandIn identityCenter;
    AwsProfiles profiles;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("config"), """
                [profile sales-sso]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Sales

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """);
        profiles = new AwsProfiles(dir.resolve("config"), dir.resolve("credentials"), null, dir.resolve("cache"));
        identityCenter = new IdentityCenterStandIn();
        identityCenter.pendingAnswers.set(2);
    }

    @AfterEach
    void stop() {
        identityCenter.close();
    }

    private SsoSignIn signIn() {
        return new SsoSignIn(profiles, Clock.systemUTC(), identityCenter.endpoint());
    }

    @Test
    void signingInWaitsForTheBrowserAndWritesTheTokenCacheTheSdkReads() throws Exception {
        var profile = profiles.find("sales-sso").orElseThrow();
        assertThat(profiles.needsSignIn(profile, Instant.now())).isTrue();

        try (SsoSignIn.Attempt attempt = signIn().begin("sales-sso")) {
            assertThat(attempt.deviceCode().userCode()).isEqualTo("ABCD-EFGH");
            assertThat(attempt.deviceCode().verificationUriComplete().toString()).contains("user_code=ABCD-EFGH");
            Instant expires = attempt.awaitToken();
            assertThat(expires).isAfter(Instant.now().plusSeconds(28000));
        }

        assertThat(identityCenter.paths).containsExactly("/client/register", "/device_authorization", "/token", "/token", "/token");
        JsonNode cache = new ObjectMapper().readTree(profiles.ssoTokenFile(profile).toFile());
        assertThat(cache.path("accessToken").asText()).isEqualTo("access-1");
        assertThat(cache.path("refreshToken").asText()).isEqualTo("refresh-1");
        assertThat(cache.path("clientId").asText()).isEqualTo("client-1");
        assertThat(cache.path("startUrl").asText()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(profiles.needsSignIn(profile, Instant.now())).isFalse();
        // With the sign-in cached, the connection opens (the provider is built afresh and reads the new token).
        new Connections(profiles, "test").open(ConnectionSettings.profile("sales-sso", Catalog.Sandbox)).close();
    }

    @Test
    void cancellingTheWaitStopsTheSignIn() throws Exception {
        identityCenter.pendingAnswers.set(Integer.MAX_VALUE);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try (SsoSignIn.Attempt attempt = signIn().begin("sales-sso")) {
            Future<Instant> waiting = executor.submit(attempt::awaitToken);
            assertThat(identityCenter.tokenAsked.await(10, TimeUnit.SECONDS)).isTrue();
            waiting.cancel(true);
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(profiles.ssoTokenFile(profiles.find("sales-sso").orElseThrow()))).isFalse();
    }

    @Test
    void onlySsoProfilesCanSignIn() throws Exception {
        Files.writeString(dir.resolve("credentials"), "[keys]\naws_access_key_id=A\naws_secret_access_key=B\n");
        assertThatThrownBy(() -> signIn().begin("keys")).isInstanceOf(IllegalArgumentException.class);
    }
}
