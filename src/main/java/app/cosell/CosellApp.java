package app.cosell;

import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.main.MainWindow;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the context and shows the main window (which then connects in the background). */
public final class CosellApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CosellApp.class);

    /** The desktop context, being built while the toolkit starts (see {@link #prepareContext()}), or null. */
    private static CompletableFuture<AppContext> prepared;

    private AppContext context;

    /**
     * Starts building the desktop context on a short-lived daemon thread, in parallel with JavaFX's own start-up
     * (before {@code Application.launch}). The context's executor does not exist yet, hence the thread of its own.
     */
    static synchronized void prepareContext() {
        if (prepared != null) return;
        prepared = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("cosell-context").start(() -> {
            try {
                prepared.complete(new AppContext(AppContext.Options.desktop()));
            } catch (Throwable e) {
                prepared.completeExceptionally(e);
            }
        });
    }

    /** Takes the context (it reads the settings file) on the launcher thread: the FX thread does no I/O. */
    @Override
    public void init() throws Exception {
        prepareContext();
        try {
            context = prepared.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
        // The first stored rows are read while the FX thread builds the main window, to be there at its first frame.
        context.prefetchStoredRows();
        // The icon fonts load in the background while the FX thread builds the main window (their first use).
        context.executor().execute(() -> {
            try {
                Icons.preload();
            } catch (RuntimeException e) {
                LOG.warn("Could not preload the icon fonts (they load on first use instead)", e);
            }
        });
    }

    @Override
    public void start(Stage stage) {
        open(stage, context, getHostServices()::showDocument);
    }

    /** Opens the main window without a browser for sign-in pages (benchmarks, tools). FX thread. */
    public static MainWindow open(Stage stage, AppContext context) {
        return open(stage, context, url -> LOG.info("Open in a browser: {}", url));
    }

    /** Opens the main window of {@code context} on {@code stage} (the app, and UI tests). FX thread. */
    public static MainWindow open(Stage stage, AppContext context, Consumer<String> openInBrowser) {
        MainWindow window = new MainWindow(stage, context.shell(openInBrowser));
        ErrorPresenter errors = window.errors();
        errors.setLogTail(context.logTail());
        // Nothing unexpected reaches the rep as a stack trace: it is logged, and shown by the one presenter.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.error("Uncaught exception on {}", thread.getName(), e);
            Platform.runLater(() -> errors.show(Messages.get("error.action.unexpected"), e));
        });
        window.show();
        context.attachReviews(window, stage);
        return window;
    }

    @Override
    public void stop() {
        if (context != null) context.close();
    }
}
