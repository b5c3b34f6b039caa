package app.cosell.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tag bookkeeping shared by TagResource/UntagResource and the task engine: a new value replaces a key's old one. */
final class Tagging {

    private Tagging() {
    }

    static void merge(CatalogState catalog, String arn, List<Tag> tags) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Tag tag : catalog.tags.getOrDefault(arn, List.of())) {
            merged.put(tag.key(), tag.value());
        }
        for (Tag tag : tags) {
            merged.put(tag.key(), tag.value());
        }
        List<Tag> result = new ArrayList<>();
        merged.forEach((key, value) -> result.add(new Tag(key, value)));
        catalog.tags.put(arn, List.copyOf(result));
    }

    static void remove(CatalogState catalog, String arn, List<String> keys) {
        List<Tag> remaining = new ArrayList<>(catalog.tags.getOrDefault(arn, List.of()));
        remaining.removeIf(tag -> keys.contains(tag.key()));
        catalog.tags.put(arn, List.copyOf(remaining));
    }
}
