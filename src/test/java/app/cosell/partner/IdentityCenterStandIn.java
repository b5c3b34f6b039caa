package app.cosell.partner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small local stand-in for IAM Identity Center on loopback, for the SDK's own clients: the OIDC device sign-in
 * (RegisterClient, StartDeviceAuthorization, CreateToken — REST-JSON) and the portal's GetRoleCredentials. Tests set
 * what it answers; it records what it was asked.
 */
final class IdentityCenterStandIn implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String ROLE = "Sales";

    /** CreateToken answers "authorization pending" this many times before issuing {@link #issuedToken}. */
    final AtomicInteger pendingAnswers = new AtomicInteger();
    /** The access token CreateToken issues. */
    volatile String issuedToken = "access-1";
    /** The only access token GetRoleCredentials honours; others get UnauthorizedException. */
    volatile String acceptedToken;
    /** The role keys GetRoleCredentials hands out. */
    volatile String accessKeyId = "ASIAEXAMPLEKEY";
    volatile String secretAccessKey = "example-secret";

    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> bearerTokensSeen = new CopyOnWriteArrayList<>();
    final CountDownLatch tokenAsked = new CountDownLatch(1);

    private final HttpServer server;

    IdentityCenterStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    @Override
    public void close() { server.stop(0); }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        paths.add(path);
        x.getRequestBody().readAllBytes();
        long now = Instant.now().getEpochSecond();
        int status = 200;
        String body;
        switch (path) {
            case "/client/register" -> body = """
                    {"clientId":"client-1","clientSecret":"secret-1","clientIdIssuedAt":%d,"clientSecretExpiresAt":%d}"""
                    .formatted(now, now + 90 * 86400);
            case "/device_authorization" -> body = """
                    {"deviceCode":"device-1","userCode":"ABCD-EFGH","verificationUri":"https://device.sso.us-east-1.amazonaws.com/",
                     "verificationUriComplete":"https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH",
                     "expiresIn":600,"interval":1}""";
            case "/token" -> {
                tokenAsked.countDown();
                if (pendingAnswers.getAndDecrement() > 0) {
                    status = 400;
                    x.getResponseHeaders().add("x-amzn-ErrorType", "AuthorizationPendingException");
                    body = "{\"error\":\"authorization_pending\"}";
                } else {
                    body = """
                            {"accessToken":"%s","tokenType":"Bearer","expiresIn":28800,"refreshToken":"refresh-1"}"""
                            .formatted(issuedToken);
                }
            }
            case "/federation/credentials" -> {
                String token = x.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
                bearerTokensSeen.add(String.valueOf(token));
                String query = String.valueOf(x.getRequestURI().getQuery());
                if (token != null && token.equals(acceptedToken) && query.contains("account_id=" + ACCOUNT)
                        && query.contains("role_name=" + ROLE)) {
                    body = """
                            {"roleCredentials":{"accessKeyId":"%s","secretAccessKey":"%s","sessionToken":"session-1",
                             "expiration":%d}}""".formatted(accessKeyId, secretAccessKey, (now + 3600) * 1000);
                } else {
                    status = 401;
                    x.getResponseHeaders().add("x-amzn-ErrorType", "UnauthorizedException");
                    body = "{\"message\":\"Session token not found or invalid\"}";
                }
            }
            default -> {
                status = 404;
                body = "{}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
