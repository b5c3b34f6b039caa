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
 * Verifies AWS Signature Version 4 on incoming requests against the emulator's key pair, and refuses
 * unsigned, unknown-key, wrongly signed, wrongly scoped and stale requests with the errors AWS JSON services
 * send ({@code MissingAuthenticationTokenException}, {@code UnrecognizedClientException},
 * {@code InvalidSignatureException}). It rebuilds the canonical request from whatever headers the client
 * chose to sign, so both the Java SDK and botocore (which sign different header sets) pass.
 */
final class SigV4Verifier {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE_PARSER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX");
    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.regex.Pattern MULTIPLE_SPACES = java.util.regex.Pattern.compile(" {2,}");

    /** The request as the verifier needs it; header lookup must be case-insensitive. */
    record SignedRequest(String method, String rawPath, String rawQuery,
                         Function<String, List<String>> header, byte[] body) {
    }

    private final String accessKeyId;
    private final String secretAccessKey;
    private final Supplier<Instant> clock;
    /**
     * HMACs keyed with the derived signing key, by date/region/service (the secret is this verifier's one):
     * saves four HMACs and a key setup per request. Never used directly, only copied: a copy of a keyed Mac
     * is the cheapest way to a fresh one, and the prototypes are never changed after they are published.
     */
    private final Map<String, Mac> signingKeys = new ConcurrentHashMap<>();
    private static final MessageDigest SHA256_PROTOTYPE = newSha256();

    SigV4Verifier(String accessKeyId, String secretAccessKey, Supplier<Instant> clock) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.clock = clock;
    }

    void verify(SignedRequest request) {
        String authorization = first(request, "Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw AwsError.missingAuthentication("Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw AwsError.invalidSignature("Only " + ALGORITHM + " signatures are supported.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = item.substring(eq + 1);
            switch (item.substring(0, eq)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // other parameters are not part of SigV4; ignore them like AWS does
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw AwsError.invalidSignature("Authorization header requires 'Credential', 'SignedHeaders' and "
                    + "'Signature' parameters. Authorization=" + ALGORITHM);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw AwsError.invalidSignature("Credential should be scoped to a valid region. ");
        }
        if (!accessKeyId.equals(scope[0])) {
            throw AwsError.unrecognizedClient();
        }
        if (!ServiceModel.SIGNING_NAME.equals(scope[3])) {
            throw AwsError.invalidSignature("Credential should be scoped to correct service: '"
                    + ServiceModel.SIGNING_NAME + "'. ");
        }
        String amzDate = first(request, "X-Amz-Date");
        if (amzDate == null) {
            throw AwsError.missingAuthentication("Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header.");
        }
        Instant signedAt = parseAmzDate(amzDate);
        if (!amzDate.startsWith(scope[1])) {
            throw AwsError.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '"
                    + amzDate + "'.");
        }
        Instant now = clock.get();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            String nowText = AMZ_DATE.format(now);
            String bound = signedAt.isBefore(now)
                    ? AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + nowText + " - 15 min.)"
                    : AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + nowText + " + 15 min.)";
            throw AwsError.invalidSignature("Signature expired: " + amzDate + " is now "
                    + (signedAt.isBefore(now) ? "earlier" : "later") + " than " + bound);
        }

        String bodyHash = HEX.formatHex(sha256(request.body()));
        String declaredHash = first(request, "X-Amz-Content-Sha256");
        if (declaredHash != null && !"UNSIGNED-PAYLOAD".equals(declaredHash) && !declaredHash.equals(bodyHash)) {
            throw AwsError.invalidSignature("The provided 'x-amz-content-sha256' header does not match what was "
                    + "computed.");
        }
        String payloadHash = declaredHash != null ? declaredHash : bodyHash;

        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath()).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders.split(";")) {
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
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);

        String scopeText = scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scopeText + "\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        if (signingKeys.size() > 64) {
            signingKeys.clear();
        }
        Mac signer = signingKeys.computeIfAbsent(scopeText, s -> keyedMac(deriveKey(scope[1], scope[2], scope[3])));
        String expected = HEX.formatHex(copyOf(signer).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw AwsError.invalidSignature("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
    }

    private static String first(SignedRequest request, String name) {
        List<String> values = request.header().apply(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>(List.of(rawQuery.split("&")));
        pairs.replaceAll(pair -> pair.contains("=") ? pair : pair + "=");
        pairs.sort(null);
        return String.join("&", pairs);
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
            throw AwsError.invalidSignature("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
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
