package app.cosell.emulator.bench;

import app.cosell.emulator.PartnerCentralEmulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/**
 * On-demand benchmark of the emulator over loopback with the Java SDK ({@code ./mvnw -Pbench test}): GetOpportunity
 * and ListOpportunities (MaxResults 100) requests per second from a concurrent client, and the time to page
 * 10,000 opportunities. It prints the figures; targets (≥ 5,000 GetOpportunity/s, 10,000 paged in under 1 s on
 * two cores) are judged by the reader, not asserted, since machines differ.
 */
@Tag("benchmark")
class EmulatorBenchmarkTest {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(5);

    @Test
    void requestsPerSecondAndPagingTime() throws Exception {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.builder().opportunities(10_000)
                .throttling(false).start();
             PartnerCentralSellingClient client = PartnerCentralSellingClient.builder()
                     .endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             emulator.accessKeyId(), emulator.secretAccessKey())))
                     .httpClientBuilder(ApacheHttpClient.builder().maxConnections(THREADS * 2))
                     .build()) {
            List<String> ids = new ArrayList<>();
            client.listOpportunitiesPaginator(r -> r.catalog("AWS").maxResults(100)).opportunitySummaries()
                    .forEach(o -> ids.add(o.id()));

            // A first, unreported round warms up the JIT of both the SDK and the emulator.
            rate(n -> client.getOpportunity(r -> r.catalog("AWS").identifier(ids.get(n % ids.size()))));
            double gets = rate(n -> client.getOpportunity(r -> r.catalog("AWS").identifier(ids.get(n % ids.size()))));
            double lists = rate(n -> client.listOpportunities(r -> r.catalog("AWS").maxResults(100)));

            double rawGets = rawRate(emulator);

            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long started = System.nanoTime();
                long count = client.listOpportunitiesPaginator(r -> r.catalog("AWS").maxResults(100))
                        .opportunitySummaries().stream().count();
                best = Math.min(best, System.nanoTime() - started);
                if (count != 10_000) {
                    throw new AssertionError("paged " + count + " opportunities");
                }
            }
            System.out.printf("%n=== Partner Central emulator benchmark (%d client threads, %d cores) ===%n", THREADS,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("GetOpportunity:                    %,10.0f requests/s%n", gets);
            System.out.printf("ListOpportunities (MaxResults 100): %,10.0f requests/s%n", lists);
            System.out.printf("GetOpportunity, pre-signed raw HTTP: %,10.0f requests/s (server cost without the SDK)%n",
                    rawGets);
            System.out.printf("Paging 10,000 opportunities:        %,10d ms (best of 5, Java SDK paginator)%n%n",
                    best / 1_000_000);
        }
    }

    /**
     * GetOpportunity with one request signed once (valid for 15 minutes) and replayed by the JDK HTTP client:
     * the emulator still verifies the signature, validates and renders every call, but the client is cheap.
     */
    private static double rawRate(PartnerCentralEmulator emulator) throws Exception {
        byte[] body = "{\"Catalog\":\"AWS\",\"Identifier\":\"O10000001\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(emulator.endpoint().resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AWSPartnerCentralSelling.GetOpportunity").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()))
                .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "partnercentral-selling")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                builder.header(name, values.getFirst());
            }
        });
        HttpRequest request = builder.build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return rate(n -> {
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Calls per second over the measuring window, from THREADS threads sharing one SDK client. */
    private static double rate(Consumer<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder done = new LongAdder();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t * 7919;
            futures.add(pool.submit(() -> {
                int n = seed;
                while (running.get()) {
                    call.accept(n++);
                    if (counting.get()) {
                        done.increment();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(WARM_UP.toMillis());
        counting.set(true);
        long started = System.nanoTime();
        Thread.sleep(MEASURE.toMillis());
        long count = done.sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return count / seconds;
    }
}
