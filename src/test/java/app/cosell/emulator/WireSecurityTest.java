package app.cosell.emulator;

import static app.cosell.emulator.EmulatorClients.READ_TIMEOUT_MILLIS;
import static app.cosell.emulator.EmulatorClients.endOfStream;
import static app.cosell.emulator.EmulatorClients.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.emulator.EmulatorClients.RawAnswer;
import app.cosell.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;

/**
 * The emulator under hostile input, over raw sockets: the admin endpoint's refusals (absent unless enabled, its
 * secret, its Host check, JSON only), SigV4 refused and accepted as AWS does (host signed, scope, duplicates,
 * session tokens, Date header, IncompleteSignatureException, not yet current, UNSIGNED-PAYLOAD), strangers refused
 * before their body is read, the head and body deadlines, Host required, chunk sizes, forged NextTokens, and
 * strict body parsing. Each socket has a read timeout, so a server that fails to answer fails the test.
 */
class WireSecurityTest {

    private static final String ADMIN_TOKEN = "wire-security-test-secret";
    private static final String TARGET = "AWSPartnerCentralSelling.";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final EmulatorExtension pc = EmulatorExtension.sandbox().opportunities(30).adminToken(ADMIN_TOKEN)
            .resetBeforeEach();

    // ---- admin endpoint ----------------------------------------------------------------------------------

