package app.cosell.engagement;

import app.cosell.model.TaskProgress;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * Every engagement task the rep started, as its latest {@link TaskProgress}, kept in {@value #FILE_NAME} in the app
 * data folder. The runner saves each snapshot (the client token before the start call is sent), so after a crash or a
 * restart {@link #unfinished()} lists what must be resumed. Thread-safe; listeners are called on the saving thread.
 */
public final class TaskHistory {

    public static final String FILE_NAME = "task-history.json";
    public static final int SCHEMA_VERSION = 1;
    /** Older ended tasks beyond this many are dropped, so the file stays small. */
    static final int MAX_TASKS = 1000;

    /** The file's content. */
    public record HistoryFile(int schemaVersion, List<TaskProgress> tasks) {
        public HistoryFile {
            tasks = List.copyOf(tasks == null ? List.of() : tasks);
        }

        static HistoryFile empty() { return new HistoryFile(SCHEMA_VERSION, List.of()); }
    }

    private final JsonFileStore<HistoryFile> store;
    private final Map<String, TaskProgress> tasks = new LinkedHashMap<>();
    private final List<Consumer<TaskProgress>> listeners = new CopyOnWriteArrayList<>();
    private final JsonFileStore.LoadProblem loadProblem;

    /** Loads the history from {@code store} (a corrupt file is moved aside: see {@link #loadProblem()}). */
    public TaskHistory(JsonFileStore<HistoryFile> store) {
        this.store = Objects.requireNonNull(store, "store");
        JsonFileStore.Loaded<HistoryFile> loaded = store.load();
        for (TaskProgress t : loaded.value().tasks()) if (t != null && t.localId() != null) tasks.put(t.localId(), t);
        this.loadProblem = loaded.problem();
    }

    /** The history file {@value #FILE_NAME} in {@code folder}. */
    public static TaskHistory open(Path folder, ObjectMapper mapper) {
        return new TaskHistory(new JsonFileStore<>(folder.resolve(FILE_NAME), mapper,
                mapper.constructType(HistoryFile.class), HistoryFile::empty, Clock.systemUTC()));
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
            trim();
            store.save(new HistoryFile(SCHEMA_VERSION, new ArrayList<>(tasks.values())));
        }
        for (Consumer<TaskProgress> l : listeners) l.accept(progress);
    }

    private void trim() {
        if (tasks.size() <= MAX_TASKS) return;
        List<TaskProgress> ended = tasks.values().stream().filter(TaskProgress::isEnded)
                .sorted(Comparator.comparing(TaskProgress::requestedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
                .toList();
        for (int i = 0; i < ended.size() && tasks.size() > MAX_TASKS; i++) tasks.remove(ended.get(i).localId());
    }

    /** Called after every save, on the saving (background) thread: hop to the FX thread before touching the UI. */
    public void addListener(Consumer<TaskProgress> listener) { listeners.add(listener); }

    public void removeListener(Consumer<TaskProgress> listener) { listeners.remove(listener); }
}
