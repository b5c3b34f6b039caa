package app.cosell.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite file of the store, open: WAL journal, schema migrated forward at open, owner-only permissions on the
 * file and its {@code -wal}/{@code -shm} companions (customer contact data lives there). One JDBC connection,
 * used under this object's lock, so callers on any thread are serialised; every write is its own transaction (or
 * one per page / batch), so a crash or {@code kill -9} loses at most the write in flight, never a committed one
 * ({@code synchronous=NORMAL} in WAL mode is durable against process death; a power cut may lose the last
 * commits, which the next sync fetches again). The app-wide file ({@link StoreFiles#APP_FILE}) holds the client tokens
 * saved before each Start (task history, batch queue): there every commit reaches the disk ({@code synchronous=FULL}),
 * so not even a power cut forgets a token whose request may have left.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the store file and migrates it to this build's schema. */
    public static Database open(Path file) {
        return open(file, Schema.MIGRATIONS);
    }

    static Database open(Path file, List<List<String>> migrations) {
        Path absolute = file.toAbsolutePath();
        try {
            createOwnerOnly(absolute);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            try {
                // Read the version before anything writes: a newer file must stay byte-for-byte as it was.
                int version = userVersion(c);
                if (version > migrations.size()) throw new StoreTooNewException(absolute, version, migrations.size());
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    boolean tokens = absolute.getFileName().toString().equals(StoreFiles.APP_FILE);
                    s.execute(tokens ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                    s.execute("PRAGMA foreign_keys=ON");
                    s.execute("PRAGMA busy_timeout=5000");
                }
                migrate(c, absolute, version, migrations);
                restrictCompanions(absolute);
                return new Database(absolute, c);
            } catch (RuntimeException | SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("Could not open " + absolute + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    /** The schema version of the open file. */
    public synchronized int schemaVersion() {
        try {
            return userVersion(connection);
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    /** The connection, for the store's own classes; hold this object's lock while using it. */
    Connection connection() { return connection; }

    /** Runs {@code work} in one transaction (committed when it returns, rolled back when it throws). */
    synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Runs {@code work} on the connection (auto-commit: each statement its own transaction). */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " " + file + ": " + e.getMessage(), e);
    }

    /** Work on the connection that may throw SQLException. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing {}: {}", file, e.toString());
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static void migrate(Connection c, Path file, int from, List<List<String>> migrations) throws SQLException {
        for (int version = from + 1; version <= migrations.size(); version++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : migrations.get(version - 1)) s.execute(sql);
                s.execute("PRAGMA user_version=" + version);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            LOG.info("Store {} migrated to schema version {}", file.getFileName(), version);
        }
    }

    /** Creates the file (and its folder) readable by the owner only, before SQLite ever writes to it. */
    private static void createOwnerOnly(Path file) throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder) && posix(file)) {
            // A data folder the store creates is the owner's alone too (rwx------); one that exists is left as it is.
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another part of the app
            }
        }
        Files.createDirectories(folder);
        if (!posix(file)) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException exists) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /**
     * SQLite gives the {@code -wal} and {@code -shm} files the database file's permissions; set them again in case
     * they were left by an older build or another umask.
     */
    private static void restrictCompanions(Path file) throws IOException {
        if (!posix(file)) return;
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) Files.setPosixFilePermissions(companion, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
