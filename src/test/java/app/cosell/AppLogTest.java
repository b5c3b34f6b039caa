package app.cosell;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.LogTail;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The desktop app's log file: in the data folder, the rep's alone, and its tail readable for support texts. */
class AppLogTest {

    @TempDir Path dataDir;

    @AfterEach
    void detach() {
        // The test JVM keeps logging to the console only.
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        if (appender != null) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }

    @Test
    void logsToAnOwnerOnlyFileInTheDataFolderWhoseTailSupportTextsRead() throws Exception {
        AppLog.install(dataDir);
        LoggerFactory.getLogger("app.cosell.Probe").warn("first hour probe {}", 42);

        Path file = AppLog.file(dataDir);
        assertThat(file).startsWith(dataDir.resolve("logs")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(LogTail.read(file, 5)).contains("WARN").contains("first hour probe 42");
    }

    @Test
    void theTailIsTheLastLinesAndNothingWithoutAFile() throws Exception {
        Path f = dataDir.resolve("x.log");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 5000; i++) b.append("line ").append(i).append('\n');
        Files.writeString(f, b);
        assertThat(LogTail.read(f, 3)).isEqualTo("line 4998\nline 4999\nline 5000");
        assertThat(LogTail.read(dataDir.resolve("none.log"), 3)).isEmpty();
    }
}
