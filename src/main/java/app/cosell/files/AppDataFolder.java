package app.cosell.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its files on each OS: Linux {@code $XDG_DATA_HOME/cosell-console} (else
 * {@code ~/.local/share/cosell-console}), macOS {@code ~/Library/Application Support/Co-Sell Console}, Windows
 * {@code %APPDATA%\Co-Sell Console}. The system property {@value #OVERRIDE_PROPERTY} overrides it (tests, portable
 * installs).
 */
public final class AppDataFolder {

    public static final String OVERRIDE_PROPERTY = "cosell.dataDir";

    private AppDataFolder() {}

    /** The folder for this process (not created). */
    public static Path resolve() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv());
    }

    /** The folder for the given override, OS name, home and environment (for tests of each OS). */
    public static Path resolve(String override, String osName, String userHome, Map<String, String> env) {
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Co-Sell Console");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Co-Sell Console");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("cosell-console");
    }
}
