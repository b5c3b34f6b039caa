package app.cosell.files;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One JSON document in one file, written atomically (a temp file beside it, then an atomic rename) so a crash
 * leaves either the old or the new content. A file that cannot be read is moved aside (renamed
 * {@code <name>.corrupt-<time>}) and reported through {@link Loaded#problem()}, never thrown: the app starts with
 * the empty value instead. Used for the task history and the rep's settings.
 *
 * @param <T> the document type (a record is best; give it a schema version field)
 */
public final class JsonFileStore<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFileStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final ObjectMapper mapper;
    private final JavaType type;
    private final Supplier<T> empty;
    private final Clock clock;

    /** What a load found: the document (or the empty one) and, when the file was unreadable, why and where it went. */
    public record Loaded<T>(T value, LoadProblem problem) {
        public boolean hasProblem() { return problem != null; }
    }

    /**
     * A file that could not be read.
     *
     * @param movedTo where the unreadable file now is (null if it could not be moved)
     * @param reason  the parser's or file system's message, for diagnostics
     */
    public record LoadProblem(Path file, Path movedTo, String reason) {}

    public JsonFileStore(Path file, ObjectMapper mapper, Class<T> type, Supplier<T> empty) {
        this(file, mapper, mapper.constructType(type), empty, Clock.systemUTC());
    }

    public JsonFileStore(Path file, ObjectMapper mapper, JavaType type, Supplier<T> empty, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.type = Objects.requireNonNull(type, "type");
        this.empty = Objects.requireNonNull(empty, "empty");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() { return file; }

    /** Reads the file: the empty value when there is none; a corrupt file is moved aside and reported. */
    public Loaded<T> load() {
        if (!Files.exists(file)) return new Loaded<>(empty.get(), null);
        try {
            T value = mapper.readValue(file.toFile(), type);
            if (value == null) throw new IOException("The file holds no document");
            return new Loaded<>(value, null);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            Path moved = null;
            try {
                moved = Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move unreadable {} aside: {}", file, moveFailed.toString());
            }
            LOG.warn("Unreadable {} ({}); moved to {}", file, e.getMessage(), moved);
            return new Loaded<>(empty.get(), new LoadProblem(file, moved, String.valueOf(e.getMessage())));
        }
    }

    /** Writes the document atomically, creating the folder if needed. */
    public synchronized void save(T value) {
        try {
            AtomicFile.write(file, temp -> mapper.writeValue(temp.toFile(), value));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
