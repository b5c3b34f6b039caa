package app.cosell.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's own small HTTP/1.1 server, bound to 127.0.0.1 only. It does what AWS clients need and no more:
 * persistent connections, {@code Content-Length} and chunked request bodies, {@code Expect: 100-continue},
 * {@code Connection: close}, header and body size limits answered with 4xx, and answers written header and body
 * in one write with TCP_NODELAY (so no answer waits for a delayed ACK). Hostile clients get nothing for free: the
 * head of a request must arrive within a deadline (slowloris), the handler may refuse a request from its head
 * alone before any body is read ({@link Handler#beforeBody}), a body buffer grows only with the bytes that arrived
 * (a declared length reserves nothing), and HTTP/1.1 requests without exactly one {@code Host} are refused. One task per connection on the given
 * executor, at most {@link #MAX_CONNECTIONS} connections. It replaces the JDK's HttpServer, whose per-exchange overhead
 * dominated the emulator's own work; it knows nothing about AWS — {@link HttpFront} does.
 *
 * <p>It stays one class: a {@link Connection}'s reading (one buffer, the head and body deadlines, the busy flag) and
 * the server's accept loop, connection cap and {@link #stop} act on the same sockets under the same locks, so the
 * halves would share nearly every field through accessors.
 */
final class LoopbackHttpServer {

    /** A complete request; header lookup is case-insensitive. */
    record Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
    }

    /**
     * An answer. {@link #DROP} closes the connection without answering (the injected ConnectionReset fault).
     * {@code headers} are name/value pairs, written as given.
     */
    record Response(int status, String contentType, String[] headers, byte[] body) {
        static final Response DROP = new Response(0, null, new String[0], new byte[0]);
    }

    /** Turns a request into an answer; runs on the connection's thread. */
    interface Handler {
        Response handle(Request request);

        /**
         * Looks at a request's head (its {@code body} is null) before the body is read or 100 Continue sent: an
         * answer here is sent instead, and the body is never read (the connection closes if one was announced).
         * Null lets the request go on.
         */
        default Response beforeBody(Request head) {
            return null;
        }
    }

    /** The request headers in arrival order; names compared ignoring case. */
    static final class Headers {
        private final List<String> names = new ArrayList<>(16);
        private final List<String> values = new ArrayList<>(16);

        void add(String name, String value) {
            names.add(name);
            values.add(value);
        }

        /** All values of a header, in order; null when absent. */
        List<String> all(String name) {
            List<String> found = null;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    if (found == null) {
                        found = new ArrayList<>(1);
                    }
                    found.add(values.get(i));
                }
            }
            return found;
        }

        String first(String name) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return values.get(i);
                }
            }
            return null;
        }

        int size() {
            return names.size();
        }
    }

    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Open connections at most (each holds a thread); a loopback client needs a handful, a pool a few dozen. */
    static final int MAX_CONNECTIONS = 512;
    /**
     * The largest body accepted. The service model bounds most strings and lists; a CreateOpportunity with every
     * member at its bound (unbounded strings at 1 KB, unbounded lists at 100) and every character escaped as
     * {@code \\uXXXX} is about 7.8 MB, so anything declared longer cannot be a valid request and is refused at once.
     */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** The head of a request (request line and headers) must arrive this soon after its first byte. */
    static final Duration HEAD_DEADLINE = Duration.ofSeconds(10);
    /** The body must arrive this soon after the head. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(60);
    /**
     * A connection with no request for this long is closed. Longer than the SDK's Apache client keeps an idle
     * pooled connection (60 s), so that client closes first and never reuses a connection we are closing.
     */
    private static final int IDLE_MILLIS = 120_000;
    /** How long stop() lets answers in progress finish before it closes their connections. */
    private static final long STOP_GRACE_MILLIS = 1_000;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpServer.class);

    private final Handler handler;
    private final long headDeadlineNanos;
    private final long bodyDeadlineNanos;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch acceptorDone = new CountDownLatch(1);
    private volatile boolean running;
    private ServerSocket serverSocket;
    private ExecutorService executor;
    /** The Date header, recomputed at most once a second. */
    private volatile CachedDate date = new CachedDate(-1, "");

    private record CachedDate(long second, String text) {
    }

    LoopbackHttpServer(Handler handler) {
        this(handler, HEAD_DEADLINE, BODY_DEADLINE);
    }

    /** With other deadlines (tests of the deadlines themselves). */
    LoopbackHttpServer(Handler handler, Duration headDeadline, Duration bodyDeadline) {
        this.handler = handler;
        this.headDeadlineNanos = headDeadline.toNanos();
        this.bodyDeadlineNanos = bodyDeadline.toNanos();
    }

    /** Binds 127.0.0.1:port (0 = any free port) and starts accepting; returns the bound port. */
    int start(int port, ExecutorService connectionExecutor) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        serverSocket = socket;
        executor = connectionExecutor;
        running = true;
        Thread.ofPlatform().daemon().name("emulator-http-accept-" + socket.getLocalPort()).start(this::acceptLoop);
        return socket.getLocalPort();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /**
     * Stops accepting, closes idle connections at once, lets answers in progress finish (briefly) with
     * {@code Connection: close}, then closes whatever is left.
     */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing the server socket: {}", e.toString());
        }
        try {
            acceptorDone.await(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection : connections) {
            connection.closeIfIdle();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
        for (Connection connection : connections) {
            connection.awaitEnd(deadline);
        }
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private void acceptLoop() {
        try {
            while (running) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    if (running) {
                        LOG.debug("accept failed: {}", e.toString());
                        continue;
                    }
                    return;
                }
                if (connections.size() >= MAX_CONNECTIONS) {
                    refuseBusy(socket);
                    continue;
                }
                Connection connection = new Connection(socket);
                connections.add(connection);
                if (!running) {
                    // stop() may have passed its sweep already: do not leave this one open.
                    connection.close();
                    connections.remove(connection);
                    return;
                }
                try {
                    executor.execute(connection::serve);
                } catch (RejectedExecutionException e) {
                    connection.close();
                    connections.remove(connection);
                }
            }
        } finally {
            acceptorDone.countDown();
        }
    }

    /** Beyond the connection cap: a 503 and close, without reading the request (clients retry a 503). */
    private static void refuseBusy(Socket socket) {
        try (socket) {
            socket.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\nRetry-After: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("refusing a connection over the cap: {}", e.toString());
        }
        LOG.warn("more than {} open connections: refused one", MAX_CONNECTIONS);
    }

    /** A request the connection cannot serve: answered with this status, then the connection closes. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The handler refused a request from its head: this answer goes out, the body is not read. */
    private static final class EarlyAnswer extends Exception {
        final Response response;
        final boolean bodyPending;
        final boolean closeAfter;

        EarlyAnswer(Response response, boolean bodyPending, boolean closeAfter) {
            super(null, null, false, false);
            this.response = response;
            this.bodyPending = bodyPending;
            this.closeAfter = closeAfter;
        }

        boolean closeRequested() {
            return closeAfter;
        }
    }

    /** A request deadline passed while waiting for bytes of it. */
    private static final class DeadlinePassed extends SocketTimeoutException {
        DeadlinePassed() {
            super("request deadline passed");
        }
    }

    /** One client connection: reads requests in a loop and answers each in turn. */
    private final class Connection {
        private final Socket socket;
        private final CountDownLatch ended = new CountDownLatch(1);
        /** True from the first byte of a request until its answer is written; guarded by this. */
        private boolean busy;
        private boolean closed;
        private InputStream in;
        private byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private byte[] out = new byte[16384];
        /** System.nanoTime() by which the current part of a request must have arrived; 0 while idle. */
        private long deadline;
        private int soTimeout = -1;
        /** The body being read: grows with what arrived, never ahead of it. */
        private byte[] body;
        private int bodySize;

        Connection(Socket socket) {
            this.socket = socket;
        }

        synchronized void closeIfIdle() {
            if (!busy) {
                close();
            }
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    socket.close();
                } catch (IOException e) {
                    LOG.debug("closing a connection: {}", e.toString());
                }
            }
        }

        void awaitEnd(long deadlineNanos) {
            try {
                ended.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized boolean markBusy(boolean value) {
            busy = value;
            return !closed;
        }

        void serve() {
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_MILLIS);
                soTimeout = IDLE_MILLIS;
                in = socket.getInputStream();
                OutputStream output = socket.getOutputStream();
                while (running) {
                    // Wait for the first byte of the next request while idle (stop() may close us here).
                    if (position == limit && !fill()) {
                        return;
                    }
                    if (!markBusy(true)) {
                        return;
                    }
                    deadline = System.nanoTime() + headDeadlineNanos;
                    Request request;
                    boolean closeAfter;
                    try {
                        RequestHead head = readHead(output);
                        request = head.request;
                        closeAfter = head.closeAfter;
                    } catch (Refusal refusal) {
                        writeAnswer(output, refusal(refusal), true, false);
                        LOG.debug("refused a request: {} {}", refusal.status, refusal.getMessage());
                        discardRest();
                        return;
                    } catch (EarlyAnswer early) {
                        deadline = 0;
                        boolean close = early.bodyPending || early.closeRequested() || !running;
                        writeAnswer(output, early.response, close, false);
                        if (close) {
                            discardRest();
                            return;
                        }
                        if (!markBusy(false)) {
                            return;
                        }
                        continue;
                    }
                    deadline = 0;
                    Response response = handler.handle(request);
                    if (response == Response.DROP) {
                        // An abortive close (RST): the client sees the connection reset, no answer.
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    closeAfter |= !running;
                    writeAnswer(output, response, closeAfter, "HEAD".equals(request.method()));
                    if (closeAfter || !markBusy(false)) {
                        return;
                    }
                }
            } catch (DeadlinePassed e) {
                LOG.debug("a request did not arrive in time: 408 and close");
                try {
                    writeAnswer(socket.getOutputStream(), refusal(new Refusal(408, "request not received in time")),
                            true, false);
                } catch (IOException ignored) {
                    LOG.debug("could not answer 408: {}", ignored.toString());
                }
            } catch (SocketTimeoutException e) {
                LOG.debug("closing an idle connection");
            } catch (SocketException e) {
                LOG.debug("connection ended: {}", e.toString());
            } catch (IOException | RuntimeException e) {
                LOG.debug("connection failed: {}", e.toString());
            } finally {
                close();
                connections.remove(this);
                ended.countDown();
            }
        }

        /**
         * After a refusal the client may still be sending (an oversized body): read and drop what comes for a
         * moment, so closing does not reset the connection before the client has read the answer.
         */
        private void discardRest() throws IOException {
            socket.shutdownOutput();
            socket.setSoTimeout(1_000);
            soTimeout = 1_000;
            byte[] sink = new byte[8192];
            long dropped = 0;
            // Bounded in time too: a client trickling bytes must not hold the connection by being drained.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            try {
                int read;
                while (dropped < 2L * MAX_BODY_BYTES && System.nanoTime() < until && (read = in.read(sink)) >= 0) {
                    dropped += read;
                }
            } catch (SocketTimeoutException e) {
                LOG.debug("client kept the refused connection open");
            }
        }

        private record RequestHead(Request request, boolean closeAfter) {
        }

        private RequestHead readHead(OutputStream output) throws IOException, Refusal, EarlyAnswer {
            int budget = MAX_HEADER_BYTES;
            String line = readLine(budget, 414);
            // RFC 9112 2.2: ignore empty lines before the request line.
            while (line.isEmpty()) {
                line = readLine(budget, 414);
            }
            budget -= line.length() + 2;
            int firstSpace = line.indexOf(' ');
            int lastSpace = line.lastIndexOf(' ');
            if (firstSpace <= 0 || lastSpace == firstSpace || line.indexOf(' ', firstSpace + 1) != lastSpace) {
                throw new Refusal(400, "malformed request line");
            }
            String method = line.substring(0, firstSpace);
            String target = line.substring(firstSpace + 1, lastSpace);
            String version = line.substring(lastSpace + 1);
            if (!isToken(method) || target.isEmpty()) {
                throw new Refusal(400, "malformed request line");
            }
            boolean http11;
            if (version.equals("HTTP/1.1")) {
                http11 = true;
            } else if (version.equals("HTTP/1.0")) {
                http11 = false;
            } else if (version.matches("HTTP/[0-9]\\.[0-9]")) {
                throw new Refusal(505, "HTTP version not supported");
            } else {
                throw new Refusal(400, "malformed request line");
            }
            if (target.regionMatches(true, 0, "http://", 0, 7)) {
                // absolute-form: keep only path and query
                int slash = target.indexOf('/', 7);
                target = slash < 0 ? "/" : target.substring(slash);
            }
            if (target.charAt(0) != '/') {
                throw new Refusal(400, "request target must be a path");
            }
            int question = target.indexOf('?');
            String rawPath = question < 0 ? target : target.substring(0, question);
            String rawQuery = question < 0 ? null : target.substring(question + 1);

            Headers headers = new Headers();
            while (true) {
                String header = readLine(budget, 431);
                budget -= header.length() + 2;
                if (budget < 0) {
                    throw new Refusal(431, "request header fields too large");
                }
                if (header.isEmpty()) {
                    break;
                }
                if (header.charAt(0) == ' ' || header.charAt(0) == '\t') {
                    throw new Refusal(400, "obsolete header line folding");
                }
                int colon = header.indexOf(':');
                if (colon <= 0 || !isToken(header.substring(0, colon))) {
                    throw new Refusal(400, "malformed header field");
                }
                headers.add(header.substring(0, colon), header.substring(colon + 1).strip());
            }

            List<String> hosts = headers.all("Host");
            if (http11 && hosts == null) {
                throw new Refusal(400, "missing Host header");
            }
            if (hosts != null && hosts.size() > 1) {
                throw new Refusal(400, "more than one Host header");
            }

            String connection = headers.first("Connection");
            boolean closeAfter = http11
                    ? connection != null && hasToken(connection, "close")
                    : connection == null || !hasToken(connection, "keep-alive");

            String transferEncoding = headers.first("Transfer-Encoding");
            List<String> lengths = headers.all("Content-Length");
            long length = 0;
            boolean chunked = false;
            if (transferEncoding != null) {
                if (lengths != null) {
                    throw new Refusal(400, "both Transfer-Encoding and Content-Length");
                }
                if (!transferEncoding.equalsIgnoreCase("chunked") || headers.all("Transfer-Encoding").size() > 1) {
                    throw new Refusal(501, "unsupported transfer coding " + transferEncoding);
                }
                chunked = true;
            } else if (lengths != null) {
                String value = lengths.getFirst();
                for (String other : lengths) {
                    if (!other.equals(value)) {
                        throw new Refusal(400, "conflicting Content-Length values");
                    }
                }
                length = parseLength(value);
                if (length > MAX_BODY_BYTES) {
                    throw new Refusal(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
                }
            }

            boolean bodyPending = chunked || length > 0;
            Response early = handler.beforeBody(new Request(method, rawPath, rawQuery, headers, null));
            if (early != null) {
                throw new EarlyAnswer(early, bodyPending, closeAfter);
            }

            String expect = headers.first("Expect");
            if (expect != null && http11) {
                if (!expect.equalsIgnoreCase("100-continue")) {
                    throw new Refusal(417, "unsupported expectation " + expect);
                }
                // Only ask for the body when there is one and nothing of it has arrived yet.
                if (bodyPending && position == limit) {
                    output.write(CONTINUE);
                    output.flush();
                }
            }
            deadline = System.nanoTime() + bodyDeadlineNanos;
            body = EMPTY;
            bodySize = 0;
            if (chunked) {
                readChunked();
            } else {
                append(length, length);
            }
            byte[] complete = bodySize == body.length ? body : Arrays.copyOf(body, bodySize);
            body = null;
            return new RequestHead(new Request(method, rawPath, rawQuery, headers, complete), closeAfter);
        }

        /**
         * Appends {@code count} bytes of body as they arrive. The buffer grows (doubling, at most to
         * {@code expectedTotal}) only when bytes are there to fill it: a declared length reserves no memory.
         */
        private void append(long count, long expectedTotal) throws IOException {
            long remaining = count;
            while (remaining > 0) {
                if (position == limit && !fill()) {
                    throw new IOException("connection closed inside a request body");
                }
                int n = (int) Math.min(remaining, limit - position);
                if (bodySize + n > body.length) {
                    long grown = Math.max(bodySize + n, Math.max(1024, body.length * 2L));
                    body = Arrays.copyOf(body, (int) Math.min(grown, Math.max(expectedTotal, bodySize + n)));
                }
                System.arraycopy(buffer, position, body, bodySize, n);
                position += n;
                bodySize += n;
                remaining -= n;
            }
        }

        private void readChunked() throws IOException, Refusal {
            while (true) {
                String sizeLine = readLine(1024, 400);
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
                // Hex digits only: no sign, no prefix, at most 8 digits (so the size fits and is never negative).
                if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new Refusal(400, "malformed chunk size");
                }
                long chunk = Long.parseLong(hex, 16);
                if (chunk == 0) {
                    break;
                }
                if (bodySize + chunk > MAX_BODY_BYTES) {
                    throw new Refusal(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
                }
                append(chunk, MAX_BODY_BYTES);
                if (!readLine(2, 400).isEmpty()) {
                    throw new Refusal(400, "chunk data longer than its size");
                }
            }
            // Trailer fields are read and ignored, up to the empty line.
            int budget = MAX_HEADER_BYTES;
            String trailer;
            do {
                trailer = readLine(budget, 431);
                budget -= trailer.length() + 2;
            } while (!trailer.isEmpty());
        }

        /**
         * One line without its CRLF (a bare LF is accepted too), at most {@code max} bytes, else a refusal
         * with {@code tooLongStatus}. ISO-8859-1, so every byte maps to one char.
         */
        private String readLine(int max, int tooLongStatus) throws IOException, Refusal {
            int scanned = 0; // bytes after position already searched; fill() may move position
            while (true) {
                for (int i = position + scanned; i < limit; i++) {
                    if (buffer[i] == '\n') {
                        int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                        position = i + 1;
                        return line;
                    }
                }
                scanned = limit - position;
                if (scanned > max) {
                    throw new Refusal(tooLongStatus, "line longer than " + max + " bytes");
                }
                if (!fill()) {
                    throw new IOException("connection closed inside a request");
                }
            }
        }

        /** Reads more bytes, compacting or growing the buffer; false at end of stream. */
        private boolean fill() throws IOException {
            if (position == limit) {
                position = 0;
                limit = 0;
            } else if (limit == buffer.length) {
                if (position > 0) {
                    System.arraycopy(buffer, position, buffer, 0, limit - position);
                    limit -= position;
                    position = 0;
                } else {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_HEADER_BYTES + 8192));
                    if (limit == buffer.length) {
                        return false;
                    }
                }
            }
            int timeout = IDLE_MILLIS;
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DeadlinePassed();
                }
                timeout = (int) Math.min(IDLE_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (timeout != soTimeout) {
                socket.setSoTimeout(timeout);
                soTimeout = timeout;
            }
            int read;
            try {
                read = in.read(buffer, limit, buffer.length - limit);
            } catch (SocketTimeoutException e) {
                if (deadline != 0) {
                    throw new DeadlinePassed();
                }
                throw e;
            }
            if (read < 0) {
                return false;
            }
            limit += read;
            return true;
        }

        /** Writes status line, headers and body with a single write, so the answer leaves as one segment. */
        private void writeAnswer(OutputStream output, Response response, boolean closeAfter, boolean head)
                throws IOException {
            byte[] body = response.body();
            StringBuilder text = new StringBuilder(160)
                    .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status()))
                    .append("\r\nDate: ").append(httpDate())
                    .append("\r\nContent-Type: ").append(response.contentType())
                    .append("\r\nContent-Length: ").append(body.length);
            String[] extra = response.headers();
            for (int i = 0; i + 1 < extra.length; i += 2) {
                text.append("\r\n").append(extra[i]).append(": ").append(extra[i + 1]);
            }
            if (closeAfter) {
                text.append("\r\nConnection: close");
            }
            text.append("\r\n\r\n");
            int headLength = text.length();
            int total = headLength + (head ? 0 : body.length);
            byte[] bytes = total <= out.length ? out : new byte[total];
            for (int i = 0; i < headLength; i++) {
                bytes[i] = (byte) text.charAt(i);
            }
            if (!head) {
                System.arraycopy(body, 0, bytes, headLength, body.length);
            }
            if (bytes != out && total <= 256 * 1024) {
                // Keep the larger buffer for this connection's next answers (a page of 100 summaries is about
                // 70 KB); a rarer, bigger answer gets a buffer of its own.
                out = bytes;
            }
            output.write(bytes, 0, total);
            output.flush();
        }
    }

    private static Response refusal(Refusal refusal) {
        String json = "{\"error\":\"" + reason(refusal.status) + ": " + refusal.getMessage().replace("\"", "'") + "\"}";
        return new Response(refusal.status, "application/json", new String[0],
                json.getBytes(StandardCharsets.UTF_8));
    }

    private String httpDate() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate cached = date;
        if (cached.second != second) {
            cached = new CachedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            date = cached;
        }
        return cached.text;
    }

    private static long parseLength(String value) throws Refusal {
        if (value.isEmpty() || value.length() > 18) {
            throw new Refusal(value.isEmpty() ? 400 : 413, "bad Content-Length");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new Refusal(400, "bad Content-Length");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private static boolean hasToken(String headerValue, String token) {
        for (String part : headerValue.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 417 -> "Expectation Failed";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }
}
