package app.cosell.ui.settings;

import app.cosell.model.Catalog;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Theme;
import app.cosell.ui.common.Views;
import app.cosell.ui.settings.UiSettings.Speed;
import app.cosell.ui.settings.UiSettings.Target;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/** The settings dialog: shows a {@link SettingsModel}; Save stores it, Cancel undoes the theme preview. */
public final class SettingsDialog {

    private final Stage owner;
    private final SettingsModel model;
    private final SettingsKeeper keeper;
    private final ErrorPresenter errors;
    private final Runnable reconnect;
    private Dialog<ButtonType> dialog;

    @FXML private GridPane root;
    @FXML private ToggleGroup targetGroup;
    @FXML private ToggleGroup themeGroup;
    @FXML private RadioButton automaticRadio;
    @FXML private RadioButton emulatorRadio;
    @FXML private RadioButton profileRadio;
    @FXML private ComboBox<String> profileBox;
    @FXML private ComboBox<Catalog> catalogBox;
    @FXML private Label productionWarning;
    @FXML private RadioButton lightRadio;
    @FXML private RadioButton darkRadio;
    @FXML private ComboBox<Speed> speedBox;
    @FXML private ComboBox<String> faultBox;
    @FXML private Label emulatorNote;
    @FXML private ComboBox<Integer> alertIntervalBox;
    @FXML private ComboBox<Integer> recordChecksBox;

    public SettingsDialog(Stage owner, SettingsKeeper keeper, SettingsModel.Services services, Background background,
                          ErrorPresenter errors, Runnable reconnect) {
        this.owner = owner;
        this.keeper = keeper;
        this.model = new SettingsModel(keeper, services, background);
        this.errors = errors;
        this.reconnect = reconnect;
    }

    public Dialog<ButtonType> dialog() { return dialog; }

    public void show() {
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("settings.title"));
        // The settings scroll on a small screen (the dialog never grows past it).
        javafx.scene.Parent settingsContent = Views.load("/app/cosell/ui/settings/Settings.fxml", this);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(settingsContent);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setId("settingsDialog");
        ButtonType save = new ButtonType(Messages.get("settings.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("settingsSave");
        saveButton.disableProperty().bind(model.validProperty().not());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            SettingsModel.Saved saved = model.save(err -> errors.show(Messages.get("error.action.emulatorDemo"), err));
            if (saved.connectionChanged()) reconnect.run();
        });
        dialog.setOnHidden(e -> keeper.get().theme().apply()); // Cancel undoes the preview; Save keeps it
        model.load(err -> errors.show(Messages.get("error.action.readSettingsChoices"), err));
        dialog.setOnShown(e -> {
            // The whole form without scroll bars where the screen has room for it.
            scroll.setPrefViewportWidth(settingsContent.prefWidth(-1));
            scroll.setPrefViewportHeight(settingsContent.prefHeight(settingsContent.prefWidth(-1)));
            if (dialog.getDialogPane().getScene().getWindow() instanceof Stage st) {
                st.sizeToScene();
                app.cosell.ui.common.WindowPlacement.fit(st, app.cosell.ui.common.WindowPlacement.screenOf(owner));
            }
        });
        dialog.show();
    }

    @FXML
    private void initialize() {
        automaticRadio.setUserData(Target.AUTOMATIC);
        emulatorRadio.setUserData(Target.EMULATOR);
        profileRadio.setUserData(Target.AWS_PROFILE);
        select(targetGroup, model.targetProperty().get());
        targetGroup.selectedToggleProperty().addListener((o, was, now) -> { if (now != null) model.targetProperty().set((Target) now.getUserData()); });

        profileBox.setItems(model.profiles());
        profileBox.valueProperty().bindBidirectional(model.profileProperty());
        profileBox.disableProperty().bind(model.profileNeededProperty().not());
        catalogBox.getItems().setAll(Catalog.values());
        catalogBox.valueProperty().bindBidirectional(model.catalogProperty());
        productionWarning.visibleProperty().bind(model.catalogProperty().isEqualTo(Catalog.AWS));

        lightRadio.setUserData(Theme.LIGHT);
        darkRadio.setUserData(Theme.DARK);
        select(themeGroup, model.themeProperty().get());
        themeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) return;
            model.themeProperty().set((Theme) now.getUserData());
            model.themeProperty().get().apply(); // preview
        });

        speedBox.getItems().setAll(Speed.values());
        speedBox.setConverter(converter(s -> Messages.of("settings.speed", s)));
        speedBox.valueProperty().bindBidirectional(model.speedProperty());
        alertIntervalBox.getItems().setAll(UiSettings.Alerts.CHOICES);
        alertIntervalBox.setConverter(converter(m -> Messages.format("settings.alerts.minutes", m)));
        alertIntervalBox.valueProperty().bindBidirectional(model.alertMinutesProperty());
        recordChecksBox.getItems().setAll(UiSettings.Pipeline.CHOICES);
        recordChecksBox.setConverter(converter(n -> n == 0 ? Messages.get("settings.pipeline.checks.off")
                : Messages.format("settings.pipeline.checks.count", n)));
        recordChecksBox.valueProperty().bindBidirectional(model.recordChecksProperty());
        faultBox.setConverter(converter(FaultScenarios::describe));
        model.faultScenarios().addListener((javafx.collections.ListChangeListener<String>) c -> fillFaults());
        fillFaults();
        faultBox.valueProperty().addListener((o, was, now) -> model.faultScenarioProperty().set(now == null || now.isEmpty() ? null : now));
    }

    private void fillFaults() {
        String chosen = model.faultScenarioProperty().get();
        faultBox.getItems().setAll("");
        faultBox.getItems().addAll(model.faultScenarios());
        faultBox.setValue(chosen == null ? "" : chosen);
        boolean available = !model.faultScenarios().isEmpty();
        faultBox.setDisable(!available);
        speedBox.setDisable(!available);
        emulatorNote.setText(Messages.get(available ? "settings.emulator.note" : "settings.emulator.unavailable"));
    }

    private static void select(ToggleGroup group, Object value) {
        group.getToggles().stream().filter(t -> t.getUserData() == value).findFirst().ifPresent(group::selectToggle);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return text.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
