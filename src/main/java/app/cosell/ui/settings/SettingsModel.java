package app.cosell.ui.settings;

import app.cosell.model.Catalog;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Theme;
import app.cosell.ui.settings.UiSettings.Connection;
import app.cosell.ui.settings.UiSettings.EmulatorDemo;
import app.cosell.ui.settings.UiSettings.Speed;
import app.cosell.ui.settings.UiSettings.Target;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings screen: connection (automatic, emulator, or an AWS profile; catalog), theme, and for the emulator its
 * speed and fault scenario. Edits are kept here until {@link #save}; the theme previews at once.
 */
public final class SettingsModel {

    /** What the settings screen asks of the rest of the app. Blocking; called off the FX thread. */
    public interface Services {
        /** The AWS profiles of this machine (config and credentials files). */
        List<String> awsProfiles() throws Exception;

        /** The fault scenarios the connected emulator can inject; empty when not connected to the emulator. */
        List<String> faultScenarios() throws Exception;

        /** Sets the emulator's speed and fault scenario (null: none). */
        void applyEmulatorDemo(EmulatorDemo demo) throws Exception;
    }

    /** What {@link #save} changed, so the caller knows whether to reconnect. */
    public record Saved(boolean connectionChanged, boolean emulatorChanged) {}

    private final SettingsKeeper keeper;
    private final Services services;
    private final Background background;

    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty profile = new SimpleStringProperty(this, "profile");
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed");
    private final StringProperty faultScenario = new SimpleStringProperty(this, "faultScenario");
    private final ObjectProperty<Integer> alertMinutes = new SimpleObjectProperty<>(this, "alertMinutes");
    private final ObjectProperty<Integer> recordChecks = new SimpleObjectProperty<>(this, "recordChecks");
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> faultScenarios = FXCollections.observableArrayList();
    private final BooleanBinding profileNeeded;
    private final BooleanBinding valid;

    public SettingsModel(SettingsKeeper keeper, Services services, Background background) {
        this.keeper = keeper;
        this.services = services;
        this.background = background;
        UiSettings s = keeper.get();
        target.set(s.connection().target());
        profile.set(s.connection().profileName());
        catalog.set(s.connection().catalog());
        theme.set(s.theme());
        speed.set(s.emulator().speed());
        faultScenario.set(s.emulator().faultScenario());
        alertMinutes.set(s.alerts().pollMinutes());
        recordChecks.set(s.pipeline().recordChecksPerSession());
        profileNeeded = target.isEqualTo(Target.AWS_PROFILE);
        valid = Bindings.createBooleanBinding(() -> !profileNeeded.get()
                || (profile.get() != null && !profile.get().isBlank()), profileNeeded, profile);
    }

    public ObjectProperty<Target> targetProperty() { return target; }

    public StringProperty profileProperty() { return profile; }

    public ObjectProperty<Catalog> catalogProperty() { return catalog; }

    public ObjectProperty<Theme> themeProperty() { return theme; }

    public ObjectProperty<Speed> speedProperty() { return speed; }

    /** How often, in minutes, the console checks for what AWS changed on the rep's submissions. */
    public ObjectProperty<Integer> alertMinutesProperty() { return alertMinutes; }

    /** How many full records the list may read in the background each session (0: none). */
    public ObjectProperty<Integer> recordChecksProperty() { return recordChecks; }

    /** The fault scenario to inject, or null for none. */
    public StringProperty faultScenarioProperty() { return faultScenario; }

    public ObservableList<String> profiles() { return profiles; }

    public ObservableList<String> faultScenarios() { return faultScenarios; }

    /** An AWS profile must be chosen. */
    public BooleanBinding profileNeededProperty() { return profileNeeded; }

    /** The edits can be saved. */
    public BooleanBinding validProperty() { return valid; }

    /** Reads the AWS profiles and the emulator's fault scenarios in the background. */
    public void load(Consumer<Throwable> onFailure) {
        background.run(services::awsProfiles, list -> {
            profiles.setAll(list);
            if (profile.get() == null && !list.isEmpty()) profile.set(list.contains("default") ? "default" : list.getFirst());
        }, onFailure);
        background.run(services::faultScenarios, faultScenarios::setAll, onFailure);
    }

    /** Stores the edits (the keeper saves them to disk); sends the emulator settings in the background. */
    public Saved save(Consumer<Throwable> onEmulatorFailure) {
        UiSettings before = keeper.get();
        Connection connection = new Connection(target.get(),
                target.get() == Target.AWS_PROFILE ? profile.get() : null, catalog.get());
        EmulatorDemo demo = new EmulatorDemo(speed.get(),
                faultScenario.get() == null || faultScenario.get().isBlank() ? null : faultScenario.get());
        keeper.update(s -> s.withTheme(theme.get()).withConnection(connection).withEmulator(demo)
                .withAlerts(new UiSettings.Alerts(alertMinutes.get() == null ? 5 : alertMinutes.get()))
                .withPipeline(recordChecks.get() == null ? UiSettings.Pipeline.DEFAULT
                        : new UiSettings.Pipeline(recordChecks.get())));
        boolean emulatorChanged = !demo.equals(before.emulator());
        if (emulatorChanged) background.run(() -> { services.applyEmulatorDemo(demo); return null; }, x -> {}, onEmulatorFailure);
        return new Saved(!connection.equals(before.connection()), emulatorChanged);
    }
}
