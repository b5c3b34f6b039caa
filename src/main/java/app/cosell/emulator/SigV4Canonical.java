package app.cosell.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical forms SigV4 signs, for every service but S3: the request path encoded once more, segment by segment,
 * and the query string with its parameters decoded, encoded again per SigV4 and sorted. {@link SigV4Verifier} builds
 * the canonical request from them.
 */
final class SigV4Canonical {

    private SigV4Canonical() {
    }

    /**
     * The path as SigV4 wants it for every service but S3: the request path (already percent-encoded on the wire)
     * encoded once more, segment by segment, which is what the SDKs sign.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 8);
        byte[] bytes = rawPath.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b == '/') {
                out.append('/');
            } else {
                encode(out, b);
            }
        }
        return out.toString();
    }

    /**
     * The canonical query string of the spec: each name and value percent-decoded, then encoded again with only
     * the unreserved characters left as they are, the pairs sorted by name and then value, a name without value
     * given an empty one.
     */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {reencode(name), reencode(value)});
        }
        pairs.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder(rawQuery.length() + 8);
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** Percent-decodes (a malformed escape is kept as it is) and encodes again per SigV4. */
    private static String reencode(String text) {
        java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int high;
            int low;
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && (high = Character.digit(bytes[i + 1], 16)) >= 0 && (low = Character.digit(bytes[i + 2], 16)) >= 0) {
                decoded.write(high << 4 | low);
                i += 2;
            } else {
                decoded.write(bytes[i]);
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : decoded.toByteArray()) {
            encode(out, b);
        }
        return out.toString();
    }

    private static void encode(StringBuilder out, byte b) {
        char c = (char) (b & 0xff);
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                || c == '~') {
            out.append(c);
        } else {
            out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
    }
}
