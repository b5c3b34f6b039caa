package app.cosell;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's log file, for support: a rotating file in the app's data folder ({@code logs/cosell-console.log},
 * 5 MB a file, 7 days, 30 MB at most), readable by the rep's account only. Added to logback.xml's console output at
 * start (the data folder is only known then); the command line and the tests log to the console only. What is
 * logged never carries credentials, tokens or customer contact data (a rule for every log call, not a filter).
 */
public final class AppLog {

    public static final String FOLDER = "logs";
    public static final String FILE = "cosell-console.log";
    private static final String APPENDER = "FILE";

    private AppLog() {}

    /** The active log file under {@code dataDir}. */
    public static Path file(Path dataDir) { return dataDir.resolve(FOLDER).resolve(FILE); }

    /**
     * Adds the rotating file to the root logger. Called once on the launcher thread before the toolkit starts (it
     * creates the folder and file). A folder that cannot be written leaves the console log alone, and says so there.
     */
    public static void install(Path dataDir) {
        Path file = file(dataDir);
        try {
            ownerOnly(file);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(AppLog.class).warn("No log file: {} cannot be written ({})", file, e.toString());
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) return;

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file.getParent().resolve("cosell-console.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("5MB"));
        policy.setMaxHistory(7);
        policy.setTotalSizeCap(FileSize.valueOf("30MB"));
        policy.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n");
        encoder.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }

    /**
     * The log folder is the rep's alone (rwx------ where the file system has POSIX permissions), so rotated files
     * are too, whatever the umask; the active file is rw-------.
     */
    private static void ownerOnly(Path file) throws IOException {
        Path folder = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(folder);
        if (!posix) return;
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
