package app.cosell.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A key/value tag, with the service model's rules for tags: key 1–128 and value 0–256 characters of letters,
 * separators, digits and {@code _ . : / = + - @}; a tag list holds 1–200 tags with distinct keys.
 */
public record Tag(String key, String value) {

    public static final int MAX_TAGS = 200;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern KEY = Pattern.compile("(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    private static final Pattern VALUE = Pattern.compile("(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");

    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** What is wrong with one part of a tag. */
    public enum Problem {
        KEY_MISSING, KEY_TOO_LONG, KEY_INVALID_CHARACTERS, KEY_DUPLICATE,
        VALUE_TOO_LONG, VALUE_INVALID_CHARACTERS, TOO_MANY_TAGS
    }

    /** A problem found at {@code index} of a tag list (index -1 for the list as a whole). */
    public record Violation(int index, Problem problem) {}

    public static Problem checkKey(String key) {
        if (key == null || key.isEmpty()) return Problem.KEY_MISSING;
        if (key.length() > MAX_KEY_LENGTH) return Problem.KEY_TOO_LONG;
        return KEY.matcher(key).matches() ? null : Problem.KEY_INVALID_CHARACTERS;
    }

    public static Problem checkValue(String value) {
        String v = value == null ? "" : value;
        if (v.length() > MAX_VALUE_LENGTH) return Problem.VALUE_TOO_LONG;
        return VALUE.matcher(v).matches() ? null : Problem.VALUE_INVALID_CHARACTERS;
    }

    /** Every violation in a list of tags, in list order; empty when the list would pass the service's validation. */
    public static List<Violation> check(List<Tag> tags) {
        List<Violation> out = new ArrayList<>();
        if (tags.size() > MAX_TAGS) out.add(new Violation(-1, Problem.TOO_MANY_TAGS));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            Problem k = checkKey(t.key());
            if (k != null) out.add(new Violation(i, k));
            else if (!seen.add(t.key())) out.add(new Violation(i, Problem.KEY_DUPLICATE));
            Problem v = checkValue(t.value());
            if (v != null) out.add(new Violation(i, v));
        }
        return out;
    }
}
