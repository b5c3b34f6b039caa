package app.cosell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir Path dir;

    @Test
    void aNewFileIsMigratedToTheCurrentSchemaInWalMode() throws Exception {
        Path file = dir.resolve("a.db");
        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Schema.current());
            String mode = db.read(c -> {
                try (var r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void anOlderFileIsMigratedForwardKeepingItsRows() throws Exception {
        Path file = dir.resolve("old.db");
        List<List<String>> v1 = List.of(List.of("CREATE TABLE notes (text TEXT)"));
        try (Database db = Database.open(file, v1)) {
            db.read(c -> c.createStatement().executeUpdate("INSERT INTO notes VALUES ('kept')"));
        }
        List<List<String>> v2 = List.of(v1.getFirst(), List.of("ALTER TABLE notes ADD COLUMN more TEXT DEFAULT 'x'"));

        try (Database db = Database.open(file, v2)) {
            assertThat(db.schemaVersion()).isEqualTo(2);
            String row = db.read(c -> {
                try (var r = c.createStatement().executeQuery("SELECT text || more FROM notes")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertThat(row).isEqualTo("keptx");
        }
    }

    @Test
    void aFileFromANewerVersionIsRefusedWithAClearMessageAndLeftUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE future (x)");
            c.createStatement().execute("PRAGMA user_version = " + (Schema.current() + 5));
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreTooNewException.class)
                .hasMessageContaining("newer version of Co-Sell Console")
                .hasMessageContaining("schema version " + (Schema.current() + 5))
                .hasMessageContaining(file.getFileName().toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("newer.db-wal")).doesNotExist();
    }

    @Test
    void theFileAndItsWalAndShmAreReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("private.db");
        try (Database db = Database.open(file)) {
            db.read(c -> c.createStatement().executeUpdate("INSERT INTO sync_state VALUES ('k', 'v')"));
            assertThat(dir.resolve("private.db-wal")).exists();
            for (String name : List.of("private.db", "private.db-wal", "private.db-shm")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aDataFolderTheStoreCreatesIsTheOwnersAlone() throws Exception {
        Path folder = dir.resolve("new").resolve("cosell-console");
        Database.open(folder.resolve("x.db")).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void anExistingFileWithLooserPermissionsIsTightenedAtOpen() throws Exception {
        Path file = dir.resolve("loose.db");
        Database.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(file).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void pipelineFilesAreSeparatePerConnectionAndCatalog() {
        assertThat(StoreFiles.pipelineFile(dir, "emulator", app.cosell.model.Catalog.Sandbox))
                .isNotEqualTo(StoreFiles.pipelineFile(dir, "emulator", app.cosell.model.Catalog.AWS))
                .isNotEqualTo(StoreFiles.pipelineFile(dir, "profile-sales", app.cosell.model.Catalog.Sandbox));
        assertThat(StoreFiles.pipelineFile(dir, "endpoint-127.0.0.1:4566/x", app.cosell.model.Catalog.AWS).getFileName())
                .hasToString("pipeline-endpoint-127.0.0.1_4566_x-aws.db");
    }
}