    @Test
    void theAdminEndpointIsAbsentUnlessEnabled() throws Exception {
        try (PartnerCentralEmulator plain = PartnerCentralEmulator.builder().opportunities(0).start()) {
            assertThat(plain.adminEnabled()).isFalse();
            assertThat(plain.adminToken()).isNull();
            RawAnswer health = exchange(plain, ("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + PartnerCentralEmulator.ADMIN_TOKEN_HEADER + ": anything\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // Just another unsigned AWS call: no admin answer.
            assertThat(health.status()).isEqualTo(403);
            assertThat(health.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
            RawAnswer reset = exchange(plain, adminRequest("POST", "/_emulator/reset", "127.0.0.1", "anything",
                    "application/json", "{}"));
            assertThat(reset.status()).isEqualTo(403);
            assertThat(reset.body()).doesNotContain("catalogs");
        }
    }

    @Test
    void theAdminEndpointAnswersWithItsSecretJsonAndALoopbackHost() throws Exception {
        int port = pc.endpoint().getPort();
        for (String host : List.of("127.0.0.1", "127.0.0.1:" + port, "localhost", "LOCALHOST:" + port)) {
            RawAnswer answer = exchange(pc.emulator(), adminRequest("POST", "/_emulator/settings", host, ADMIN_TOKEN,
                    "application/json; charset=utf-8", "{\"instant\":true}"));
            assertThat(answer.status()).as(host).isEqualTo(200);
            assertThat(answer.body()).contains("\"instant\":true");
        }
        pc.emulator().setInstant(false);
    }

    @Test
    void withoutItsSecretTheAdminEndpointRefuses() throws Exception {
        RawAnswer none = exchange(pc.emulator(), adminRequest("GET", "/_emulator/health", "127.0.0.1", null, null, null));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).contains(PartnerCentralEmulator.ADMIN_TOKEN_HEADER).doesNotContain(ADMIN_TOKEN);
        RawAnswer wrong = exchange(pc.emulator(), adminRequest("POST", "/_emulator/reset", "127.0.0.1",
                ADMIN_TOKEN + "x", "application/json", "{}"));
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void aCrossOriginTextPlainPostChangesNothing() throws Exception {
        String rule = "{\"operations\":[{\"operation\":\"ListSolutions\",\"fault\":\"AccessDeniedException\"}]}";
        // What a web page can send without a preflight: text/plain, no custom header.
        RawAnswer forged = exchange(pc.emulator(), adminRequest("POST", "/_emulator/faults", "127.0.0.1", null,
                "text/plain", rule));
        assertThat(forged.status()).isEqualTo(401);
        // Even with the secret, text/plain is not JSON to us.
        RawAnswer textPlain = exchange(pc.emulator(), adminRequest("POST", "/_emulator/faults", "127.0.0.1", ADMIN_TOKEN,
                "text/plain", rule));
        assertThat(textPlain.status()).isEqualTo(415);
        RawAnswer untyped = exchange(pc.emulator(), adminRequest("POST", "/_emulator/faults", "127.0.0.1", ADMIN_TOKEN,
                null, rule));
        assertThat(untyped.status()).isEqualTo(415);
        assertThat(pc.emulator().faults().toJsonNode().path("operations").size()).isZero();
        pc.noRetryClient().listSolutions(r -> r.catalog("AWS"));
    }

    @Test
    void aForeignHostIsRefusedEvenWithTheSecret() throws Exception {
        int port = pc.endpoint().getPort();
        for (String host : List.of("evil.example:" + port, "127.0.0.1.evil.example", "localhost.evil.example:" + port,
                "127.0.0.1:80x", "")) {
            RawAnswer answer = exchange(pc.emulator(), adminRequest("POST", "/_emulator/reset", host, ADMIN_TOKEN,
                    "application/json", "{}"));
            assertThat(answer.status()).as("Host '%s'", host).isEqualTo(403);
        }
    }

    @Test
    void anAdminCallWithoutTheSecretIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            // A large declared body of which nothing is sent: the refusal must not wait for it.
            socket.getOutputStream().write(("POST /_emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void theCommandPrintsTheAdminSecretOnlyWhenTheEndpointIsOn() {
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        assertThat(EmulatorCommand.run(new String[] {"--port", "0", "--opportunities", "0", "--admin-token", "s3cret"},
                new PrintStream(fixed), System.err, false)).isZero();
        assertThat(fixed.toString()).contains("X-Emulator-Admin-Token: s3cret").contains("/_emulator/");

        ByteArrayOutputStream fresh = new ByteArrayOutputStream();
        assertThat(EmulatorCommand.run(new String[] {"--port", "0", "--opportunities", "0", "--admin"},
                new PrintStream(fresh), System.err, false)).isZero();
        assertThat(fresh.toString()).containsPattern("X-Emulator-Admin-Token: [A-Za-z0-9_-]{20,}");

        ByteArrayOutputStream off = new ByteArrayOutputStream();
        assertThat(EmulatorCommand.run(new String[] {"--port", "0", "--opportunities", "0"},
                new PrintStream(off), System.err, false)).isZero();
        assertThat(off.toString()).doesNotContain("Admin endpoint");
    }

    // ---- SigV4 as AWS checks it --------------------------------------------------------------------------

    @Test
    void hostMustBeASignedHeader() throws Exception {
        Map<String, String> headers = baseHeaders("ListSolutions");
        headers.put("X-Amz-Date", AMZ_DATE.format(Instant.now()));
        byte[] body = json("{'Catalog':'AWS'}");
        headers.put("Authorization", sign(headers, List.of("content-type", "x-amz-date", "x-amz-target"),
                sha256Hex(body), headers.get("X-Amz-Date"), "us-east-1"));
        RawAnswer answer = exchange(pc.emulator(), request(headers, body));
        assertError(answer, 403, "InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader'");
    }

    @Test
    void unsignedPayloadIsRefusedSoTheBodyIsAlwaysCovered() throws Exception {
        Map<String, String> headers = baseHeaders("ListSolutions");
        headers.put("X-Amz-Date", AMZ_DATE.format(Instant.now()));
        headers.put("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
        byte[] body = json("{'Catalog':'AWS'}");
        headers.put("Authorization", sign(headers, List.of("host", "x-amz-content-sha256", "x-amz-date",
                "x-amz-target"), "UNSIGNED-PAYLOAD", headers.get("X-Amz-Date"), "us-east-1"));
        RawAnswer answer = exchange(pc.emulator(), request(headers, body));
        assertError(answer, 403, "InvalidSignatureException", "x-amz-content-sha256");
    }

    @Test
    void theDateHeaderIsAcceptedWhenXAmzDateIsAbsent() throws Exception {
        Map<String, String> headers = baseHeaders("ListSolutions");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
        byte[] body = json("{'Catalog':'AWS'}");
        headers.put("Authorization", sign(headers, List.of("date", "host", "x-amz-target"), sha256Hex(body),
                AMZ_DATE.format(now), "us-east-1"));
        RawAnswer answer = exchange(pc.emulator(), request(headers, body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("SolutionSummaries");
    }

    @Test
    void aRegionOtherThanUsEast1IsRefused() throws Exception {
        for (String region : List.of("us-west-2", "xx-nowhere-9")) {
            RawAnswer answer = exchange(pc.emulator(), sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                    AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), region,
                    Clock.systemUTC(), List.of()));
            assertError(answer, 403, "InvalidSignatureException", "Credential should be scoped to a valid region.");
        }
    }

    @Test
    void aSignatureNotYetCurrentIsSaidToBeSo() throws Exception {
        Clock ahead = Clock.fixed(Instant.now().plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        RawAnswer answer = exchange(pc.emulator(), sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1", ahead,
                List.of()));
        assertError(answer, 403, "InvalidSignatureException", "Signature not yet current: ");
        assertThat(answer.body()).contains("is still later than").contains("+ 15 min.");
    }

    @Test
    void aSessionTokenWithTheEmulatorsLongTermKeyIsAnUnrecognizedClient() throws Exception {
        RawAnswer answer = exchange(pc.emulator(), sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsSessionCredentials.create(pc.accessKeyId(), pc.secretAccessKey(), "FQoGZXIvYXdzEXAMPLE"),
                "us-east-1", Clock.systemUTC(), List.of()));
        assertError(answer, 403, "UnrecognizedClientException", "The security token included in the request is invalid");
    }

    @Test
    void aTemporaryKeyNeedsItsSessionToken() throws Exception {
        try (PartnerCentralEmulator temporary = PartnerCentralEmulator.builder().opportunities(0)
                .credentials("ASIATEMPORARYEXAMPL1", "temporarySecretForTheWireSecurityTest01").start()) {
            RawAnswer withToken = exchange(temporary, sdkSigned(temporary, "ListSolutions", json("{'Catalog':'AWS'}"),
                    AwsSessionCredentials.create(temporary.accessKeyId(), temporary.secretAccessKey(), "token-1"),
                    "us-east-1", Clock.systemUTC(), List.of()));
            assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
            RawAnswer without = exchange(temporary, sdkSigned(temporary, "ListSolutions", json("{'Catalog':'AWS'}"),
                    AwsBasicCredentials.create(temporary.accessKeyId(), temporary.secretAccessKey()),
                    "us-east-1", Clock.systemUTC(), List.of()));
            assertError(without, 403, "UnrecognizedClientException", "security token");
        }
    }

    @Test
    void twoTargetsAreRefusedNotTheFirstRun() throws Exception {
        // Added after signing: the signature no longer matches.
        RawAnswer appended = exchange(pc.emulator(), sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1",
                Clock.systemUTC(), List.<String[]>of(new String[] {"X-Amz-Target", TARGET + "ListOpportunities"})));
        assertError(appended, 403, "InvalidSignatureException", "does not match");
        // Both signed (as the service sees repeated headers: joined by a comma): still refused, neither runs.
        Map<String, String> headers = baseHeaders("ListSolutions");
        headers.put("X-Amz-Target", TARGET + "ListSolutions," + TARGET + "ListOpportunities");
        headers.put("X-Amz-Date", AMZ_DATE.format(Instant.now()));
        byte[] body = json("{'Catalog':'AWS'}");
        headers.put("Authorization", sign(headers, List.of("host", "x-amz-date", "x-amz-target"), sha256Hex(body),
                headers.get("X-Amz-Date"), "us-east-1"));
        String twoLines = new String(request(headers, body), StandardCharsets.UTF_8).replace(
                "X-Amz-Target: " + TARGET + "ListSolutions," + TARGET + "ListOpportunities\r\n",
                "X-Amz-Target: " + TARGET + "ListSolutions\r\nX-Amz-Target: " + TARGET + "ListOpportunities\r\n");
        RawAnswer both = exchange(pc.emulator(), twoLines.getBytes(StandardCharsets.UTF_8));
        assertError(both, 400, "UnknownOperationException", "more than one operation");
    }

    @Test
    void aSecondGarbageAuthorizationIsAnIncompleteSignature() throws Exception {
        RawAnswer answer = exchange(pc.emulator(), sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1",
                Clock.systemUTC(), List.<String[]>of(new String[] {"Authorization", "garbage"})));
        assertError(answer, 400, "IncompleteSignatureException", "'garbage' not a valid key=value pair");
    }

    @Test
    void twoCredentialsAreAnIncompleteSignature() throws Exception {
        Map<String, String> headers = baseHeaders("ListSolutions");
        headers.put("X-Amz-Date", AMZ_DATE.format(Instant.now()));
        byte[] body = json("{'Catalog':'AWS'}");
        String authorization = sign(headers, List.of("host", "x-amz-date", "x-amz-target"), sha256Hex(body),
                headers.get("X-Amz-Date"), "us-east-1");
        headers.put("Authorization", authorization + ", Credential=AKIAOTHEROTHEROTHER1/"
                + headers.get("X-Amz-Date").substring(0, 8) + "/us-east-1/partnercentral-selling/aws4_request");
        assertError(exchange(pc.emulator(), request(headers, body)), 400, "IncompleteSignatureException",
                "more than one 'Credential'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS4-HMAC-SHA256", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host",
            "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abc"})
    void incompleteAuthorizationsAreIncompleteSignatures(String authorization) throws Exception {
        Map<String, String> headers = baseHeaders("ListSolutions");
        headers.put("X-Amz-Date", AMZ_DATE.format(Instant.now()));
        headers.put("Authorization", authorization);
        RawAnswer answer = exchange(pc.emulator(), request(headers, json("{'Catalog':'AWS'}")));
        assertError(answer, 400, "IncompleteSignatureException", "");
    }

    @Test
    void noDateAtAllIsAnIncompleteSignature() throws Exception {
        Map<String, String> headers = baseHeaders("ListSolutions");
        byte[] body = json("{'Catalog':'AWS'}");
        headers.put("Authorization", sign(headers, List.of("host", "x-amz-target"), sha256Hex(body),
                AMZ_DATE.format(Instant.now()), "us-east-1"));
        assertError(exchange(pc.emulator(), request(headers, body)), 400, "IncompleteSignatureException",
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    // ---- before the body, deadlines, framing ---------------------------------------------------------------

    @Test
    void anUnsignedCallIsRefusedBeforeItsDeclaredBodyArrives() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/x-amz-json-1.0\r\nX-Amz-Target: " + TARGET + "ListSolutions\r\nContent-Length: "
                    + LoopbackHttpServer.MAX_BODY_BYTES + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
            assertThat(answer.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void aStrangerIsNeverInvitedToSendItsBody() throws Exception {
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/x-amz-json-1.0\r\nX-Amz-Target: " + TARGET + "ListSolutions\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 17\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The refusal comes instead of "100 Continue".
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        }
    }

    @Test
    void anUnknownKeyIsRefusedBeforeItsDeclaredBodyArrives() throws Exception {
        byte[] full = sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN12", "secret"), "us-east-1", Clock.systemUTC(), List.of());
        String head = new String(full, StandardCharsets.ISO_8859_1);
        head = head.substring(0, head.indexOf("\r\n\r\n")).replaceAll("Content-Length: \\d+", "Content-Length: 4000000");
        try (Socket socket = open(pc.emulator())) {
            socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            RawAnswer answer = RawAnswer.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("UnrecognizedClientException");
        }
    }

    @Test
    void anHttp11RequestWithoutExactlyOneHostIsRefused() throws Exception {
        byte[] signed = sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1",
                Clock.systemUTC(), List.of());
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        String withoutHost = text.replaceFirst("Host: [^\r]*\r\n", "");
        assertThat(exchange(pc.emulator(), withoutHost.getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(400);
        String twoHosts = text.replaceFirst("(Host: [^\r]*\r\n)", "$1Host: other.example\r\n");
        assertThat(exchange(pc.emulator(), twoHosts.getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-7fffffff", "+5", "0x5", "zz", "123456789", " ", "5 5"})
    void aBadChunkSizeIsAnsweredWith400(String size) throws Exception {
        String head = new String(sdkSigned("ListSolutions", json("{'Catalog':'AWS'}"),
                AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1",
                Clock.systemUTC(), List.of()), StandardCharsets.ISO_8859_1);
        head = head.substring(0, head.indexOf("\r\n\r\n")).replaceAll("Content-Length: \\d+\r?\n?",
                "Transfer-Encoding: chunked");
        RawAnswer answer = exchange(pc.emulator(), (head + "\r\n\r\n" + size + "\r\nabc\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("chunk");
    }

    @Test
    void aHeadThatDoesNotArriveInTimeIsAnsweredWith408() throws Exception {
        LoopbackHttpServer server = new LoopbackHttpServer(request -> new LoopbackHttpServer.Response(200,
                "text/plain", new String[0], new byte[0]), Duration.ofMillis(300), Duration.ofMillis(300));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            int port = server.start(0, executor);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                // Slowloris: a request line, then one header byte at a time, never the end of the head.
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(
                        StandardCharsets.US_ASCII));
                RawAnswer answer = RawAnswer.read(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(408);
                assertThat(endOfStream(socket)).isTrue();
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                // A complete head, then a body that never comes.
                socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(RawAnswer.read(socket.getInputStream()).status()).isEqualTo(408);
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                // An idle keep-alive connection is not a late request: it is answered when it asks.
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(RawAnswer.read(socket.getInputStream()).status()).isEqualTo(200);
            }
        } finally {
            server.stop();
            executor.shutdownNow();
        }
    }

    @Test
    void declaredBodiesReserveNoMemoryOnlyArrivedBytesDo() throws Exception {
        int connections = 64;
        java.util.concurrent.CountDownLatch headsRead = new java.util.concurrent.CountDownLatch(connections);
        LoopbackHttpServer server = new LoopbackHttpServer(new LoopbackHttpServer.Handler() {
            @Override
            public LoopbackHttpServer.Response handle(LoopbackHttpServer.Request request) {
                return new LoopbackHttpServer.Response(200, "text/plain", new String[0], new byte[0]);
            }

            @Override
            public LoopbackHttpServer.Response beforeBody(LoopbackHttpServer.Request head) {
                headsRead.countDown(); // let every head through: the body is what is measured
                return null;
            }
        });
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        List<Socket> sockets = new ArrayList<>();
        try {
            int port = server.start(0, executor);
            java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                sockets.add(socket);
                // The audit's attack: the largest allowed declaration, one byte sent.
                socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                        + LoopbackHttpServer.MAX_BODY_BYTES + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(headsRead.await(READ_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            System.gc();
            long grown = memory.getHeapMemoryUsage().getUsed() - before;
            // Reserving the declared sizes would hold 64 x 8 MiB = 512 MiB.
            assertThat(grown).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            server.stop();
            executor.shutdownNow();
        }
    }

    // ---- NextToken ----------------------------------------------------------------------------------------

    @Test
    void forgedDamagedAndForeignNextTokensAreValidationErrorsNeverServerErrors() {
        String opportunityToken = pc.noRetryClient().listOpportunities(r -> r.catalog("AWS").maxResults(5)).nextToken();
        String solutionToken = pc.noRetryClient().listSolutions(r -> r.catalog("AWS").maxResults(1)).nextToken();
        assertThat(opportunityToken).startsWith("AAMA-");
        assertThat(solutionToken).startsWith("AAMA-");
        // The genuine token pages on.
        assertThat(pc.noRetryClient().listOpportunities(r -> r.catalog("AWS").maxResults(5).nextToken(opportunityToken))
                .opportunitySummaries()).hasSize(5);

        String raw = new String(Base64.getUrlDecoder().decode(opportunityToken.substring(5)), StandardCharsets.UTF_8);
        List<String> forged = new ArrayList<>();
        forged.add(solutionToken); // a ListSolutions token given to ListOpportunities
        forged.add(reencode(raw.replaceFirst(":5:", ":2147483645:")));
        forged.add(reencode(raw.replaceFirst(":5:", ":-5:")));
        forged.add(reencode(raw.replaceFirst(":5:", ":99999999999999999999:")));
        forged.add(reencode(raw.replaceFirst(":5:", ":31:")));
        forged.add(reencode(raw + ":extra"));
        forged.add("AAMA-!!!not-base64!!!");
        forged.add("AAMA-" + "A".repeat(5000));
        forged.add("garbage");
        for (String token : forged) {
            assertThatThrownBy(() -> pc.noRetryClient().listOpportunities(r -> r.catalog("AWS").maxResults(5)
                    .nextToken(token))).as(token).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    // ---- strict bodies ------------------------------------------------------------------------------------

    @Test
    void bodiesAreStrictUtf8HoldingExactlyOneJsonValue() throws Exception {
        List<byte[]> refused = List.of(
                json("{'Catalog':'AWS'}x"),
                json("{'Catalog':'AWS'}{'Catalog':'AWS'}"),
                json("{'Catalog':'AWS'} []"),
                concat(json("{'Catalog':'AWS','Identifier':'"), new byte[] {(byte) 0xc0, (byte) 0xaf}, json("'}")),
                concat(json("{'Catalog':'AWS','Identifier':'"), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        json("'}")),
                concat(json("{'Catalog':'AWS','Identifier':'"), new byte[] {(byte) 0xff}, json("'}")),
                "{\"Catalog\":\"AWS\"}".getBytes(StandardCharsets.UTF_16LE),
                "{\"Catalog\":\"AWS\"}".getBytes(StandardCharsets.UTF_16),
                "{\"Catalog\":\"AWS\"}".getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        for (byte[] body : refused) {
            RawAnswer answer = exchange(pc.emulator(), sdkSigned("ListSolutions", body,
                    AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1",
                    Clock.systemUTC(), List.of()));
            assertError(answer, 400, "SerializationException", "");
        }
        RawAnswer fine = exchange(pc.emulator(), sdkSigned("ListSolutions", json(" {'Catalog':'AWS'} \n"),
                AwsBasicCredentials.create(pc.accessKeyId(), pc.secretAccessKey()), "us-east-1",
                Clock.systemUTC(), List.of()));
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void assertError(RawAnswer answer, int status, String type, String messagePart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("x-amzn-ErrorType")).as(answer.body()).isEqualTo(type);
        assertThat(answer.body()).contains("\"__type\":\"" + type + "\"").contains(messagePart.replace("\"", "\\\""));
    }

    private static String reencode(String raw) {
        return "AAMA-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Map<String, String> baseHeaders(String operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + pc.endpoint().getPort());
        headers.put("Content-Type", "application/x-amz-json-1.0");
        headers.put("X-Amz-Target", TARGET + operation);
        return headers;
    }

    /** A POST / with these headers (Host among them) and the body; Content-Length added. */
    private static byte[] request(Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * A signed POST made by the SDK's own signer (host, date and the payload hash as the SDK signs them), with
     * {@code extra} header lines appended after signing.
     */
    private static byte[] sdkSigned(String operation, byte[] body, AwsCredentialsIdentity credentials, String region,
                                    Clock clock, List<String[]> extra) {
        return sdkSigned(pc.emulator(), operation, body, credentials, region, clock, extra);
    }

    private static byte[] sdkSigned(PartnerCentralEmulator target, String operation, byte[] body,
                                    AwsCredentialsIdentity credentials, String region, Clock clock,
                                    List<String[]> extra) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(target.endpoint().resolve("/")).putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", TARGET + operation).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, ServiceModel.SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        for (String[] header : extra) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * Signs by hand, for what the SDK's signer never makes (host unsigned, a chosen payload hash, the Date header):
     * the SigV4 steps over the given headers, with the emulator's key.
     */
    private static String sign(Map<String, String> headers, List<String> signedNames, String payloadHash,
                               String amzDate, String region) throws Exception {
        StringBuilder canonical = new StringBuilder("POST\n/\n\n");
        for (String name : signedNames) {
            String value = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            canonical.append(name).append(':').append(value.strip()).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedNames)).append('\n').append(payloadHash);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + ServiceModel.SIGNING_NAME + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + pc.secretAccessKey()).getBytes(StandardCharsets.UTF_8),
                amzDate.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, ServiceModel.SIGNING_NAME);
        key = hmac(key, "aws4_request");
        return "AWS4-HMAC-SHA256 Credential=" + pc.accessKeyId() + "/" + scope + ", SignedHeaders="
                + String.join(";", signedNames) + ", Signature=" + HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static byte[] adminRequest(String method, String path, String host, String token, String contentType,
                                       String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        request.append("Host: ").append(host).append("\r\n");
        if (token != null) {
            request.append(PartnerCentralEmulator.ADMIN_TOKEN_HEADER).append(": ").append(token).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        return concat(request.toString().getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** Sends one request on a fresh connection and reads one answer. */
    private static RawAnswer exchange(PartnerCentralEmulator target, byte[] request) throws IOException {
        try (Socket socket = open(target)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return RawAnswer.read(socket.getInputStream());
        }
    }
}
