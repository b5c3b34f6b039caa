package app.cosell.ui.opportunities;

import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tags the app knows for each opportunity: those the rep sent with its engagement tasks (the task history), as
 * "key value" text for the search. ListOpportunities carries no tags, and reading them per row would cost one call
 * each; what the rep tagged from this app is what they search for. FX thread.
 */
final class KnownTags {

    private Map<String, String> byId = Map.of();

    /** The searchable tag text of {@code id}, or null when none is known. */
    String of(String id) { return byId.get(id); }

    /** The searched extra text of {@code id}: its learnt {@code title} and its tags (null when neither is known). */
    String withTitle(String title, String id) {
        String tags = byId.get(id);
        return title == null ? tags : tags == null ? title : title + '\u0000' + tags;
    }

    /** Takes the task history in; tells {@code changed} each id whose tag text changed, and returns whether any did. */
    boolean update(List<TaskProgress> tasks, Consumer<String> changed) {
        Map<String, Set<String>> words = new HashMap<>();
        for (TaskProgress t : tasks) {
            if (t.request() == null || t.request().tags() == null) continue;
            for (Tag tag : t.request().tags()) {
                words.computeIfAbsent(t.request().opportunityId(), id -> new LinkedHashSet<>())
                        .add(tag.key() + " " + tag.value());
            }
        }
        Map<String, String> next = new HashMap<>();
        words.forEach((id, w) -> next.put(id, String.join(" ", w)));
        Set<String> differ = new LinkedHashSet<>();
        next.forEach((id, text) -> { if (!Objects.equals(text, byId.get(id))) differ.add(id); });
        byId.keySet().forEach(id -> { if (!next.containsKey(id)) differ.add(id); });
        byId = next;
        differ.forEach(changed);
        return !differ.isEmpty();
    }
}
