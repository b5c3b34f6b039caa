package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.FailureKind;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * An IAM Identity Center profile whose session ends while the app is connected, end to end through the real SDK:
 * its SSO credentials provider reads the token cache under {@code $HOME/.aws/sso/cache} and asks the portal
 * (GetRoleCredentials) for role keys; the keys sign Partner Central calls to the emulator. The portal and the OIDC
 * sign-in endpoints are {@link IdentityCenterStandIn}. The SDK (2.40.2) reads the token once per provider
 * (aws-sdk-java-v2 #3777), so after the rep signs in again the same connection only works because it rebuilds its
 * provider. Surefire points {@code HOME} at {@code target/test-home}, so nothing touches the developer's real cache.
 */
class SsoCredentialsRebuildTest {

    /** Role credentials are temporary: an ASIA key with a session token (the emulator refuses a token with an AKIA key). */
    @RegisterExtension
    final EmulatorExtension emulator = EmulatorExtension.sandbox().opportunities(20)
            .credentials("ASIASSOROLEEXAMPLE01", "ssoRoleSecretForTheEmulatorExampleKey0001");
    IdentityCenterStandIn identityCenter;
    Path home;
    AwsProfiles profiles;

    @BeforeEach
    void start() throws Exception {
        String envHome = System.getenv("HOME");
        assumeThat(envHome).as("surefire sets HOME to target/test-home").isNotNull().contains("test-home");
        home = Path.of(envHome);
        Path cache = home.resolve(".aws/sso/cache");
        Files.createDirectories(cache);
        try (var old = Files.list(cache)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        Path config = Files.createTempDirectory(home, "config").resolve("config");
        Files.writeString(config, """
                [profile sales-sso]
                sso_session = corp
                sso_account_id = %s
                sso_role_name = %s

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """.formatted(IdentityCenterStandIn.ACCOUNT, IdentityCenterStandIn.ROLE));
        profiles = new AwsProfiles(config, config.resolveSibling("credentials"), "sales-sso", cache);

        identityCenter = new IdentityCenterStandIn();
        identityCenter.accessKeyId = emulator.accessKeyId();
        identityCenter.secretAccessKey = emulator.secretAccessKey();
        identityCenter.acceptedToken = "token-before";
        identityCenter.issuedToken = "token-after";
        // The SDK's SSO client honours the service-specific endpoint setting, like every SDK client.
        System.setProperty("aws.endpointUrlSso", identityCenter.endpoint().toString());

        // A sign-in from earlier today that the identity provider has since ended (signed out, session revoked):
        // the cache still says it is valid for hours, so the app connects, and the first call finds out.
        writeToken("token-before", Instant.now().plusSeconds(6 * 3600));
    }

    @AfterEach
    void stop() throws IOException {
        System.clearProperty("aws.endpointUrlSso");
        // Other tests rely on the SDK finding no sign-in under $HOME.
        try (var left = Files.list(home.resolve(".aws/sso/cache"))) {
            for (Path p : left.toList()) Files.delete(p);
        }
        if (identityCenter != null) identityCenter.close();
    }

    @Test
    void afterSigningInAgainTheSameConnectionWorksBecauseItsCredentialsProviderIsRebuilt() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(ConnectionSettings.Target.AWS_PROFILE, "sales-sso",
                Catalog.Sandbox, null, emulator.endpoint());
        try (PartnerCentral pc = new Connections(profiles, "test").open(settings)) {
            identityCenter.acceptedToken = "token-after";   // the portal no longer honours the old session

            PartnerCentralFailure f = catchThrowableOfType(PartnerCentralFailure.class,
                    () -> pc.listOpportunities(OpportunityQuery.all(), null, 10));
            assertThat(f.kind()).as(String.valueOf(f.getMessage())).isEqualTo(FailureKind.SIGN_IN_NEEDED);
            assertThat(f.profile()).isEqualTo("sales-sso");
            assertThat(identityCenter.bearerTokensSeen).containsOnly("token-before");

            // A provider the SDK built before the sign-in: it keeps the token it read first (#3777).
            ProfileCredentialsProvider stale = ProfileCredentialsProvider.builder().profileFile(profiles.profileFile())
                    .profileName("sales-sso").build();
            assertThatThrownBy(stale::resolveCredentials).isInstanceOf(SdkException.class);

            // The rep signs in again (the device flow against the stand-in OIDC endpoint writes the cache)...
            try (SsoSignIn.Attempt attempt = new SsoSignIn(profiles, Clock.systemUTC(), identityCenter.endpoint()).begin("sales-sso")) {
                attempt.awaitToken();
            }
            assertThat(profiles.needsSignIn(profiles.find("sales-sso").orElseThrow(), Instant.now())).isFalse();

            // ...and the very same connection now works, with role keys fetched with the new token.
            assertThat(pc.listOpportunities(OpportunityQuery.all(), null, 10).opportunities()).isNotEmpty();
            assertThat(identityCenter.bearerTokensSeen).contains("token-after");
            assertThatThrownBy(stale::resolveCredentials).as("the SDK's own provider still holds the old token")
                    .isInstanceOf(SdkException.class);
            stale.close();
        }
    }

    private void writeToken(String token, Instant expiresAt) throws IOException {
        Path file = profiles.ssoTokenFile(profiles.find("sales-sso").orElseThrow());
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"startUrl":"https://corp.awsapps.com/start","region":"us-east-1","accessToken":"%s",
                 "expiresAt":"%s","clientId":"client-1","clientSecret":"secret-1",
                 "registrationExpiresAt":"%s","refreshToken":"refresh-1"}"""
                .formatted(token, expiresAt, Instant.now().plusSeconds(90 * 86400)));
    }
}
