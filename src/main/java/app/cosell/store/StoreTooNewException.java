package app.cosell.store;

import java.nio.file.Path;

/**
 * A store file written by a newer version of the app (its schema version is above the one this build knows). The
 * file is left exactly as it was: nothing is migrated backwards or rewritten.
 */
public final class StoreTooNewException extends StoreException {

    private final Path file;
    private final int found;
    private final int known;

    StoreTooNewException(Path file, int found, int known) {
        super(file + " was written by a newer version of Co-Sell Console (schema version " + found
                + ", this version knows up to " + known + "). It was not changed; update the app to open it.", null);
        this.file = file;
        this.found = found;
        this.known = known;
    }

    public Path file() { return file; }

    public int foundVersion() { return found; }

    public int knownVersion() { return known; }
}
