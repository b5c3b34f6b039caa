package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: the JDK's HttpServer on 127.0.0.1. For each call it reads the body, checks the SigV4
 * signature, resolves the operation (AWS JSON 1.0 {@code X-Amz-Target}, or {@code POST /<Operation>}), applies
 * injected faults and quotas, validates against the model and dispatches; errors become AWS JSON error
 * answers. {@code /_emulator/...} goes to the admin API instead.
 */
final class HttpFront {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final SigV4Verifier verifier;
    private final ServiceModel model;
    private final RequestValidator validator;
    private final Operations operations;
    private final Faults faults;
    private final Quotas quotas;
    private final AdminApi admin;
    private HttpServer server;

    HttpFront(SigV4Verifier verifier, ServiceModel model, Operations operations, Faults faults, Quotas quotas,
              AdminApi admin) {
        this.verifier = verifier;
        this.model = model;
        this.validator = new RequestValidator(model);
        this.operations = operations;
        this.faults = faults;
        this.quotas = quotas;
        this.admin = admin;
    }

    int start(int port, ExecutorService executor) throws IOException {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer then waits
        // for the client's delayed ACK (~40 ms), capping a connection at ~25 calls/s. The server reads this
        // switch once, when its configuration class loads, so it must be set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Request ids need to be unique, not secret: skip SecureRandom (a shared, locked generator).
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String requestId = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
        long started = System.nanoTime();
        String operation = "-";
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/_emulator") || path.startsWith("/_emulator/")) {
                AdminApi.Answer answer = admin.handle(exchange.getRequestMethod(), path, body);
                send(exchange, answer.status(), "application/json", requestId, null, WireJson.bytes(answer.body()));
                return;
            }
            try {
                verifier.verify(new SigV4Verifier.SignedRequest(exchange.getRequestMethod(), path,
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders()::get, body));
                operation = resolveOperation(exchange, path);
                Faults.OperationFault fault = faults.nextOperationFault(operation);
                if (fault != null) {
                    if (applyFault(fault, operation)) {
                        // Connection drop: close without any answer; the client sees the connection end.
                        LOG.debug("{} {}: dropped the connection (injected)", requestId, operation);
                        return;
                    }
                }
                quotas.acquire(operation);
                JsonNode request = parseBody(body);
                validator.validate(operation, request);
                JsonNode response = operations.handle(operation, (ObjectNode) request);
                send(exchange, 200, CONTENT_TYPE, requestId, null, WireJson.bytes(response));
                LOG.debug("{} {} 200 in {} µs", requestId, operation, (System.nanoTime() - started) / 1000);
            } catch (AwsError error) {
                sendError(exchange, requestId, error);
                LOG.debug("{} {} {} {}", requestId, operation, error.status(), error.type());
            } catch (RuntimeException unexpected) {
                LOG.warn("{} {}: unexpected failure", requestId, operation, unexpected);
                sendError(exchange, requestId, AwsError.internal("An internal error occurred."));
            }
        } catch (IOException e) {
            LOG.debug("{} {}: client went away: {}", requestId, operation, e.toString());
        }
    }

    /** Applies an injected fault; returns true when the connection must be dropped without an answer. */
    private boolean applyFault(Faults.OperationFault fault, String operation) {
        switch (fault.kind()) {
            case "ConnectionReset" -> {
                return true;
            }
            case "Slow" -> {
                try {
                    Thread.sleep(fault.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            default -> {
                String message = fault.message() != null ? fault.message() : switch (fault.kind()) {
                    case "ThrottlingException" -> "Rate exceeded";
                    case "InternalServerException" -> "An internal error occurred.";
                    case "AccessDeniedException" -> "User is not authorized to perform: partnercentral:" + operation;
                    case "ServiceQuotaExceededException" -> "Service quota exceeded for " + operation + ".";
                    case "ConflictException" -> "The request conflicts with the current state of the resource.";
                    case "ResourceNotFoundException" -> "The requested resource was not found.";
                    default -> "The request is not valid.";
                } + " (injected fault)";
                throw AwsError.ofType(fault.kind(), message);
            }
        }
    }

    private String resolveOperation(HttpExchange exchange, String path) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw AwsError.unknownOperation("Only POST is supported by the AWS JSON protocol.");
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation;
        if (target != null) {
            int dot = target.indexOf('.');
            if (dot < 0 || !ServiceModel.TARGET_PREFIX.equals(target.substring(0, dot))) {
                throw AwsError.unknownOperation("Unknown operation " + target + ".");
            }
            operation = target.substring(dot + 1);
        } else if (path.length() > 1 && path.indexOf('/', 1) < 0) {
            operation = path.substring(1);
        } else {
            throw AwsError.unknownOperation("The request names no operation: send X-Amz-Target: "
                    + ServiceModel.TARGET_PREFIX + ".<Operation> or POST /<Operation>.");
        }
        if (!model.hasOperation(operation)) {
            throw AwsError.unknownOperation("Unknown operation " + operation + ".");
        }
        if (!operations.implemented(operation)) {
            throw AwsError.unknownOperation("Operation " + operation + " is part of the Partner Central Selling "
                    + "API but not implemented by this emulator.");
        }
        return operation;
    }

    private static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            return WireJson.object();
        }
        try {
            JsonNode node = WireJson.parse(body);
            if (node == null || !node.isObject()) {
                throw AwsError.serialization("The request body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw AwsError.serialization("The request body is not valid JSON.");
        }
    }

    private static void sendError(HttpExchange exchange, String requestId, AwsError error) throws IOException {
        ObjectNode body = WireJson.object();
        body.put("__type", error.type());
        body.put("Message", error.getMessage());
        if (error.reason() != null) {
            body.put("Reason", error.reason());
        }
        if ("ValidationException".equals(error.type())) {
            ArrayNode list = body.putArray("ErrorList");
            for (AwsError.FieldError field : error.errorList()) {
                ObjectNode item = list.addObject();
                WireJson.put(item, "FieldName", field.fieldName());
                item.put("Message", field.message());
                item.put("Code", field.code());
            }
        }
        send(exchange, error.status(), CONTENT_TYPE, requestId, error.type(), WireJson.bytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String requestId, String errorType,
                             byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IOException("request body larger than " + MAX_BODY + " bytes");
        }
        return body;
    }
}
