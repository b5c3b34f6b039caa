package app.cosell.ui.batch;

import app.cosell.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Tags typed as {@code key=value; key=value}, checked with the service's tag rules. */
final class TagsText {

    /** The tags read, or the first problem (plain words) and no tags. */
    record Parsed(List<Tag> tags, String problem) {}

    private TagsText() {}

    static String format(List<Tag> tags) {
        return tags == null ? "" : tags.stream().map(t -> t.key() + "=" + t.value()).collect(Collectors.joining("; "));
    }

    static Parsed parse(String text) {
        List<Tag> tags = new ArrayList<>();
        if (text == null || text.isBlank()) return new Parsed(List.of(), null);
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) return new Parsed(List.of(), part.strip());
            tags.add(new Tag(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
        }
        List<Tag.Violation> problems = Tag.check(tags);
        if (!problems.isEmpty()) {
            Tag.Violation v = problems.getFirst();
            return new Parsed(List.of(), v.index() >= 0 ? format(List.of(tags.get(v.index()))) : text.strip());
        }
        return new Parsed(List.copyOf(tags), null);
    }
}
