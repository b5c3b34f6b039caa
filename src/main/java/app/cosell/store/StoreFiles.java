package app.cosell.store;

import app.cosell.model.Catalog;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the store's files live in the app's data folder. The pipeline has one file per connection and catalog, so
 * the emulator, Sandbox and production rows never mix: {@code pipeline-<connection>-<catalog>.db}, where the
 * connection is {@code emulator} (the embedded one), {@code profile-<name>} (an AWS profile),
 * {@code default} (the SDK's default credentials, command line) or {@code endpoint-<host>-<port>} (an
 * {@code --endpoint-url}), each optionally followed by the endpoint. Task history and saved views are the rep's
 * whatever the connection: {@value #APP_FILE}.
 */
public final class StoreFiles {

    /** The app-wide store: task history, saved views. */
    public static final String APP_FILE = "cosell.db";

    private StoreFiles() {}

    public static Path appFile(Path dataDir) {
        return dataDir.resolve(APP_FILE);
    }

    /**
     * The pipeline file of one connection and catalog.
     *
     * @param connection the connection's key (see the class comment); anything outside {@code [A-Za-z0-9._-]}
     *                   becomes {@code _}
     */
    public static Path pipelineFile(Path dataDir, String connection, Catalog catalog) {
        return dataDir.resolve("pipeline-" + safe(connection) + "-" + safe(catalog.wire()).toLowerCase(Locale.ROOT) + ".db");
    }

    /**
     * The connection's key for {@link #pipelineFile}: {@code emulator} for the app's embedded emulator (whatever its
     * port this launch), else {@code profile-<name>}, else {@code default}, followed by {@code -<host>-<port>} of an
     * endpoint override ({@code endpoint-<host>-<port>} alone when no profile is named).
     */
    public static String connectionKey(String profile, java.net.URI endpoint, boolean embeddedEmulator) {
        if (embeddedEmulator) return "emulator";
        String where = endpoint == null ? null
                : (endpoint.getHost() == null ? endpoint.toString() : endpoint.getHost()) + (endpoint.getPort() < 0 ? "" : "-" + endpoint.getPort());
        if (profile != null && !profile.isBlank()) return "profile-" + profile + (where == null ? "" : "-" + where);
        return where == null ? "default" : "endpoint-" + where;
    }

    static String safe(String s) {
        String cleaned = s == null || s.isBlank() ? "default" : s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
