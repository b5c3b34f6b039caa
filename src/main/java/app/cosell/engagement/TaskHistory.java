package app.cosell.engagement;

import app.cosell.files.JsonFileStore;
import app.cosell.model.TaskProgress;
import app.cosell.store.Database;
import app.cosell.store.StoreFiles;
import app.cosell.store.TaskStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every engagement task the rep started, as its latest {@link TaskProgress}, kept in the app-wide store
 * ({@link StoreFiles#APP_FILE} in the app data folder: one row per task, so a snapshot is one row written, not the
 * whole history). The runner saves each snapshot (the client token before the start call is sent), so after a crash
 * or a restart {@link #unfinished()} lists what must be resumed. An older {@value #FILE_NAME} is imported once and
 * kept, renamed {@value #FILE_NAME}{@value #IMPORTED_SUFFIX}, as a backup. Thread-safe; listeners are called on the
 * saving thread.
 */
public final class TaskHistory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskHistory.class);
    public static final String FILE_NAME = "task-history.json";
    public static final int SCHEMA_VERSION = 1;
    /** Older ended tasks beyond this many are dropped, so the file stays small. */
    static final int MAX_TASKS = 1000;
    /** In the store a snapshot costs one row, so far more ended tasks are kept. */
    static final int MAX_STORED_TASKS = 50_000;
    /** What the JSON history is renamed to once imported. */
    public static final String IMPORTED_SUFFIX = ".imported";
    static final String IMPORT_MARKER = "history.imported-from-json";

    /** Where the snapshots go: the JSON file (older builds, tests of it) or the store. */
    private interface Backend {
        void save(TaskProgress progress, Map<String, TaskProgress> all);

        void removed(List<String> localIds);

        default void close() {}
    }

    /** The file's content. */
    public record HistoryFile(int schemaVersion, List<TaskProgress> tasks) {
        public HistoryFile {
            tasks = List.copyOf(tasks == null ? List.of() : tasks);
        }

        static HistoryFile empty() { return new HistoryFile(SCHEMA_VERSION, List.of()); }
    }

    private final Backend backend;
    private final int maxTasks;
    private final Map<String, TaskProgress> tasks = new LinkedHashMap<>();
    private final List<Consumer<TaskProgress>> listeners = new CopyOnWriteArrayList<>();
    private final JsonFileStore.LoadProblem loadProblem;

    /** Loads the history from the JSON file {@code store} (a corrupt file is moved aside: see {@link #loadProblem()}). */
    public TaskHistory(JsonFileStore<HistoryFile> store) {
        Objects.requireNonNull(store, "store");
        JsonFileStore.Loaded<HistoryFile> loaded = store.load();
        for (TaskProgress t : loaded.value().tasks()) if (t != null && t.localId() != null) tasks.put(t.localId(), t);
        this.loadProblem = loaded.problem();
        this.maxTasks = MAX_TASKS;
        this.backend = new Backend() {
            @Override public void save(TaskProgress progress, Map<String, TaskProgress> all) {
                store.save(new HistoryFile(SCHEMA_VERSION, new ArrayList<>(all.values())));
            }

            @Override public void removed(List<String> localIds) { }
        };
    }

    /**
     * The history in the store {@code rows}; {@code legacy} is the JSON history to import once (it is renamed with
     * {@value #IMPORTED_SUFFIX} afterwards; a corrupt one is moved aside and reported by {@link #loadProblem()}).
     */
    public TaskHistory(TaskStore rows, JsonFileStore<HistoryFile> legacy) {
        Objects.requireNonNull(rows, "rows");
        JsonFileStore.LoadProblem problem = null;
        if (legacy != null && Files.exists(legacy.file()) && !rows.hasMarker(IMPORT_MARKER)) {
            JsonFileStore.Loaded<HistoryFile> loaded = legacy.load();
            problem = loaded.problem();
            List<TaskProgress> old = loaded.value().tasks().stream().filter(t -> t != null && t.localId() != null).toList();
            rows.saveAll(old, IMPORT_MARKER);
            LOG.info("Imported {} tasks from {}", old.size(), legacy.file());
            if (problem == null) {
                try {
                    Files.move(legacy.file(), legacy.file().resolveSibling(FILE_NAME + IMPORTED_SUFFIX),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    LOG.warn("Imported {} but could not rename it: {}", legacy.file(), e.toString());
                }
            }
        }
        for (TaskProgress t : rows.all()) tasks.put(t.localId(), t);
        this.loadProblem = problem;
        this.maxTasks = MAX_STORED_TASKS;
        this.backend = new Backend() {
            @Override public void save(TaskProgress progress, Map<String, TaskProgress> all) { rows.save(progress); }

            @Override public void removed(List<String> localIds) { rows.delete(localIds); }

            @Override public void close() { rows.database().close(); }
        };
    }

    /** The history in {@code folder}'s app-wide store, importing an older {@value #FILE_NAME} there once. */
    public static TaskHistory open(Path folder, ObjectMapper mapper) {
        return new TaskHistory(new TaskStore(Database.open(StoreFiles.appFile(folder)), mapper),
                new JsonFileStore<>(folder.resolve(FILE_NAME), mapper, mapper.constructType(HistoryFile.class),
                        HistoryFile::empty, Clock.systemUTC()));
    }

    /** Why the file could not be read at launch (it was moved aside and the history started empty), if so. */
    public Optional<JsonFileStore.LoadProblem> loadProblem() { return Optional.ofNullable(loadProblem); }

    /** Every task, newest request first. */
    public synchronized List<TaskProgress> all() {
        List<TaskProgress> out = new ArrayList<>(tasks.values());
        out.sort(Comparator.comparing(TaskProgress::requestedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    public List<TaskProgress> forOpportunity(String opportunityId) {
        return all().stream().filter(t -> t.request().opportunityId().equals(opportunityId)).toList();
    }

    /** Tasks not in an end state: to resume tracking at launch. */
    public List<TaskProgress> unfinished() {
        return all().stream().filter(t -> !t.isEnded()).toList();
    }

    public synchronized Optional<TaskProgress> find(String localId) { return Optional.ofNullable(tasks.get(localId)); }

    /** Records the snapshot (replacing the task's earlier one), writes the file, then tells the listeners. */
    public void save(TaskProgress progress) {
        synchronized (this) {
            tasks.put(progress.localId(), progress);
            List<String> dropped = trim();
            backend.save(progress, tasks);
            if (!dropped.isEmpty()) backend.removed(dropped);
        }
        for (Consumer<TaskProgress> l : listeners) l.accept(progress);
    }

    private List<String> trim() {
        if (tasks.size() <= maxTasks) return List.of();
        List<TaskProgress> ended = tasks.values().stream().filter(TaskProgress::isEnded)
                .sorted(Comparator.comparing(TaskProgress::requestedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
                .toList();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < ended.size() && tasks.size() > maxTasks; i++) {
            tasks.remove(ended.get(i).localId());
            dropped.add(ended.get(i).localId());
        }
        return dropped;
    }

    /** Closes the store behind the history (nothing to do for a JSON file). */
    @Override
    public void close() { backend.close(); }

    /** Called after every save, on the saving (background) thread: hop to the FX thread before touching the UI. */
    public void addListener(Consumer<TaskProgress> listener) { listeners.add(listener); }

    public void removeListener(Consumer<TaskProgress> listener) { listeners.remove(listener); }
}
