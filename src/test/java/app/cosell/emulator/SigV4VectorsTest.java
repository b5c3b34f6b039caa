package app.cosell.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's published SigV4 test-suite vectors (src/test/resources/app/cosell/emulator/sigv4-test-suite, origin in its
 * README) run through the emulator's verifier: each signed request is accepted; the same request with its signature
 * or its body changed is refused (the body is always covered); a vector with a session token is refused as AWS
 * refuses a token that is not the key's.
 */
class SigV4VectorsTest {

    private static final String FOLDER = "/app/cosell/emulator/sigv4-test-suite/";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");

    /** A vector's request: method, path, query and headers as they arrive, and the body. */
    private record Vector(String name, String method, String path, String query, List<String[]> headers,
                          byte[] body) {

        SigV4Verifier.SignedRequest signed(byte[] otherBody, String otherAuthorization) {
            return new SigV4Verifier.SignedRequest(method, path, query, name -> {
                List<String> values = new ArrayList<>();
                for (String[] header : headers) {
                    if (header[0].equalsIgnoreCase(name)) {
                        values.add(name.equalsIgnoreCase("Authorization") && otherAuthorization != null
                                ? otherAuthorization : header[1]);
                    }
                }
                return values.isEmpty() ? null : values;
            }, otherBody != null ? otherBody : body);
        }

        String authorization() {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase("Authorization")).findFirst().orElseThrow()[1];
        }

        boolean hasSessionToken() {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("X-Amz-Security-Token"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        return lines(read("vectors.list")).stream().filter(name -> !name.isBlank()).map(SigV4VectorsTest::parse);
    }

    static Stream<Vector> withoutSessionToken() {
        return vectors().filter(v -> !v.hasSessionToken());
    }

    static Stream<Vector> withSessionToken() {
        return vectors().filter(Vector::hasSessionToken);
    }

    private static SigV4Verifier verifier() {
        // The suite's context: key AKIDEXAMPLE, region us-east-1, service "service", signed at SIGNED_AT.
        return new SigV4Verifier("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service",
                () -> SIGNED_AT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutSessionToken")
    void theSignedRequestOfEachVectorIsAccepted(Vector vector) {
        assertThatCode(() -> verifier().verify(vector.signed(null, null))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutSessionToken")
    void aChangedSignatureIsRefused(Vector vector) {
        String authorization = vector.authorization();
        char last = authorization.charAt(authorization.length() - 1);
        String changed = authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0');
        assertThatThrownBy(() -> verifier().verify(vector.signed(null, changed)))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.type()).isEqualTo("InvalidSignatureException");
                    assertThat(e.getMessage()).startsWith("The request signature we calculated does not match");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutSessionToken")
    void aChangedBodyIsRefused(Vector vector) {
        byte[] other = Arrays.copyOf(vector.body(), vector.body().length + 1);
        other[other.length - 1] = '!';
        assertThatThrownBy(() -> verifier().verify(vector.signed(other, null)))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type())
                        .isEqualTo("InvalidSignatureException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withSessionToken")
    void aSessionTokenWithALongTermKeyIsAnUnrecognizedClient(Vector vector) {
        assertThatThrownBy(() -> verifier().verify(vector.signed(null, null)))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.type()).isEqualTo("UnrecognizedClientException");
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutSessionToken")
    void theHeadAloneIsCheckedBeforeTheBody(Vector vector) {
        assertThatCode(() -> verifier().checkBeforeBody(vector.signed(null, null))).doesNotThrowAnyException();
    }

    /** Reads a signed request: request line, "Name:value" headers, an empty line, the body. */
    private static Vector parse(String name) {
        String text = read(name + ".txt");
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        byte[] body = split < 0 ? new byte[0] : text.substring(split + 2).getBytes(StandardCharsets.UTF_8);
        List<String> lines = lines(head);
        String requestLine = lines.getFirst();
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
        int question = target.indexOf('?');
        List<String[]> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
        }
        assertThat(method.toUpperCase(Locale.ROOT)).isIn("GET", "POST");
        return new Vector(name, method, question < 0 ? target : target.substring(0, question),
                question < 0 ? null : target.substring(question + 1), headers, body);
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    private static String read(String file) {
        try (InputStream in = SigV4VectorsTest.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
