package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front, served by {@link LoopbackHttpServer} on 127.0.0.1. From the head of a call alone it checks the
 * SigV4 credential, scope and date, so a stranger's body is never read; then it checks the signature over the
 * body, resolves the operation (AWS JSON 1.0 {@code X-Amz-Target}, or {@code POST /<Operation>}), applies injected
 * faults and quotas, parses the body strictly (UTF-8, one JSON object), validates against the model and
 * dispatches; errors become AWS JSON error answers. {@code /_emulator/...} goes to the admin API instead when it is
 * enabled (its own checks, also from the head); when it is not, that path is just another unsigned AWS call.
 */
final class HttpFront {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final SigV4Verifier verifier;
    private final ServiceModel model;
    private final RequestValidator validator;
    private final Operations operations;
    private final Faults faults;
    private final Quotas quotas;
    private final AdminApi admin;
    private LoopbackHttpServer server;

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
        server = new LoopbackHttpServer(handler());
        return server.start(port, executor);
    }

    /** What the HTTP server calls: the head check before any body is read, then the whole call. */
    LoopbackHttpServer.Handler handler() {
        return new LoopbackHttpServer.Handler() {
            @Override
            public LoopbackHttpServer.Response handle(LoopbackHttpServer.Request request) {
                return HttpFront.this.handle(request);
            }

            @Override
            public LoopbackHttpServer.Response beforeBody(LoopbackHttpServer.Request head) {
                return HttpFront.this.beforeBody(head);
            }
        };
    }

    private LoopbackHttpServer.Response beforeBody(LoopbackHttpServer.Request head) {
        String path = head.rawPath();
        if (admin.enabled() && isAdminPath(path)) {
            AdminApi.Answer refusal = admin.refusal(head.method(), head.headers()::all);
            return refusal == null ? null
                    : answer(refusal.status(), "application/json", newRequestId(), null, WireJson.bytes(refusal.body()));
        }
        try {
            verifier.checkBeforeBody(new SigV4Verifier.SignedRequest(head.method(), path, head.rawQuery(),
                    head.headers()::all, null));
            return null;
        } catch (AwsError error) {
            String requestId = newRequestId();
            LOG.debug("{} refused before the body: {} {}", requestId, error.status(), error.type());
            return errorAnswer(requestId, error);
        }
    }

    private static boolean isAdminPath(String path) {
        return path.equals("/_emulator") || path.startsWith("/_emulator/");
    }

    private static String newRequestId() {
        // Request ids need to be unique, not secret: skip SecureRandom (a shared, locked generator).
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private LoopbackHttpServer.Response handle(LoopbackHttpServer.Request exchange) {
        String requestId = newRequestId();
        long started = System.nanoTime();
        String operation = "-";
        byte[] body = exchange.body();
        String path = exchange.rawPath();
        if (admin.enabled() && isAdminPath(path)) {
            AdminApi.Answer refusal = admin.refusal(exchange.method(), exchange.headers()::all);
            AdminApi.Answer answer = refusal != null ? refusal : admin.handle(exchange.method(), path, body);
            return answer(answer.status(), "application/json", requestId, null, WireJson.bytes(answer.body()));
        }
        try {
            verifier.verify(new SigV4Verifier.SignedRequest(exchange.method(), path, exchange.rawQuery(),
                    exchange.headers()::all, body));
            operation = resolveOperation(exchange, path);
            Faults.OperationFault fault = faults.nextOperationFault(operation);
            if (fault != null && !fault.after()) {
                if (applyFault(fault, operation)) {
                    // Connection drop: close without any answer; the client sees the connection end.
                    LOG.debug("{} {}: dropped the connection (injected)", requestId, operation);
                    return LoopbackHttpServer.Response.DROP;
                }
            }
            quotas.acquire(operation);
            JsonNode request = parseBody(body);
            validator.validate(operation, request);
            String called = operation;
            // The operation is bound for the call, so Paging ties each NextToken to the operation that issued it.
            WireJson.Rendering response = ScopedValue.where(Paging.OPERATION, called)
                    .call(() -> operations.handle(called, (ObjectNode) request));
            if (fault != null && fault.after()) {
                // The service acted; only its answer is lost, replaced or late ("when": "after").
                byte[] acted = WireJson.bytes(response);
                if (applyFault(fault, operation)) {
                    LOG.debug("{} {}: processed, then dropped the connection (injected)", requestId, operation);
                    return LoopbackHttpServer.Response.DROP;
                }
                return answer(200, CONTENT_TYPE, requestId, null, acted);
            }
            LoopbackHttpServer.Response answer = answer(200, CONTENT_TYPE, requestId, null, WireJson.bytes(response));
            LOG.debug("{} {} 200 in {} µs", requestId, operation, (System.nanoTime() - started) / 1000);
            return answer;
        } catch (AwsError error) {
            LOG.debug("{} {} {} {}", requestId, operation, error.status(), error.type());
            return errorAnswer(requestId, error);
        } catch (RuntimeException unexpected) {
            LOG.warn("{} {}: unexpected failure", requestId, operation, unexpected);
            return errorAnswer(requestId, AwsError.internal("An internal error occurred."));
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

    private String resolveOperation(LoopbackHttpServer.Request exchange, String path) {
        if (!"POST".equals(exchange.method())) {
            throw AwsError.unknownOperation("Only POST is supported by the AWS JSON protocol.");
        }
        java.util.List<String> targets = exchange.headers().all("X-Amz-Target");
        if (targets != null && targets.size() > 1) {
            throw AwsError.unknownOperation("The request names more than one operation (" + targets.size()
                    + " X-Amz-Target headers).");
        }
        String target = targets == null ? null : targets.getFirst();
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
            JsonNode node = WireJson.parseRequest(body);
            if (node == null || !node.isObject()) {
                throw AwsError.serialization("The request body must be a JSON object.");
            }
            return node;
        } catch (java.io.CharConversionException e) {
            throw AwsError.serialization("The request body is not valid UTF-8.");
        } catch (IOException e) {
            throw AwsError.serialization("The request body is not valid JSON.");
        }
    }

    private static LoopbackHttpServer.Response errorAnswer(String requestId, AwsError error) {
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
        return answer(error.status(), CONTENT_TYPE, requestId, error.type(), WireJson.bytes(body));
    }

    private static LoopbackHttpServer.Response answer(int status, String contentType, String requestId,
                                                      String errorType, byte[] body) {
        String[] headers = errorType == null
                ? new String[] {"x-amzn-RequestId", requestId}
                : new String[] {"x-amzn-RequestId", requestId, "x-amzn-ErrorType", errorType};
        return new LoopbackHttpServer.Response(status, contentType, headers, body);
    }
}
