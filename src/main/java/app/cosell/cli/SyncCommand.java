package app.cosell.cli;

import app.cosell.engagement.CallBudget;
import app.cosell.engagement.PacedPartnerCentral;
import app.cosell.engagement.PipelineSync;
import app.cosell.files.AppDataFolder;
import app.cosell.files.AppJson;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.store.PipelineStore;
import app.cosell.store.StoreException;
import app.cosell.store.StoreFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cosell-console sync}: brings the connection's pipeline store up to date, as the app's F5 does (Shift+F5
 * with {@code --full}), through the same call budget. The store is the app's file for that connection and catalog
 * in the app's data folder ({@link StoreFiles#pipelineFile}; the key from {@code --profile} and
 * {@code --endpoint-url}), so the window shows what the command fetched when they name the same connection.
 * Prints the calls made (HTTP requests, retries included), rows added, changed and removed, and the time taken;
 * with {@code --json} exactly one object on standard output:
 * {@code {"calls":N,"added":N,"changed":N,"removed":N,"throttled":N,"millis":N}}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Bring the local pipeline store up to date: only what changed, or everything with --full.")
public final class SyncCommand implements Callable<Integer> {

    @Mixin ConnectionOptions connection;

    @Option(names = "--full", description = "Page through every opportunity (marks rows the service no longer lists).")
    boolean full;

    @Option(names = "--json", description = "Print one JSON object: calls, added, changed, removed, throttled, millis.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ResourceBundle text = ResourceBundle.getBundle("app.cosell.i18n.messages");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = AppJson.newMapper();
        Path file = StoreFiles.pipelineFile(AppDataFolder.resolve(),
                StoreFiles.connectionKey(connection.profile, connection.endpointUrl, false), connection.catalog());
        try (PipelineStore store = PipelineStore.open(file, mapper)) {
            CallBudget budget = CallBudget.forEndpoint(store.ledger(), Clock.systemUTC(), connection.endpointUrl);
            try (PacedPartnerCentral pc = new PacedPartnerCentral(connection.open(CosellCommand.appVersion(), budget), budget)) {
                PipelineSync sync = new PipelineSync(pc, store, Clock.systemUTC());
                if ((full || sync.needsFull()) && CallBudget.isLargeShareOfDay(sync.fullSyncReads())) {
                    err.println(MessageFormat.format(text.getString("cli.sync.largeReload"), sync.fullSyncReads(),
                            budget.usage().readsLeft()));
                }
                PipelineSync.Result r = sync.sync(full, PipelineSync.PageListener.NONE);
                long millis = r.elapsed().toMillis();
                if (json) {
                    ObjectNode o = mapper.createObjectNode();
                    o.put("calls", budget.attempts());
                    o.put("added", r.added());
                    o.put("changed", r.changed());
                    o.put("removed", r.removed());
                    o.put("throttled", budget.throttled());
                    o.put("millis", millis);
                    out.println(mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(o));
                } else {
                    out.println(MessageFormat.format(text.getString(r.full() ? "cli.sync.doneFull" : "cli.sync.done"),
                            connection.describe(), budget.attempts(), r.added(), r.changed(), r.removed(),
                            budget.throttled(), millis / 1000.0, store.count(), file));
                }
                out.flush();
                return ExitCode.OK;
            }
        } catch (PartnerCentralFailure | StoreException e) {
            err.println(MessageFormat.format(text.getString("cli.sync.failed"), connection.describe(), e.getMessage()));
            return ExitCode.ERROR;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println(e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
