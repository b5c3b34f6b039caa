package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pagination as the service does it: {@code MaxResults} + an opaque {@code NextToken}. Our token carries the
 * offset and a fingerprint of the request's filters and sort, so a token replayed with a different query is
 * refused instead of silently paging through the wrong list. Tokens look like the service's ("AAMA-…").
 */
final class Paging {

    private static final String PREFIX = "AAMA-";

    /** One page of items and the token of the next page (null at the end). */
    record Page<T>(List<T> items, String nextToken) {
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> all, JsonNode request, int defaultSize) {
        int size = request.hasNonNull("MaxResults") ? request.get("MaxResults").asInt() : defaultSize;
        int fingerprint = fingerprint(request);
        int offset = 0;
        if (request.hasNonNull("NextToken")) {
            offset = decode(request.get("NextToken").asText(), fingerprint);
        }
        int end = Math.min(all.size(), offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        String next = end < all.size() ? encode(end, fingerprint) : null;
        return new Page<>(items, next);
    }

    private static int fingerprint(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("NextToken");
        copy.remove("MaxResults");
        return copy.hashCode();
    }

    private static String encode(int offset, int fingerprint) {
        String raw = "v1:" + offset + ":" + Integer.toHexString(fingerprint);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, int fingerprint) {
        try {
            if (!token.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            String raw = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !"v1".equals(parts[0])) {
                throw new IllegalArgumentException();
            }
            if (!parts[2].equals(Integer.toHexString(fingerprint))) {
                throw AwsError.validation("The NextToken does not belong to this request's filters and sort.",
                        List.of(new AwsError.FieldError("NextToken",
                                "NextToken was issued for a different request", "INVALID_VALUE")));
            }
            return Integer.parseInt(parts[1]);
        } catch (IllegalArgumentException e) {
            throw AwsError.validation("The NextToken is not valid.",
                    List.of(new AwsError.FieldError("NextToken", "NextToken is not valid", "INVALID_VALUE")));
        }
    }
}
