package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Test helpers: raw (optionally SigV4-signed) HTTP calls against a running emulator, for what the SDK cannot send or
 * hides, and raw sockets for what no HTTP client sends. The SDK's own clients come from the test's
 * {@code EmulatorExtension}.
 */
final class EmulatorClients {

    /** Read timeout of a raw socket: a server that fails to answer fails the test instead of hanging it. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private EmulatorClients() {
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

    /** POSTs an AWS JSON 1.0 call signed now with the emulator's own keys, as an SDK that knew the call would. */
    static Answer signedPost(PartnerCentralEmulator emulator, String operation, String body) throws Exception {
        return signedPost(emulator, operation, body, "partnercentral-selling", emulator.accessKeyId(),
                emulator.secretAccessKey(), Clock.systemUTC());
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
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values.getFirst());
            }
        });
        return post(emulator.endpoint(), path, headers, body);
    }

    /** A socket to the emulator's port on the loopback address, with the read timeout. */
    static Socket open(PartnerCentralEmulator target) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.endpoint().getPort());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    /** Whether the server has closed (or reset) the connection. */
    static boolean endOfStream(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** One line of an HTTP head, without its line end. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed after " + bytes);
            }
            if (c != '\r') {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** One HTTP answer read off a raw socket by its Content-Length; header names in lower case. */
    record RawAnswer(int status, Map<String, String> headers, String body) {

        static RawAnswer read(InputStream in) throws IOException {
            String statusLine = line(in);
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.get("content-length"));
            byte[] body = in.readNBytes(length);
            assertThat(body).hasSize(length);
            return new RawAnswer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
