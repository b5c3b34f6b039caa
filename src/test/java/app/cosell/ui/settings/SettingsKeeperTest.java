package app.cosell.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ui.common.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SettingsKeeperTest {

    @Test
    void manyQuickChangesAreSavedOnceWithTheLastValue() {
        List<UiSettings> saved = new CopyOnWriteArrayList<>();
        List<Runnable> scheduled = new ArrayList<>();
        UiSettingsStore store = new UiSettingsStore() {
            @Override public UiSettings load() { return UiSettings.DEFAULTS; }
            @Override public void save(UiSettings s) { saved.add(s); }
        };
        SettingsKeeper keeper = new SettingsKeeper(store, UiSettings.DEFAULTS, scheduled::add, Duration.ZERO);

        for (int w = 100; w < 110; w++) {
            double width = w;
            keeper.update(s -> s.withWindow(new UiSettings.WindowBounds(0, 0, width, 500, false)));
        }
        keeper.update(s -> s.withTheme(Theme.DARK));
        scheduled.forEach(Runnable::run); // the quiet periods end

        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().window().width()).isEqualTo(109);
        assertThat(saved.getFirst().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void anUnchangedValueSchedulesNoSave() {
        List<Runnable> scheduled = new ArrayList<>();
        SettingsKeeper keeper = new SettingsKeeper(UiSettingsStore.inMemory(), UiSettings.DEFAULTS, scheduled::add, Duration.ZERO);
        keeper.update(s -> s);
        assertThat(scheduled).isEmpty();
    }
}
