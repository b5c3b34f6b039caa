package app.cosell.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.files.AppJson;
import app.cosell.ui.common.Background;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alerts' poll interval among the rep's settings: default 5 minutes, edited in Settings, kept in the file. */
class AlertSettingsTest {

    private final SettingsModel.Services services = new SettingsModel.Services() {
        @Override public List<String> awsProfiles() { return List.of(); }
        @Override public List<String> faultScenarios() { return List.of(); }
        @Override public void applyEmulatorDemo(UiSettings.EmulatorDemo demo) { }
    };

    @Test
    void theIntervalDefaultsToFiveMinutesAndIsSavedFromTheSettingsScreen() {
        UiSettingsStore store = UiSettingsStore.inMemory();
        SettingsKeeper keeper = new SettingsKeeper(store, UiSettings.DEFAULTS, Runnable::run, Duration.ZERO);
        SettingsModel model = new SettingsModel(keeper, services, Background.DIRECT);
        assertThat(model.alertMinutesProperty().get()).isEqualTo(5);
        model.alertMinutesProperty().set(15);
        model.save(e -> { throw new AssertionError(e); });
        assertThat(store.load().alerts().pollMinutes()).isEqualTo(15);
        assertThat(keeper.get().withTheme(keeper.get().theme()).alerts().pollMinutes()).as("kept by other edits")
                .isEqualTo(15);
    }

    @Test
    void aSettingsFileWithoutAlertsReadsTheDefault() throws Exception {
        ObjectMapper json = AppJson.newMapper();
        UiSettings read = json.readValue("{\"theme\":\"DARK\"}", UiSettings.class);
        assertThat(read.alerts()).isEqualTo(UiSettings.Alerts.DEFAULT);
        UiSettings again = json.readValue(json.writeValueAsString(read.withAlerts(new UiSettings.Alerts(30))),
                UiSettings.class);
        assertThat(again.alerts().pollMinutes()).isEqualTo(30);
    }
}
