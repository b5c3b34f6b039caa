package app.cosell.ui.engage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Start-engagement drafts of this session, one per catalog and opportunity. Each change is handed to
 * {@code persist} (the app writes them to a JSON file; tests keep them in memory).
 */
public final class FormDrafts {

    private final Map<String, FormDraft> drafts = new LinkedHashMap<>();
    private final Consumer<Map<String, FormDraft>> persist;

    public FormDrafts() { this(Map.of(), all -> {}); }

    public FormDrafts(Map<String, FormDraft> initial, Consumer<Map<String, FormDraft>> persist) {
        drafts.putAll(initial);
        this.persist = persist;
    }

    public static String key(String catalog, String opportunityId) { return catalog + "/" + opportunityId; }

    public synchronized Optional<FormDraft> find(String key) { return Optional.ofNullable(drafts.get(key)); }

    public synchronized void put(String key, FormDraft draft) {
        drafts.put(key, draft);
        persist.accept(Map.copyOf(drafts));
    }

    public synchronized void remove(String key) {
        if (drafts.remove(key) != null) persist.accept(Map.copyOf(drafts));
    }
}
