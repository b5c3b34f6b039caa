package app.cosell.store;

/** The local database could not be read or written (disk full, file damaged, permissions). */
public final class StoreFailure extends RuntimeException {
    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
