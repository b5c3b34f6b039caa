package app.cosell.cli;

import app.cosell.engagement.AppDataFolder;
import app.cosell.engagement.AppJson;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.TaskHistory;
import app.cosell.partner.PartnerCentral;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What one command-line run shares with the app: the data folder (the same task history, so a task started here is
 * resumed by the window and the other way round), the JSON mapper, the message bundle, one executor (daemon virtual
 * threads) and the connection. Closed when the command ends.
 */
final class CliSession implements AutoCloseable {

    final Path dataDir;
    final ObjectMapper json = AppJson.newMapper();
    final ResourceBundle messages = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE, Locale.getDefault());
    final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cosell-cli-", 0).factory());
    final TaskHistory history;
    final PartnerCentral partnerCentral;

    CliSession(ConnectionOptions connection) {
        this.dataDir = AppDataFolder.resolve();
        this.history = TaskHistory.open(dataDir, json);
        this.partnerCentral = connection.open(CosellCommand.appVersion());
    }

    /** A bundle text with its arguments; the key itself when the bundle has no such text. */
    String words(String key, List<String> args) {
        if (key == null) return "";
        try {
            return new MessageFormat(messages.getString(key), messages.getLocale()).format(args.toArray());
        } catch (MissingResourceException e) {
            return key;
        }
    }

    String words(String key, Object... args) {
        return words(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public void close() {
        executor.shutdownNow();
        partnerCentral.close();
    }
}
