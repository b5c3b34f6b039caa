package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pagination as the service does it: {@code MaxResults} + an opaque {@code NextToken}. Our token carries the
 * operation that issued it, the offset and a fingerprint of the request's filters and sort, so a token replayed
 * with another operation or a different query is refused instead of silently paging through the wrong list; a
 * forged or damaged token, or one pointing past the list, is a ValidationException, never a server error. Tokens
 * look like the service's ("AAMA-…").
 */
final class Paging {

    /**
     * The operation being served, bound by the HTTP front around each call, so tokens are tied to it without every
     * list handler passing its name. Unbound (direct calls in tests): "-".
     */
    static final ScopedValue<String> OPERATION = ScopedValue.newInstance();
    private static final String PREFIX = "AAMA-";
    /** Longest token we issue is far below this; anything longer is not ours. */
    private static final int MAX_TOKEN_LENGTH = 512;

    /** One page of items and the token of the next page (null at the end). */
    record Page<T>(List<T> items, String nextToken) {
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> all, JsonNode request, int defaultSize) {
        int size = request.hasNonNull("MaxResults") ? request.get("MaxResults").asInt() : defaultSize;
        if (size <= 0) {
            size = defaultSize;
        }
        String operation = OPERATION.orElse("-");
        int fingerprint = fingerprint(request);
        int offset = 0;
        if (request.hasNonNull("NextToken")) {
            offset = decode(request.get("NextToken").asText(), operation, fingerprint, all.size());
        }
        int end = (int) Math.min(all.size(), (long) offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        String next = end < all.size() ? encode(operation, end, fingerprint) : null;
        return new Page<>(items, next);
    }

    private static int fingerprint(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("NextToken");
        copy.remove("MaxResults");
        return copy.hashCode();
    }

    private static String encode(String operation, int offset, int fingerprint) {
        String raw = "v2:" + operation + ":" + offset + ":" + Integer.toHexString(fingerprint);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, String operation, int fingerprint, int listSize) {
        try {
            if (!token.startsWith(PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException();
            }
            String raw = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
            String[] parts = raw.split(":", -1);
            if (parts.length != 4 || !"v2".equals(parts[0])) {
                throw new IllegalArgumentException();
            }
            if (!parts[1].equals(operation) || !parts[3].equals(Integer.toHexString(fingerprint))) {
                throw AwsError.validation("The NextToken does not belong to this request's operation, filters "
                        + "and sort.", List.of(new AwsError.FieldError("NextToken",
                                "NextToken was issued for a different request", "INVALID_VALUE")));
            }
            if (parts[2].isEmpty() || parts[2].length() > 10 || !parts[2].chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException();
            }
            long offset = Long.parseLong(parts[2]);
            // We only issue tokens for an offset inside the list (at most its end: an empty last page); one that
            // points past the list as it is now was not issued for it.
            if (offset <= 0 || offset > listSize) {
                throw new IllegalArgumentException();
            }
            return (int) offset;
        } catch (IllegalArgumentException e) {
            throw AwsError.validation("The NextToken is not valid.",
                    List.of(new AwsError.FieldError("NextToken", "NextToken is not valid", "INVALID_VALUE")));
        }
    }
}
