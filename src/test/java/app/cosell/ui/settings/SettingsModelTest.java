package app.cosell.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsModelTest {

    private final List<UiSettings.EmulatorDemo> applied = new ArrayList<>();
    private final SettingsModel.Services services = new SettingsModel.Services() {
        @Override public List<String> awsProfiles() { return List.of("sales", "default"); }
        @Override public List<String> faultScenarios() { return List.of("task:EngagementConflict"); }
        @Override public void applyEmulatorDemo(UiSettings.EmulatorDemo demo) { applied.add(demo); }
    };
    private final UiSettingsStore store = UiSettingsStore.inMemory();
    private final SettingsKeeper keeper = new SettingsKeeper(store, UiSettings.DEFAULTS, Runnable::run, Duration.ZERO);

    @Test
    void loadOffersTheProfilesAndPicksDefault() {
        SettingsModel model = new SettingsModel(keeper, services, Background.DIRECT);
        model.load(e -> { throw new AssertionError(e); });
        assertThat(model.profiles()).containsExactly("sales", "default");
        assertThat(model.profileProperty().get()).isEqualTo("default");
        assertThat(model.faultScenarios()).containsExactly("task:EngagementConflict");
    }

    @Test
    void anAwsProfileConnectionNeedsAProfile() {
        SettingsModel model = new SettingsModel(keeper, services, Background.DIRECT);
        model.targetProperty().set(UiSettings.Target.AWS_PROFILE);
        assertThat(model.validProperty().get()).isFalse();
        model.profileProperty().set("sales");
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void saveStoresTheEditsAndSaysWhatChanged() {
        SettingsModel model = new SettingsModel(keeper, services, Background.DIRECT);
        model.targetProperty().set(UiSettings.Target.AWS_PROFILE);
        model.profileProperty().set("sales");
        model.catalogProperty().set(Catalog.AWS);
        model.themeProperty().set(Theme.DARK);
        model.speedProperty().set(UiSettings.Speed.SLOW);
        model.faultScenarioProperty().set("task:EngagementConflict");

        SettingsModel.Saved saved = model.save(e -> { throw new AssertionError(e); });

        assertThat(saved.connectionChanged()).isTrue();
        assertThat(saved.emulatorChanged()).isTrue();
        assertThat(store.load().connection()).isEqualTo(new UiSettings.Connection(UiSettings.Target.AWS_PROFILE, "sales", Catalog.AWS));
        assertThat(store.load().theme()).isEqualTo(Theme.DARK);
        assertThat(applied).containsExactly(new UiSettings.EmulatorDemo(UiSettings.Speed.SLOW, "task:EngagementConflict"));
    }

    @Test
    void savingOnlyTheThemeNeitherReconnectsNorTouchesTheEmulator() {
        SettingsModel model = new SettingsModel(keeper, services, Background.DIRECT);
        model.themeProperty().set(Theme.DARK);
        SettingsModel.Saved saved = model.save(e -> { throw new AssertionError(e); });
        assertThat(saved).isEqualTo(new SettingsModel.Saved(false, false));
        assertThat(applied).isEmpty();
    }

    @Test
    void theRepChangesHowManyRecordsTheListChecksInTheBackground() {
        SettingsModel model = new SettingsModel(keeper, services, Background.DIRECT);
        assertThat(model.recordChecksProperty().get()).isEqualTo(UiSettings.Pipeline.DEFAULT.recordChecksPerSession());
        model.recordChecksProperty().set(0);
        model.save(e -> { throw new AssertionError(e); });
        assertThat(store.load().pipeline().recordChecksPerSession()).isZero();
        assertThat(new SettingsModel(keeper, services, Background.DIRECT).recordChecksProperty().get()).isZero();
    }
}
