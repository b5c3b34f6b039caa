package app.cosell.engagement;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of the app's log file, for the support text the rep copies (diagnostics, error details). Reads at
 * most the file's last 64 KB: blocking I/O, so never on the FX thread.
 */
public final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    /** The last {@code lines} lines of {@code file}; empty when there is no such file or it cannot be read. */
    public static String read(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) return "";
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            f.seek(length - size);
            f.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            // The first line may have been cut by the 64 KB window: it is dropped unless it is the file's start.
            if (length > size && all.size() > 1) all = all.subList(1, all.size());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
