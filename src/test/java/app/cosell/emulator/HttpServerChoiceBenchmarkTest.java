package app.cosell.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Which HTTP server should the emulator run on (issue #18, item 8)? The same emulator (one state, one request
 * handler) is served at once by its own {@link LoopbackHttpServer} and by the JDK's {@code HttpServer} (virtual
 * thread per exchange, {@code sun.net.httpserver.nodelay=true}), and both are driven alternately, in interleaved
 * rounds, through the Java SDK with the Apache client (the app's client) and through a light pre-signed keep-alive
 * socket client. It prints requests per second of each and the JDK server's share of ours; the rule (switch only if
 * the JDK server is within 10% through the SDK and meets the hardening) is applied by the reader:
 * {@code ./mvnw -Pbench test -Dtest=HttpServerChoiceBenchmarkTest}. {@code -Dbench.threads=N}, {@code -Dbench.rounds=N}.
 */
@Tag("benchmark")
class HttpServerChoiceBenchmarkTest {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(5);

    @Test
    void jdkHttpServerAgainstOursThroughTheJavaSdk() throws Exception {
        // Read once by the JDK server's configuration class, before its first use in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.builder().opportunities(1_000)
                .throttling(false).start()) {
            HttpServer jdk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
            jdk.setExecutor(virtualThreads);
            LoopbackHttpServer.Handler handler = emulator.httpHandler();
            jdk.createContext("/", exchange -> serve(handler, exchange));
            jdk.start();
            URI jdkEndpoint = URI.create("http://127.0.0.1:" + jdk.getAddress().getPort());
            try (PartnerCentralSellingClient ours = sdk(emulator, emulator.endpoint());
                 PartnerCentralSellingClient theirs = sdk(emulator, jdkEndpoint)) {
                List<String> ids = new ArrayList<>();
                ours.listOpportunitiesPaginator(r -> r.catalog("AWS").maxResults(100)).opportunitySummaries()
                        .forEach(o -> ids.add(o.id()));
                // Both paths answer the same.
                if (!theirs.getOpportunity(r -> r.catalog("AWS").identifier(ids.getFirst())).id().equals(ids.getFirst())) {
                    throw new AssertionError("the JDK server does not serve the emulator");
                }
                double[] sdkGet = new double[2];
                double[] sdkList = new double[2];
                double[] socketGet = new double[2];
                // Round 0 is an unreported warm-up of both paths (the JIT compiles the emulator's hot code there).
                // Then the order alternates per round, so neither server is always measured first.
                for (int round = 0; round <= ROUNDS; round++) {
                    double weight = round == 0 ? 0 : 1;
                    for (int i = 0; i < 2; i++) {
                        int server = (round + i) % 2;
                        PartnerCentralSellingClient client = server == 0 ? ours : theirs;
                        sdkGet[server] += weight * rate(THREADS, () -> n -> client.getOpportunity(r -> r
                                .catalog("AWS").identifier(ids.get(n % ids.size()))));
                        sdkList[server] += weight * rate(THREADS, () -> n -> client.listOpportunities(r -> r
                                .catalog("AWS").maxResults(100)));
                        socketGet[server] += weight * socketRate(emulator,
                                server == 0 ? emulator.endpoint() : jdkEndpoint, ids, THREADS);
                    }
                }
                System.out.printf("%n=== Emulator HTTP server: ours (LoopbackHttpServer, platform thread per connection)"
                        + " vs JDK HttpServer (virtual threads, nodelay); %d cores, %d threads, mean of %d rounds ===%n",
                        Runtime.getRuntime().availableProcessors(), THREADS, ROUNDS);
                print("GetOpportunity, Java SDK (Apache)", sdkGet);
                print("ListOpportunities 100, Java SDK (Apache)", sdkList);
                print("GetOpportunity, light pre-signed sockets", socketGet);
            } finally {
                jdk.stop(0);
                virtualThreads.shutdownNow();
            }
        }
    }

    private static void print(String what, double[] sums) {
        double ours = sums[0] / ROUNDS;
        double jdk = sums[1] / ROUNDS;
        System.out.printf("%-42s ours %,8.0f/s   JDK %,8.0f/s   JDK/ours %5.1f%%%n", what, ours, jdk,
                100 * jdk / ours);
    }

    /** The JDK server's exchange handed to the emulator's handler, as our server hands it. */
    private static void serve(LoopbackHttpServer.Handler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            LoopbackHttpServer.Headers headers = new LoopbackHttpServer.Headers();
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    headers.add(header.getKey(), value);
                }
            }
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            LoopbackHttpServer.Response answer = handler.beforeBody(
                    new LoopbackHttpServer.Request(method, uri.getRawPath(), uri.getRawQuery(), headers, null));
            if (answer == null) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                answer = handler.handle(new LoopbackHttpServer.Request(method, uri.getRawPath(), uri.getRawQuery(),
                        headers, body));
            }
            if (answer == LoopbackHttpServer.Response.DROP) {
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            String[] extra = answer.headers();
            for (int i = 0; i + 1 < extra.length; i += 2) {
                exchange.getResponseHeaders().add(extra[i], extra[i + 1]);
            }
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static PartnerCentralSellingClient sdk(PartnerCentralEmulator emulator, URI endpoint) {
        return PartnerCentralSellingClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.accessKeyId(), emulator.secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(THREADS * 2))
                .build();
    }

    /** GetOpportunity over keep-alive sockets, one per thread, each request signed once and replayed. */
    private static double socketRate(PartnerCentralEmulator emulator, URI endpoint, List<String> ids, int threads)
            throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (String id : ids.subList(0, 16)) {
            byte[] body = ("{\"Catalog\":\"AWS\",\"Identifier\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("X-Amz-Target", "AWSPartnerCentralSelling.GetOpportunity").build();
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()))
                    .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, ServiceModel.SIGNING_NAME)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
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
                try {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.getPort());
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

    /** One answer, status 200 required, read by Content-Length (both servers send one for these answers). */
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
        if (length < 0 || in.readNBytes(length).length != length) {
            throw new IOException("answer without a complete Content-Length body");
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

    /** Calls per second over the measuring window, after a warm-up; each thread gets its own call. */
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
        try {
            Thread.sleep(WARM_UP.toMillis());
            counting.set(true);
            long started = System.nanoTime();
            Thread.sleep(MEASURE.toMillis());
            counting.set(false);
            double seconds = (System.nanoTime() - started) / 1e9;
            running.set(false);
            for (Future<?> future : futures) {
                future.get();
            }
            return done.sum() / seconds;
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }
}
