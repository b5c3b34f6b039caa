package app.cosell.ui.main;

import app.cosell.model.TaskProgress;
import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.ui.Screenshots;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.FxBackground;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.opportunities.FakeOpportunities;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.SettingsModel;
import app.cosell.ui.settings.UiSettings;
import app.cosell.ui.settings.UiSettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** On the production catalog the header cannot be mistaken: red PRODUCTION badge and a red rule. */
@Tag("ui")
class ProductionHeaderTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void theProductionCatalogIsBadgedUnmistakably() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Background background = new FxBackground(Executors.newVirtualThreadPerTaskExecutor());
        SettingsKeeper settings = new SettingsKeeper(UiSettingsStore.inMemory(), UiSettings.DEFAULTS, Runnable::run, Duration.ZERO);
        ShellServices services = new ShellServices(
                () -> new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, "sales-prod", Catalog.AWS, "https://partnercentral-selling.us-east-1.api.aws"),
                new FakeOpportunities(40), o -> List.of(),
                new TaskHistoryFeed() {
                    @Override public List<TaskProgress> all() { return List.of(); }
                    @Override public void addListener(Runnable l) {}
                }, settings,
                new SettingsModel.Services() {
                    @Override public List<String> awsProfiles() { return List.of("sales-prod"); }
                    @Override public List<String> faultScenarios() { return List.of(); }
                    @Override public void applyEmulatorDemo(UiSettings.EmulatorDemo d) {}
                }, background, s -> EngageLauncher.NONE, p -> { throw new UnsupportedOperationException(); }, url -> {});
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1400);
            stage.setHeight(700);
            MainWindow w = new MainWindow(stage, services);
            w.show();
            return w;
        }).get(10, TimeUnit.SECONDS);
        FxWait.until(10, TimeUnit.SECONDS, () -> window.listModel().completeProperty().get());

        Label badge = robot.lookup("#catalogBadge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("PRODUCTION");
        assertThat(badge.getStyleClass()).contains("badge-production");
        assertThat(robot.lookup("#mainWindow").query().getStyleClass()).contains("production");
        assertThat(robot.lookup("#connectionLabel").queryAs(Label.class).getText()).isEqualTo("AWS profile “sales-prod” · AWS catalog");
        assertThat(badge.getAccessibleText()).contains("AWS catalog");
        Path shot = Screenshots.saveTo(stage.getScene(), Path.of("target", "production-header.png"));
        assertThat(shot).exists();
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }
}
