package app.cosell.engagement;

import java.util.UUID;

/**
 * The start policy's token rule: every deliberate attempt gets a fresh ClientToken, used for nothing else. Transient
 * retries of that attempt re-send the same token (the service then answers with the same task instead of starting a
 * second one); a token shared with another operation would make the service silently de-duplicate the task.
 */
public final class ClientTokens {

    private ClientTokens() {}

    /** A token no other request has used: {@code cosell-engage-<uuid>} (43 characters; the service allows 255). */
    public static String fresh() {
        return "cosell-engage-" + UUID.randomUUID();
    }
}
