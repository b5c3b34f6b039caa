package app.cosell.ui;

import app.cosell.AppContext;
import app.cosell.CosellApp;
import app.cosell.partner.AwsProfiles;
import app.cosell.ui.main.EngageLauncher;
import app.cosell.ui.main.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console for UI tests: an {@link AppContext} with its own data folder, no AWS profile (so the embedded
 * emulator, over real HTTP), near-instant task steps, and the main window on TestFX's primary stage.
 */
public final class ConsoleHarness implements AutoCloseable {

    public final Path dataDir;
    public final AppContext context;
    public final Stage stage;
    public final MainWindow window;

    private ConsoleHarness(Path dataDir, AppContext context, Stage stage, MainWindow window) {
        this.dataDir = dataDir;
        this.context = context;
        this.stage = stage;
        this.window = window;
    }

    /** A fresh data folder under the surefire test-data folder. */
    public static Path newDataDir(String name) {
        return Path.of(System.getProperty("cosell.dataDir", "target/test-data"))
                .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static AppContext context(Path dataDir, int opportunities, Duration stepDelay) {
        Path none = dataDir.resolve("no-aws");
        return new AppContext(new AppContext.Options(dataDir,
                new AwsProfiles(none.resolve("config"), none.resolve("credentials"), null, none.resolve("sso")),
                new AppContext.EmulatorSetup(opportunities, stepDelay, false), Duration.ofMillis(50)));
    }

    /** Opens the console on {@code dataDir} and waits until the whole list is loaded. */
    public static ConsoleHarness open(Path dataDir, int opportunities, Duration stepDelay,
                                      Function<Stage, EngageLauncher> engage) throws Exception {
        ConsoleHarness h = openWithoutWaiting(dataDir, opportunities, stepDelay, engage);
        h.waitForFullList();
        return h;
    }

    /**
     * Opens the console on {@code dataDir} with more settings of its context ({@code with…} calls made before it
     * connects) and waits until the whole list is loaded.
     */
    public static ConsoleHarness open(Path dataDir, int opportunities, Duration stepDelay,
                                      Function<Stage, EngageLauncher> engage, Consumer<AppContext> settings)
            throws Exception {
        ConsoleHarness h = openWithoutWaiting(dataDir, opportunities, stepDelay, engage, w -> {}, settings);
        h.waitForFullList();
        return h;
    }

    /** Opens the console on {@code dataDir} and returns once the window shows (the list loads on). */
    public static ConsoleHarness openWithoutWaiting(Path dataDir, int opportunities, Duration stepDelay,
                                                    Function<Stage, EngageLauncher> engage) throws Exception {
        return openWithoutWaiting(dataDir, opportunities, stepDelay, engage, w -> {});
    }

    /** As above; {@code atOnce} runs on the FX thread right after the window shows (before it connects). */
    public static ConsoleHarness openWithoutWaiting(Path dataDir, int opportunities, Duration stepDelay,
                                                    Function<Stage, EngageLauncher> engage,
                                                    java.util.function.Consumer<MainWindow> atOnce) throws Exception {
        return openWithoutWaiting(dataDir, opportunities, stepDelay, engage, atOnce, c -> {});
    }

    private static ConsoleHarness openWithoutWaiting(Path dataDir, int opportunities, Duration stepDelay,
                                                     Function<Stage, EngageLauncher> engage,
                                                     Consumer<MainWindow> atOnce, Consumer<AppContext> settings)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppContext context = context(dataDir, opportunities, stepDelay);
        if (engage != null) context.withEngageScreens(engage);
        settings.accept(context);
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1560);
            stage.setHeight(900);
            MainWindow w = CosellApp.open(stage, context, url -> {});
            atOnce.accept(w);
            return w;
        }).get(20, TimeUnit.SECONDS);
        return new ConsoleHarness(dataDir, context, stage, window);
    }

    public void waitForFullList() throws Exception {
        FxWait.until(90, TimeUnit.SECONDS, () -> window.listModel().completeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.hide();
            javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList().forEach(javafx.stage.Window::hide);
        }).get(10, TimeUnit.SECONDS);
        context.close();
    }
}
