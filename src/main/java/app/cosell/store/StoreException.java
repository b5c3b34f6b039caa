package app.cosell.store;

/** A store file that cannot be opened, read or written; the message says which file and why. */
public class StoreException extends RuntimeException {

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
