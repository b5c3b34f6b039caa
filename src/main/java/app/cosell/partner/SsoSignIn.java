package app.cosell.partner;

import app.cosell.files.AppJson;
import app.cosell.files.AtomicFile;
import app.cosell.model.AwsProfile;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Signs the rep in to IAM Identity Center for an SSO profile with the device-authorization flow, as
 * {@code aws sso login} does: registers a public client, starts a device authorization (the UI shows the user code and
 * opens the verification page), polls CreateToken (honouring {@code authorization_pending} and {@code slow_down}),
 * and writes the token cache file the SDK reads. Blocking and interruptible: cancelling the UI's task cancels the
 * sign-in. After it completes, open the connection again ({@link Connections#open}) so a fresh credentials provider
 * reads the new token.
 */
public final class SsoSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SsoSignIn.class);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String REFRESH_GRANT = "refresh_token";

    private final AwsProfiles profiles;
    private final Clock clock;
    private final URI oidcEndpoint;

    public SsoSignIn(AwsProfiles profiles) { this(profiles, Clock.systemUTC(), null); }

    /** @param oidcEndpoint another OIDC endpoint (tests), or null for the region's own */
    public SsoSignIn(AwsProfiles profiles, Clock clock, URI oidcEndpoint) {
        this.profiles = profiles;
        this.clock = clock;
        this.oidcEndpoint = oidcEndpoint;
    }

    /** What the rep must do in the browser: open {@code verificationUri} and confirm {@code userCode}. */
    public record DeviceCode(String userCode, URI verificationUri, URI verificationUriComplete, Instant expiresAt) {}

    /**
     * Registers the client and starts the device authorization for {@code profileName}. The returned attempt holds
     * what the UI shows; {@link Attempt#awaitToken()} then waits for the rep to confirm.
     */
    public Attempt begin(String profileName) {
        AwsProfile profile = profiles.find(profileName).filter(p -> p.kind().usesSso()).orElseThrow(() ->
                new IllegalArgumentException("Not an IAM Identity Center profile: " + profileName));
        ProfileFile file = profiles.profileFile();
        Profile section = profile.kind() == AwsProfile.Kind.SSO_SESSION
                ? file.getSection("sso-session", profile.ssoSession()).orElseThrow()
                : file.profile(profileName).orElseThrow();
        String region = section.property("sso_region").orElse("us-east-1");
        List<String> scopes = section.property("sso_registration_scopes")
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of("sso:account:access"));
        var builder = SsoOidcClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)).build());
        if (oidcEndpoint != null) builder.endpointOverride(oidcEndpoint);
        SsoOidcClient oidc = builder.build();
        try {
            RegisterClientResponse client = oidc.registerClient(b -> {
                b.clientName("cosell-console").clientType("public");
                if (profile.kind() == AwsProfile.Kind.SSO_SESSION) b.scopes(scopes).grantTypes(DEVICE_GRANT, REFRESH_GRANT);
            });
            StartDeviceAuthorizationResponse auth = oidc.startDeviceAuthorization(b -> b
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(profile.ssoStartUrl()));
            Instant now = clock.instant();
            DeviceCode code = new DeviceCode(auth.userCode(), URI.create(auth.verificationUri()),
                    auth.verificationUriComplete() == null ? null : URI.create(auth.verificationUriComplete()),
                    now.plusSeconds(auth.expiresIn() == null ? 600 : auth.expiresIn()));
            return new Attempt(oidc, profile, region, client, auth, code);
        } catch (SdkException e) {
            oidc.close();
            throw new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, "SignInFailed", e.getMessage(), null, null,
                    List.of(), profileName, e);
        }
    }

    /** One sign-in in progress. Close it if the rep cancels before {@link #awaitToken()}. */
    public final class Attempt implements AutoCloseable {
        private final SsoOidcClient oidc;
        private final AwsProfile profile;
        private final String region;
        private final RegisterClientResponse client;
        private final StartDeviceAuthorizationResponse auth;
        private final DeviceCode code;

        private Attempt(SsoOidcClient oidc, AwsProfile profile, String region, RegisterClientResponse client,
                        StartDeviceAuthorizationResponse auth, DeviceCode code) {
            this.oidc = oidc;
            this.profile = profile;
            this.region = region;
            this.client = client;
            this.auth = auth;
            this.code = code;
        }

        public DeviceCode deviceCode() { return code; }

        /**
         * Polls until the rep confirmed in the browser, then writes the token cache and returns when the token expires.
         *
         * @throws PartnerCentralFailure SIGN_IN_NEEDED when the rep denied access or the code expired
         */
        public Instant awaitToken() throws InterruptedException {
            long interval = Math.max(1, auth.interval() == null ? 5 : auth.interval());
            try {
                while (clock.instant().isBefore(code.expiresAt())) {
                    Thread.sleep(Duration.ofSeconds(interval).toMillis());
                    try {
                        CreateTokenResponse token = oidc.createToken(b -> b.clientId(client.clientId())
                                .clientSecret(client.clientSecret()).grantType(DEVICE_GRANT).deviceCode(auth.deviceCode()));
                        Instant expiresAt = clock.instant().plusSeconds(token.expiresIn() == null ? 3600 : token.expiresIn());
                        writeCache(token, expiresAt);
                        LOG.info("Signed in to IAM Identity Center for profile {}", profile.name());
                        return expiresAt;
                    } catch (AuthorizationPendingException pending) {
                        // The rep has not confirmed yet.
                    } catch (SlowDownException slow) {
                        interval += 5;
                    }
                    if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                }
                throw new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, "SignInExpired",
                        "The sign-in code expired before it was confirmed", null, null, List.of(), profile.name(), null);
            } catch (SdkException e) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                throw new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, "SignInFailed", e.getMessage(), null, null,
                        List.of(), profile.name(), e);
            } finally {
                oidc.close();
            }
        }

        private void writeCache(CreateTokenResponse token, Instant expiresAt) {
            ObjectNode json = AppJson.newMapper().createObjectNode();
            json.put("startUrl", profile.ssoStartUrl());
            json.put("region", region);
            json.put("accessToken", token.accessToken());
            json.put("expiresAt", expiresAt.toString());
            if (profile.kind() == AwsProfile.Kind.SSO_SESSION) {
                json.put("clientId", client.clientId());
                json.put("clientSecret", client.clientSecret());
                if (client.clientSecretExpiresAt() != null)
                    json.put("registrationExpiresAt", Instant.ofEpochSecond(client.clientSecretExpiresAt()).toString());
                if (token.refreshToken() != null) json.put("refreshToken", token.refreshToken());
            }
            Path file = profiles.ssoTokenFile(profile);
            try {
                AtomicFile.write(file, temp -> Files.writeString(temp, json.toString()));
            } catch (IOException e) {
                throw new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, "SignInNotSaved",
                        "Could not write the sign-in to " + file + ": " + e.getMessage(), null, null, List.of(),
                        profile.name(), e);
            }
        }

        @Override
        public void close() { oidc.close(); }
    }
}
