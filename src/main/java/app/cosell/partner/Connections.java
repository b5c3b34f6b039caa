package app.cosell.partner;

import app.cosell.model.AwsProfile;
import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Opens a {@link PartnerCentral} gateway for a connection: the SDK client with an explicit Apache HTTP client and
 * timeouts, a retry strategy that respects the 1 write/s quota (throttled calls back off from a second), a user agent
 * naming the app, us-east-1 unless told otherwise, and credentials from an AWS profile (IAM Identity Center
 * included) or the embedded emulator's per-launch key pair.
 */
public final class Connections {

    /** Throttling backs off from 1 s (the write quota) up to 20 s, with jitter. */
    static final BackoffStrategy THROTTLING_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20));
    static final BackoffStrategy ERROR_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5));
    static final int MAX_ATTEMPTS = 4;

    private final AwsProfiles profiles;
    private final String appVersion;
    private final CallObserver observer;

    /**
     * @param profiles   where AWS profiles come from
     * @param appVersion put in the user agent as {@code cosell-console/<version>}
     */
    public Connections(AwsProfiles profiles, String appVersion) {
        this(profiles, appVersion, CallObserver.NONE);
    }

    private Connections(AwsProfiles profiles, String appVersion, CallObserver observer) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.appVersion = appVersion == null || appVersion.isBlank() ? "dev" : appVersion;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The same factory, with every HTTP attempt of the gateways it opens reported to {@code observer}. */
    public Connections observedBy(CallObserver observer) {
        return new Connections(profiles, appVersion, observer);
    }

    public AwsProfiles profiles() { return profiles; }

    /**
     * A gateway for an {@link ConnectionSettings.Target#AWS_PROFILE} connection. Fails fast with
     * {@link FailureKind#SIGN_IN_NEEDED} when the profile is an SSO profile without a usable cached sign-in.
     * For {@link ConnectionSettings.Target#EMULATOR} use {@link #forEmulator}: only the app context knows the
     * emulator's endpoint and keys.
     */
    public PartnerCentral open(ConnectionSettings settings) {
        if (settings.target() != ConnectionSettings.Target.AWS_PROFILE)
            throw new IllegalArgumentException("Use forEmulator(...) for the embedded emulator");
        String name = settings.profileName();
        AwsProfile profile = profiles.find(name).orElseThrow(() -> new PartnerCentralFailure(FailureKind.UNKNOWN,
                "NoSuchProfile", "No AWS profile named " + name + " in " + profiles.configFile() + " or "
                + profiles.credentialsFile(), null, null, List.of(), name, null));
        if (profiles.needsSignIn(profile, Instant.now())) throw SdkFailures.signInNeeded(name, null);
        ProfileCredentials credentials = new ProfileCredentials(() -> ProfileCredentialsProvider.builder()
                .profileFile(profiles.profileFile()).profileName(name).build());
        PartnerCentralSellingClient client = client(Region.of(settings.region()), settings.endpointOverride(), credentials);
        return new SdkPartnerCentral(client, settings.catalog(), "profile " + name, name, credentials,
                profile.kind().usesSso());
    }

    /**
     * A gateway with the SDK's default credential chain, as the AWS CLI resolves it when no profile is named:
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}, then {@code AWS_PROFILE} or the
     * {@code default} profile (IAM Identity Center included), then container and instance roles. For the command line.
     *
     * @param endpoint another endpoint (the AWS CLI's {@code --endpoint-url}), or null for the service's own
     */
    public PartnerCentral openDefaultChain(Catalog catalog, String region, URI endpoint) {
        AwsCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        Region signing = Region.of(region == null || region.isBlank() ? ConnectionSettings.DEFAULT_REGION : region);
        PartnerCentralSellingClient client = client(signing, endpoint, chain);
        return new SdkPartnerCentral(client, catalog, endpoint == null ? "default credentials" : "default credentials at "
                + endpoint, null, null, false);
    }

    /**
     * A gateway for the local emulator at {@code endpoint}, signing with its per-launch key pair.
     */
    public PartnerCentral forEmulator(URI endpoint, String accessKeyId, String secretAccessKey, Catalog catalog) {
        AwsCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        PartnerCentralSellingClient client = client(Region.US_EAST_1, endpoint, keys);
        return new SdkPartnerCentral(client, catalog, "emulator " + endpoint, null, null, false);
    }

    private PartnerCentralSellingClient client(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        SdkHttpClient http = ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .connectionAcquisitionTimeout(Duration.ofSeconds(10))
                .maxConnections(8)
                .build();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .appId("cosell-console/" + appVersion)
                .apiCallAttemptTimeout(Duration.ofSeconds(30))
                .apiCallTimeout(Duration.ofSeconds(90))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS)
                        .backoffStrategy(ERROR_BACKOFF)
                        .throttlingBackoffStrategy(THROTTLING_BACKOFF)
                        .circuitBreakerEnabled(false)
                        .build())
                .addExecutionInterceptor(new AttemptCounter(observer));
        var builder = PartnerCentralSellingClient.builder()
                .region(region)
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        if (endpoint != null) builder.endpointOverride(endpoint);
        return builder.build();
    }

    /** Reports each transmitted attempt, by operation name. */
    private record AttemptCounter(CallObserver observer) implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            observer.onAttempt(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            var response = context.httpResponse();
            boolean throttled = response.statusCode() == 429 || response.firstMatchingHeader("x-amzn-ErrorType")
                    .map(t -> t.startsWith("ThrottlingException")).orElse(false);
            if (throttled) observer.onThrottled(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
