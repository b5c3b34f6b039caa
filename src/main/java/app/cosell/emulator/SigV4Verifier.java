package app.cosell.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on incoming requests against the emulator's key pair, and refuses what AWS
 * refuses with the errors AWS JSON services send, in AWS's order: no Authorization at all
 * ({@code MissingAuthenticationTokenException}); a malformed one, missing parameters or date, an unknown algorithm
 * or a malformed credential ({@code IncompleteSignatureException}); a credential scoped to another region, service
 * or day, a date outside the 15-minute window, {@code host} not signed ({@code InvalidSignatureException}); an
 * unknown key, or a session token with a long-term key ({@code UnrecognizedClientException}); and a wrong signature ({@code InvalidSignatureException}).
 * <p>
 * Everything but the signature itself is checked by {@link #checkBeforeBody} from the head of the request, so
 * the HTTP front refuses strangers before it reads (and buffers) a body. The signature always covers the body:
 * no AWS SDK sends {@code UNSIGNED-PAYLOAD} for an AWS JSON service over plain HTTP (botocore and the Java SDK
 * sign every payload sent without TLS), so an {@code X-Amz-Content-Sha256} that is not the body's hash is
 * refused. The canonical request is rebuilt from whatever headers the client chose to sign, so both the Java SDK
 * and botocore (which sign different header sets) pass; the canonical query string is built per the spec
 * (decoded, re-encoded, sorted), and AWS's published SigV4 test-suite vectors run as tests (SigV4VectorsTest).
 */
final class SigV4Verifier {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The one region Partner Central Selling lives in. */
    static final String REGION = "us-east-1";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE_PARSER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX");
    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.regex.Pattern MULTIPLE_SPACES = java.util.regex.Pattern.compile(" {2,}");

    /**
     * The request as the verifier needs it; header lookup must be case-insensitive and give every value of a
     * repeated header. {@code body} is null when only the head has arrived.
     */
    record SignedRequest(String method, String rawPath, String rawQuery,
                         Function<String, List<String>> header, byte[] body) {
    }

    /** The parts of a well-formed Authorization header, its credential split into the scope's five elements. */
    private record Authorization(String[] credential, String signedHeaders, String signature, String amzDate) {
    }

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final String service;
    private final Supplier<Instant> clock;
    /**
     * HMACs keyed with the derived signing key, by date/region/service (the secret is this verifier's one):
     * saves four HMACs and a key setup per request. Never used directly, only copied: a copy of a keyed Mac
     * is the cheapest way to a fresh one, and the prototypes are never changed after they are published.
     */
    private final Map<String, Mac> signingKeys = new ConcurrentHashMap<>();
    private static final MessageDigest SHA256_PROTOTYPE = newSha256();

    SigV4Verifier(String accessKeyId, String secretAccessKey, Supplier<Instant> clock) {
        this(accessKeyId, secretAccessKey, REGION, ServiceModel.SIGNING_NAME, clock);
    }

    /** For AWS's test-suite vectors, which are signed for region us-east-1 and service "service". */
    SigV4Verifier(String accessKeyId, String secretAccessKey, String region, String service, Supplier<Instant> clock) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    /** Everything that can be checked from the head alone: refuses a stranger before its body is read. */
    void checkBeforeBody(SignedRequest head) {
        authorize(head);
    }

    /** The whole check, the signature over the body included. */
    void verify(SignedRequest request) {
        Authorization auth = authorize(request);
        String bodyHash = HEX.formatHex(sha256(request.body()));
        String declaredHash = joined(request, "X-Amz-Content-Sha256");
        if (declaredHash != null && !declaredHash.equals(bodyHash)) {
            // UNSIGNED-PAYLOAD included: no SDK sends it to this service over HTTP, and the body must be covered.
            throw AwsError.invalidSignature("The provided 'x-amz-content-sha256' header does not match what was "
                    + "computed.");
        }

        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(SigV4Canonical.canonicalUri(request.rawPath())).append('\n')
                .append(SigV4Canonical.canonicalQuery(request.rawQuery())).append('\n');
        for (String name : auth.signedHeaders().split(";")) {
            List<String> values = request.header().apply(name);
            List<String> trimmed = new ArrayList<>();
            if (values != null) {
                for (String value : values) {
                    String value1 = value.strip();
                    trimmed.add(value1.contains("  ") ? MULTIPLE_SPACES.matcher(value1).replaceAll(" ") : value1);
                }
            }
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(auth.signedHeaders()).append('\n').append(bodyHash);

        String[] scope = auth.credential();
        String scopeText = scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + auth.amzDate() + "\n" + scopeText + "\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        if (signingKeys.size() > 64) {
            signingKeys.clear();
        }
        Mac signer = signingKeys.computeIfAbsent(scopeText, s -> keyedMac(deriveKey(scope[1], scope[2], scope[3])));
        String expected = HEX.formatHex(copyOf(signer).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AwsError.invalidSignature("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
    }

    private Authorization authorize(SignedRequest request) {
        List<String> headers = request.header().apply("Authorization");
        if (headers == null || headers.stream().allMatch(String::isBlank)) {
            throw AwsError.missingAuthentication("Missing Authentication Token");
        }
        // Repeated headers reach a service joined by commas: a second Authorization becomes stray parameters.
        String authorization = String.join(", ", headers).strip();
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (space > 0) {
            for (String part : authorization.substring(space + 1).split("[, ]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw AwsError.incompleteSignature("'" + part + "' not a valid key=value pair (missing "
                            + "equal-sign) in Authorization header: '" + authorization + "'.");
                }
                String name = part.substring(0, eq);
                if (parameters.putIfAbsent(name, part.substring(eq + 1)) != null) {
                    throw AwsError.incompleteSignature("Authorization header has more than one '" + name
                            + "' parameter. Authorization=" + authorization);
                }
            }
        }
        String amzDateHeader = joined(request, "X-Amz-Date");
        String dateHeader = amzDateHeader == null ? joined(request, "Date") : null;
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            String value = parameters.get(name);
            if (value == null || value.isEmpty() && !name.equals("SignedHeaders")) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (amzDateHeader == null && dateHeader == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            throw AwsError.incompleteSignature(missing + "Authorization=" + authorization);
        }
        if (!ALGORITHM.equals(algorithm)) {
            throw AwsError.incompleteSignature("Unsupported AWS 'algorithm': '" + algorithm + "' (only " + ALGORITHM
                    + " for now). ");
        }
        String credentialText = parameters.get("Credential");
        String[] credential = credentialText.replaceAll("/+$", "").split("/", -1);
        if (credential.length != 5) {
            throw AwsError.incompleteSignature("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + credentialText + "'");
        }

        Instant signedAt;
        String amzDate;
        if (amzDateHeader != null) {
            signedAt = parseAmzDate(amzDateHeader);
            amzDate = amzDateHeader;
        } else {
            signedAt = parseHttpDate(dateHeader);
            amzDate = AMZ_DATE.format(signedAt);
        }

        StringBuilder scopeErrors = new StringBuilder();
        if (!region.equals(credential[2])) {
            scopeErrors.append("Credential should be scoped to a valid region. ");
        }
        if (!service.equals(credential[3])) {
            scopeErrors.append("Credential should be scoped to correct service: '").append(service).append("'. ");
        }
        if (!"aws4_request".equals(credential[4])) {
            scopeErrors.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
                    .append(credential[4]).append("'. ");
        }
        if (!amzDate.startsWith(credential[1]) || credential[1].length() != 8) {
            scopeErrors.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from ")
                    .append("HTTP: '").append(credential[1]).append("' != '").append(amzDate, 0, 8)
                    .append("', from '").append(amzDate).append("'.");
        }
        if (!scopeErrors.isEmpty()) {
            throw AwsError.invalidSignature(scopeErrors.toString());
        }

        Instant now = clock.get();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw AwsError.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AwsError.invalidSignature("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }

        String signedHeaders = parameters.get("SignedHeaders");
        boolean hostSigned = false;
        for (String name : signedHeaders.split(";")) {
            hostSigned |= name.equalsIgnoreCase("host");
        }
        if (!hostSigned) {
            throw AwsError.invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                    + "Authorization.");
        }
        if (!accessKeyId.equals(credential[0])) {
            throw AwsError.unrecognizedClient();
        }
        // A session token goes with a temporary key (ASIA…) and only with one, as with AWS: a long-term key (AKIA…)
        // sent with a token, or a temporary key without one, is not a credential AWS knows. (The emulator cannot
        // check a token's content; a temporary key pair given to it, as an SSO role's, takes any token.)
        boolean temporaryKey = accessKeyId.startsWith("ASIA");
        if ((request.header().apply("X-Amz-Security-Token") != null) != temporaryKey) {
            throw AwsError.unrecognizedClient();
        }
        return new Authorization(credential, signedHeaders, parameters.get("Signature"), amzDate);
    }

    /** All values of a header joined by commas, as they reach a service; null when absent. */
    private static String joined(SignedRequest request, String name) {
        List<String> values = request.header().apply(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private byte[] deriveKey(String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return ((MessageDigest) SHA256_PROTOTYPE.clone()).digest(data);
        } catch (CloneNotSupportedException e) {
            return newSha256().digest(data);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be copied", e);
        }
    }

    /**
     * X-Amz-Date in the ISO 8601 basic form SigV4 prescribes ({@code yyyyMMdd'T'HHmmss'Z'}), read by hand on
     * the hot path; other zone designators fall back to the general parser.
     */
    private static Instant parseAmzDate(String amzDate) {
        if (amzDate.length() == 16 && amzDate.charAt(8) == 'T' && amzDate.charAt(15) == 'Z') {
            try {
                return LocalDateTime.of(digits(amzDate, 0, 4), digits(amzDate, 4, 6), digits(amzDate, 6, 8),
                        digits(amzDate, 9, 11), digits(amzDate, 11, 13), digits(amzDate, 13, 15))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | NumberFormatException e) {
                // fall through to the general parser and its error
            }
        }
        try {
            return Instant.from(AMZ_DATE_PARSER.parse(amzDate));
        } catch (DateTimeException e) {
            throw AwsError.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See "
                    + "http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /** The {@code Date} header (RFC 1123, what botocore sends when a request carries one): SigV4 allows it. */
    private static Instant parseHttpDate(String date) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date.strip()));
        } catch (DateTimeException e) {
            throw AwsError.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + date + "'. See "
                    + "http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
