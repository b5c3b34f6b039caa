package app.cosell.emulator.bench;

import app.cosell.emulator.PartnerCentralEmulator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
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
 * On-demand benchmark of the emulator over loopback ({@code ./mvnw -Pbench test -Dtest=EmulatorBenchmarkTest}):
 * GetOpportunity and ListOpportunities (MaxResults 100) requests per second from concurrent Java SDK clients,
 * GetOpportunity from two pre-signed clients (the JDK HttpClient, and a light keep-alive socket client that costs
 * the emulator's CPU share as little as possible), and the time to page 10,000 opportunities with the SDK. Client
 * and emulator share the machine's cores, so each figure is the pair's throughput, not the server's alone. It
 * prints the figures; targets (≥ 5,000 GetOpportunity/s, 10,000 paged in under 1 s on two cores) are judged by
 * the reader, not asserted, since machines differ. {@code -Dbench.threads=N}, {@code -Dbench.socketThreads=N}.
 */
@Tag("benchmark")
class EmulatorBenchmarkTest {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    /** Threads (one socket each) of the light pre-signed client. */
    private static final int SOCKET_THREADS = Integer.getInteger("bench.socketThreads", 8);
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
            rate(THREADS, () -> n -> client.getOpportunity(r -> r.catalog("AWS").identifier(ids.get(n % ids.size()))));
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double gets = rate(THREADS,
                    () -> n -> client.getOpportunity(r -> r.catalog("AWS").identifier(ids.get(n % ids.size()))));
            double lists = rate(THREADS, () -> n -> client.listOpportunities(r -> r.catalog("AWS").maxResults(100)));
            double jdkGets = jdkClientRate(emulator);
            double socketGets = socketClientRate(emulator, ids, SOCKET_THREADS);

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
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("%n=== Partner Central emulator benchmark: %d cores, client and emulator in one JVM, "
                    + "loopback; load average %.2f before, %.2f after ===%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            System.out.printf("GetOpportunity, Java SDK (Apache client), %2d threads:           %,8.0f requests/s%n",
                    THREADS, gets);
            System.out.printf("ListOpportunities MaxResults 100, Java SDK, %2d threads:         %,8.0f requests/s%n",
                    THREADS, lists);
            System.out.printf("GetOpportunity, pre-signed, java.net.http.HttpClient, %2d threads: %,8.0f requests/s%n",
                    THREADS, jdkGets);
            System.out.printf("GetOpportunity, pre-signed, keep-alive sockets, %2d threads:      %,8.0f requests/s%n",
                    SOCKET_THREADS, socketGets);
            System.out.printf("Paging 10,000 opportunities, Java SDK paginator (best of 5):     %,8d ms%n%n",
                    best / 1_000_000);
        }
    }

    /**
     * GetOpportunity with one request signed once (valid for 15 minutes) and replayed by the JDK HTTP client:
     * the emulator still verifies the signature, validates and renders every call, but the client is cheap.
     */
    private static double jdkClientRate(PartnerCentralEmulator emulator) throws Exception {
        byte[] body = "{\"Catalog\":\"AWS\",\"Identifier\":\"O10000001\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = presign(emulator, body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                builder.header(name, values.getFirst());
            }
        });
        HttpRequest request = builder.build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return rate(THREADS, () -> n -> {
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

    /**
     * The light client: each thread keeps one keep-alive socket and sends GetOpportunity requests for 16
     * identifiers, each signed once (a signature stays valid for 15 minutes), reading every answer in full by its
     * Content-Length and checking the status is 200. The emulator still verifies the signature, validates and
     * renders every call; only the client's own cost (SDK marshalling, signing, a general HTTP client) is gone.
     */
    private static double socketClientRate(PartnerCentralEmulator emulator, List<String> ids, int threads)
            throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (String id : ids.subList(0, 16)) {
            byte[] body = ("{\"Catalog\":\"AWS\",\"Identifier\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest signed = presign(emulator, body);
            StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
            signed.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    head.append(name).append(": ").append(values.getFirst()).append("\r\n");
                }
            });
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            requests.add(request);
        }
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        try {
            return rate(threads, () -> {
                Socket socket;
                try {
                    socket = new Socket(InetAddress.getLoopbackAddress(), emulator.endpoint().getPort());
                    socket.setTcpNoDelay(true);
                    sockets.add(socket);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                    return n -> {
                        try {
                            out.write(requests.get(n % requests.size()));
                            readAnswer(in);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    };
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Reads one HTTP/1.1 answer (status line, headers, Content-Length body); fails unless the status is 200. */
    private static void readAnswer(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 200 ")) {
            throw new IllegalStateException("answer: " + status);
        }
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IllegalStateException("answer without Content-Length");
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("connection closed inside an answer");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    private static SdkHttpRequest presign(PartnerCentralEmulator emulator, byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(emulator.endpoint().resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AWSPartnerCentralSelling.GetOpportunity").build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()))
                .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "partnercentral-selling")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
    }

    /** Calls per second over the measuring window; each thread gets its own call from {@code perThread}. */
    private static double rate(int threads, Supplier<IntConsumer> perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder done = new LongAdder();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t * 7919;
            futures.add(pool.submit(() -> {
                IntConsumer call = perThread.get();
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
