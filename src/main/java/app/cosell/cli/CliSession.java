package app.cosell.cli;

import app.cosell.engagement.CallBudget;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.PacedPartnerCentral;
import app.cosell.engagement.TaskHistory;
import app.cosell.files.AppDataFolder;
import app.cosell.files.AppJson;
import app.cosell.store.PipelineStore;
import app.cosell.store.StoreFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Arrays;
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
    /** The connection's pipeline store: its call ledger keeps the day's counts, as the app's does. */
    final PipelineStore store;
    final CallBudget budget;
    /** Every call paced to the quotas (10 reads/s, 1 write/s) and counted, as in the app. */
    final PacedPartnerCentral partnerCentral;

    CliSession(ConnectionOptions connection) {
        this.dataDir = AppDataFolder.resolve();
        this.history = TaskHistory.open(dataDir, json);
        this.store = PipelineStore.open(StoreFiles.pipelineFile(dataDir,
                StoreFiles.connectionKey(connection.profile, connection.endpointUrl, false), connection.catalog()), json);
        this.budget = CallBudget.forEndpoint(store.ledger(), Clock.systemUTC(), connection.endpointUrl);
        try {
            this.partnerCentral = new PacedPartnerCentral(connection.open(CosellCommand.appVersion(), budget), budget);
        } catch (RuntimeException e) { // no connection (credentials, profile): nothing stays open
            history.close();
            store.close();
            throw e;
        }
    }

    /** Writes the day's budget still allows (this machine's count of them). */
    long writesLeftToday() {
        return Math.max(0, CallBudget.WRITES_PER_DAY - budget.usage().writesToday());
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
        return words(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public void close() {
        executor.shutdownNow();
        partnerCentral.close();
        history.close();
        store.close();
    }
}
