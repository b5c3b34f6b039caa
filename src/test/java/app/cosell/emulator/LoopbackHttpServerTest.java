package app.cosell.emulator;

import static app.cosell.emulator.EmulatorClients.endOfStream;
import static app.cosell.emulator.EmulatorClients.line;
import static app.cosell.emulator.EmulatorClients.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.emulator.EmulatorClients.RawAnswer;
import app.cosell.testing.EmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/**
 * The emulator's own HTTP/1.1 server, spoken to over raw sockets: keep-alive, chunked bodies, 100-continue, the
 * 4xx refusals, a stalled client beside a working one, the dropped-connection fault, stop() and the loopback
 * binding. Each socket has a read timeout, so a server that fails to answer fails the test instead of hanging it.
 */
class LoopbackHttpServerTest {

    private static final String ADMIN_TOKEN = "loopback-test-admin-secret";

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).adminToken(ADMIN_TOKEN)
            .resetBeforeEach();

    @Test
    void manyRequestsShareOneKeepAliveConnection() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            for (int i = 1; i <= 50; i++) {
                String id = String.format(Locale.ROOT, "O1%07d", 1 + i % 20);
                socket.getOutputStream().write(signedGet(pc.emulator(), id, null));
                RawAnswer answer = RawAnswer.read(socket.getInputStream());
                assertThat(answer.status()).as("call %d", i).isEqualTo(200);
                assertThat(answer.header("Connection")).isNull();
                assertThat(answer.header("x-amzn-RequestId")).isNotBlank();
                assertThat(answer.body()).contains("\"Id\":\"" + id + "\"");
            }
        }
    }

    @Test
    void chunkedRequestBodyIsReassembled() throws Exception {
        String body = "{\"Catalog\":\"AWS\",\"Identifier\":\"O10000003\"}";
        Map<String, String> headers = signedHeaders(pc.emulator(), body);
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Transfer-Encoding: chunked\r\n\r\n");
        // Three chunks of uneven size, one with a chunk extension, then an empty trailer section.
        request.append(Integer.toHexString(10)).append("\r\n").append(body, 0, 10).append("\r\n");
        request.append(Integer.toHexString(20)).append(";ext=1\r\n").append(body, 10, 30).append("\r\n");
        request.append(Integer.toHexString(body.length() - 30)).append("\r\n").append(body.substring(30)).append("\r\n");
        request.append("0\r\n\r\n");
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"Id\":\"O10000003\"");
        }
    }

    @Test
    void expectContinueGetsOneHundredBeforeTheBodyIsSent() throws Exception {
        String body = "{\"Catalog\":\"AWS\",\"Identifier\":\"O10000004\"}";
        byte[] request = signedGet(pc.emulator(), "O10000004", "Expect: 100-continue\r\n");
        int headEnd = request.length - body.length();
        try (Socket socket = open(pc.emulator())) {
            OutputStream out = socket.getOutputStream();
            out.write(request, 0, headEnd);
            InputStream in = socket.getInputStream();
            assertThat(line(in)).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(line(in)).isEmpty();
            out.write(request, headEnd, body.length());
            RawAnswer answer = RawAnswer.read(in);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"Id\":\"O10000004\"");
        }
    }

    @Test
    void malformedRequestLineIsRefusedWith400AndTheConnectionCloses() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void oversizedBodyIsRefusedWith413WithoutBeingRead() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (8 * 1024 * 1024 + 1) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Connection")).isEqualTo("close");
        }
        // With Expect: 100-continue the refusal comes instead of the 100.
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 20000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawAnswer.read(socket.getInputStream()).status()).isEqualTo(413);
        }
    }

    @Test
    void oversizedChunkedBodyIsRefusedWith413() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            OutputStream out = socket.getOutputStream();
            // A signed head (credential, scope and date pass before the body), then a body beyond the limit.
            StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
            signedHeaders(pc.emulator(), "{}").forEach((name, value) -> head.append(name).append(": ").append(value)
                    .append("\r\n"));
            out.write(head.append("Transfer-Encoding: chunked\r\n\r\n").toString()
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            RawAnswer answer = null;
            try {
                for (int i = 0; i < 9; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (SocketException refusedWhileSending) {
                // the server may answer and stop reading before the client has sent everything
            }
            answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        }
    }

    @Test
    void oversizedHeadersAreRefusedWith431() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            String big = "x".repeat(70 * 1024);
            socket.getOutputStream().write(("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawAnswer.read(socket.getInputStream()).status()).isEqualTo(431);
        }
    }

    @Test
    void http10WithoutKeepAliveIsClosedAfterTheAnswer() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(("GET /_emulator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                    + "X-Emulator-Admin-Token: " + ADMIN_TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(signedGet(pc.emulator(), "O10000001", "Connection: close\r\n"));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aStalledClientDoesNotBlockOthers() throws Exception {
        byte[] request = signedGet(pc.emulator(), "O10000002", null);
        try (Socket stalled = open(pc.emulator());
             PartnerCentralSellingClient client = pc.newClient()) {
            // Half a request line, headers never finished: the server waits on this connection...
            stalled.getOutputStream().write(request, 0, 20);
            stalled.getOutputStream().flush();
            // ...while other clients, raw and SDK, are answered meanwhile.
            try (Socket other = open(pc.emulator())) {
                other.getOutputStream().write(request);
                assertThat(RawAnswer.read(other.getInputStream()).status()).isEqualTo(200);
            }
            assertThat(pc.client().getOpportunity(r -> r.catalog("AWS").identifier("O10000002")).id())
                    .isEqualTo("O10000002");
            // The stalled client finishes its request and is answered too.
            stalled.getOutputStream().write(request, 20, request.length - 20);
            assertThat(RawAnswer.read(stalled.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void connectionResetFaultDropsTheConnectionWithoutAnswer() throws Exception {
        pc.emulator().faults().failNext("GetOpportunity", "ConnectionReset", 1);
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(signedGet(pc.emulator(), "O10000001", null));
            int first;
            try {
                first = socket.getInputStream().read();
            } catch (SocketException reset) {
                first = -1;
            }
            assertThat(first).as("no byte of an answer").isEqualTo(-1);
        }
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(signedGet(pc.emulator(), "O10000001", null));
            assertThat(RawAnswer.read(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void stopClosesOpenConnections() throws Exception {
        PartnerCentralEmulator own = PartnerCentralEmulator.builder().randomCredentials().opportunities(0)
                .adminToken(ADMIN_TOKEN).start();
        try (Socket served = open(own); Socket silent = open(own)) {
            served.getOutputStream().write(("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Emulator-Admin-Token: " + ADMIN_TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawAnswer.read(served.getInputStream()).status()).isEqualTo(200);
            own.close();
            assertThat(endOfStream(served)).isTrue();
            assertThat(endOfStream(silent)).isTrue();
        } finally {
            own.close();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), own.endpoint().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(pc.endpoint().getHost()).isEqualTo("127.0.0.1");
        int port = pc.endpoint().getPort();
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                others.addAll(Collections.list(nic.getInetAddresses()));
            }
        }
        for (InetAddress address : others) {
            if (address.isLinkLocalAddress()) {
                continue; // needs a scope to connect; a loopback-bound socket refuses it all the same
            }
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 2_000))
                        .as("connect via %s", address).isInstanceOf(IOException.class);
            }
        }
        try (Socket socket = open(pc.emulator())) {
            assertThat(socket.getInetAddress().isLoopbackAddress()).isTrue();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The SigV4 headers of a GetOpportunity call with this body, as the SDK's signer makes them. */
    private static Map<String, String> signedHeaders(PartnerCentralEmulator target, String body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(target.endpoint().resolve("/")).putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AWSPartnerCentralSelling.GetOpportunity").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey()))
                .request(unsigned).payload(ContentStreamProvider.fromByteArray(body.getBytes(StandardCharsets.UTF_8)))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, ServiceModel.SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values.getFirst());
            }
        });
        return headers;
    }

    /** A complete signed GetOpportunity request with a Content-Length body; {@code extra} adds header lines. */
    private static byte[] signedGet(PartnerCentralEmulator target, String id, String extra) {
        String body = "{\"Catalog\":\"AWS\",\"Identifier\":\"" + id + "\"}";
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\n");
        signedHeaders(target, body).forEach((name, value) -> request.append(name).append(": ").append(value)
                .append("\r\n"));
        if (extra != null) {
            request.append(extra);
        }
        request.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }
}
