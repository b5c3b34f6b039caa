package app.cosell.ui.engage;

import app.cosell.files.JsonFileStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Start-engagement drafts, one per catalog and opportunity. Each change is handed to {@code persist}; the app's
 * drafts live in a JSON file in the data folder, read and written on the application executor.
 */
public final class FormDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(FormDrafts.class);
    public static final String FILE_NAME = "engage-drafts.json";

    /** The drafts file: one draft per {@code catalog/opportunityId}. */
    public record DraftsFile(Map<String, FormDraft> drafts) {
        public DraftsFile {
            drafts = drafts == null ? Map.of() : Map.copyOf(drafts);
        }
    }

    private final Map<String, FormDraft> drafts = new LinkedHashMap<>();
    private final Consumer<Map<String, FormDraft>> persist;

    public FormDrafts() { this(Map.of(), all -> {}); }

    public FormDrafts(Map<String, FormDraft> initial, Consumer<Map<String, FormDraft>> persist) {
        drafts.putAll(initial);
        this.persist = persist;
    }

    /** Drafts kept in {@code folder/engage-drafts.json}: read in the background now, written after each change. */
    public static FormDrafts stored(Path folder, ObjectMapper json, Executor executor) {
        JsonFileStore<DraftsFile> store = new JsonFileStore<>(folder.resolve(FILE_NAME), json, DraftsFile.class,
                () -> new DraftsFile(Map.of()));
        AtomicReference<Map<String, FormDraft>> latest = new AtomicReference<>();
        FormDrafts drafts = new FormDrafts(Map.of(), all -> {
            latest.set(all);
            // Whichever save runs last writes the newest drafts, so the order the executor runs them in is moot.
            executor.execute(() -> {
                try {
                    store.save(new DraftsFile(latest.get()));
                } catch (RuntimeException e) {
                    LOG.warn("Could not save the Start engagement drafts: {}", e.toString());
                }
            });
        });
        executor.execute(() -> {
            JsonFileStore.Loaded<DraftsFile> loaded = store.load();
            if (loaded.hasProblem()) LOG.warn("Start engagement drafts unreadable: {}", loaded.problem());
            drafts.addMissing(loaded.value().drafts());
        });
        return drafts;
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

    /** Drafts read from disk; those of this session (newer) win. */
    private synchronized void addMissing(Map<String, FormDraft> fromDisk) {
        fromDisk.forEach(drafts::putIfAbsent);
    }
}
