package app.cosell.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/** Test helpers: real SDK clients and raw (optionally signed) HTTP calls against a running emulator. */
final class EmulatorClients {

    private EmulatorClients() {
    }

    static PartnerCentralSellingClient client(PartnerCentralEmulator emulator) {
        return client(emulator, emulator.accessKeyId(), emulator.secretAccessKey(), RetryMode.LEGACY);
    }

    static PartnerCentralSellingClient client(PartnerCentralEmulator emulator, String key, String secret,
                                              RetryMode retryMode) {
        return PartnerCentralSellingClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retryMode)
                        .apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    /** A client that makes exactly one attempt per call, to observe errors as the service sends them. */
    static PartnerCentralSellingClient noRetryClient(PartnerCentralEmulator emulator) {
        return PartnerCentralSellingClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.accessKeyId(), emulator.secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()).build())
                .build();
    }

    /** A raw HTTP answer. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    static Answer post(URI endpoint, String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        }
    }

    /** POSTs an AWS JSON 1.0 call signed with SigV4 by the SDK's own signer, with the given clock and keys. */
    static Answer signedPost(PartnerCentralEmulator emulator, String operation, String body, String service,
                             String key, String secret, Clock clock) throws Exception {
        return signedPost(emulator, "/", operation, body, service, key, secret, clock);
    }

    /** With path "/" the operation goes in X-Amz-Target; with "/Operation" it is the path (no target header). */
    static Answer signedPost(PartnerCentralEmulator emulator, String path, String operation, String body,
                             String service, String key, String secret, Clock clock) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(emulator.endpoint().resolve(path))
                .putHeader("Content-Type", "/".equals(path) ? "application/x-amz-json-1.0" : "application/json");
        if ("/".equals(path)) {
            builder.putHeader("X-Amz-Target", "AWSPartnerCentralSelling." + operation);
        }
        SdkHttpRequest request = builder.build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(key, secret))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values.getFirst());
            }
        });
        return post(emulator.endpoint(), path, headers, body);
    }
}
