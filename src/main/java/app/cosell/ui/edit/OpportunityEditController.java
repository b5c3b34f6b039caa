package app.cosell.ui.edit;

import app.cosell.model.EditableField;
import app.cosell.model.OpportunityChoices;
import app.cosell.model.Solution;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The editor's view: one labelled control per {@link EditableField} bound to the {@link OpportunityEditModel}, its
 * error under it, locked fields disabled, highlighted ones marked; Save, then Start engagement as the default button
 * once the model says the opportunity is ready. Decisions are the model's.
 */
public final class OpportunityEditController {

    /** What the buttons lead to outside the editor. */
    public interface Host {
        /** Start engagement for the saved opportunity (the editor closes). */
        void startEngagement();

        void close();
    }

    private static final List<List<EditableField>> SECTIONS = List.of(
            List.of(EditableField.COMPANY_NAME, EditableField.WEBSITE, EditableField.INDUSTRY,
                    EditableField.OTHER_INDUSTRY, EditableField.COUNTRY, EditableField.STATE, EditableField.POSTAL_CODE,
                    EditableField.CITY, EditableField.STREET),
            List.of(EditableField.TITLE, EditableField.BUSINESS_PROBLEM, EditableField.USE_CASE,
                    EditableField.DELIVERY_MODELS, EditableField.EXPECTED_SPEND, EditableField.PRIMARY_NEEDS,
                    EditableField.SOLUTION),
            List.of(EditableField.MARKETING_SOURCE, EditableField.CAMPAIGN_NAME, EditableField.AWS_FUNDING_USED,
                    EditableField.TARGET_CLOSE_DATE, EditableField.PARTNER_OPPORTUNITY_ID));
    private static final List<String> SECTION_KEYS = List.of("edit.section.customer", "edit.section.project",
            "edit.section.marketing");

    private final OpportunityEditModel model;
    private final Host host;
    private final Map<EditableField, Region> controls = new EnumMap<>(EditableField.class);
    private final Map<EditableField, VBox> rows = new EnumMap<>(EditableField.class);
    private final Map<EditableField, Label> errorLabels = new EnumMap<>(EditableField.class);
    private final Map<EditableField, Label> lockedLabels = new EnumMap<>(EditableField.class);
    private boolean focused;

    @FXML private BorderPane root;
    @FXML private Label opportunityLabel;
    @FXML private Label readOnlyLabel;
    @FXML private Label generalError;
    @FXML private VBox changesBox;
    @FXML private ScrollPane scroll;
    @FXML private VBox fields;
    @FXML private Label statusLabel;
    @FXML private Button save;
    @FXML private Button start;

    public OpportunityEditController(OpportunityEditModel model, Host host) {
        this.model = model;
        this.host = host;
    }

    @FXML
    private void initialize() {
        opportunityLabel.setText(model.opportunityId());
        for (int i = 0; i < SECTIONS.size(); i++) {
            Label section = new Label(Messages.get(SECTION_KEYS.get(i)));
            section.getStyleClass().add("edit-section");
            fields.getChildren().add(section);
            for (EditableField f : SECTIONS.get(i)) fields.getChildren().add(row(f));
        }
        showWhenText(readOnlyLabel);
        showWhenText(generalError);
        showWhenText(statusLabel);
        generalError.textProperty().bind(model.generalErrorProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        save.disableProperty().bind(model.canSaveProperty().not());
        // Shown from the start, disabled until a save leaves the opportunity ready: the rep sees where it leads,
        // and the status line beside it says what is still missing.
        start.disableProperty().bind(model.readyToStartProperty().not());
        save.defaultButtonProperty().bind(model.readyToStartProperty().not());
        start.defaultButtonProperty().bind(model.readyToStartProperty());
        model.readyToStartProperty().addListener((o, a, ready) -> { if (ready) start.requestFocus(); });
        model.errors().addListener((MapChangeListener<EditableField, String>) c -> showErrors());
        model.baseProperty().addListener((o, a, b) -> showBase());
        model.changedByOthers().addListener((ListChangeListener<OpportunityEditModel.Change>) c -> showChanges());
        model.loadingProperty().addListener((o, a, b) -> fields.setDisable(b));
        showBase();
    }

    public BorderPane root() { return root; }

    /** Puts the keyboard on the field the editor was opened for. */
    void focusField() {
        EditableField f = model.focusField();
        Region c = f == null ? null : controls.get(f);
        if (c == null) return;
        if (c instanceof FlowPane p && !p.getChildren().isEmpty()) p.getChildren().getFirst().requestFocus();
        else c.requestFocus();
        Platform.runLater(() -> {
            Node row = rows.get(f);
            double h = fields.getHeight() - scroll.getViewportBounds().getHeight();
            if (h > 0) scroll.setVvalue(Math.max(0, Math.min(1, row.getBoundsInParent().getMinY() / h)));
        });
    }

    @FXML private void save() { model.save(); }

    @FXML private void cancel() { host.close(); }

    @FXML private void start() { if (model.readyToStartProperty().get()) host.startEngagement(); }

    private VBox row(EditableField f) {
        Label name = new Label(Messages.get("field." + f.name()));
        name.getStyleClass().add("field-name");
        Region control = control(f);
        control.setId("edit-" + f.name());
        control.setAccessibleText(name.getText());
        control.setMaxWidth(Double.MAX_VALUE);
        if (control instanceof Control labelled) name.setLabelFor(labelled);
        Label error = new Label();
        error.setId("edit-error-" + f.name());
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        showWhenText(error);
        // Why a field cannot be changed, in words under it: a tooltip would never show, a disabled control gets
        // no mouse events.
        Label locked = new Label();
        locked.setId("edit-locked-" + f.name());
        locked.getStyleClass().add("field-locked");
        locked.setWrapText(true);
        showWhenText(locked);
        lockedLabels.put(f, locked);
        VBox row = new VBox(3, name, control, error, locked);
        row.getStyleClass().add("edit-field");
        if (model.isHighlighted(f)) row.getStyleClass().add("highlighted");
        controls.put(f, control);
        rows.put(f, row);
        errorLabels.put(f, error);
        return row;
    }

    private Region control(EditableField f) {
        return switch (f) {
            case BUSINESS_PROBLEM -> {
                TextArea a = new TextArea();
                a.setWrapText(true);
                a.setPrefRowCount(4);
                a.textProperty().bindBidirectional(model.text(f));
                yield a;
            }
            case INDUSTRY -> choice(f, OpportunityChoices.INDUSTRIES, false);
            case STATE -> choice(f, OpportunityChoices.US_STATES, true);
            case MARKETING_SOURCE -> choice(f, OpportunityChoices.MARKETING_SOURCES, false);
            case AWS_FUNDING_USED -> choice(f, OpportunityChoices.YES_NO, false);
            case SOLUTION -> solutionChoice();
            case TARGET_CLOSE_DATE -> {
                DatePicker d = new DatePicker();
                d.valueProperty().bindBidirectional(model.targetCloseDateProperty());
                yield d;
            }
            case DELIVERY_MODELS -> checks(OpportunityChoices.DELIVERY_MODELS, model.deliveryModels());
            case PRIMARY_NEEDS -> checks(OpportunityChoices.PRIMARY_NEEDS, model.primaryNeeds());
            default -> {
                TextField t = new TextField();
                t.textProperty().bindBidirectional(model.text(f));
                yield t;
            }
        };
    }

    private ComboBox<String> choice(EditableField f, List<String> items, boolean editable) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(items);
        c.setEditable(editable);
        c.valueProperty().bindBidirectional(model.text(f));
        return c;
    }

    private ComboBox<String> solutionChoice() {
        ComboBox<String> c = new ComboBox<>();
        Runnable fill = () -> {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            if (model.baseProperty().get() != null) ids.addAll(model.baseProperty().get().relatedSolutionIds());
            for (Solution s : model.solutions()) ids.add(s.id());
            c.getItems().setAll(ids);
        };
        model.solutions().addListener((ListChangeListener<Solution>) ch -> fill.run());
        model.baseProperty().addListener((o, a, b) -> fill.run());
        c.setConverter(new StringConverter<>() {
            @Override public String toString(String id) {
                if (id == null || id.isBlank()) return Messages.get("edit.solution.none");
                return model.solutions().stream().filter(s -> s.id().equals(id)).findFirst()
                        .map(s -> s.name() + " (" + id + ")").orElse(id);
            }
            @Override public String fromString(String s) { return s; }
        });
        c.valueProperty().bindBidirectional(model.text(EditableField.SOLUTION));
        return c;
    }

    /** A box of check boxes kept equal to {@code selected} (in the service's order). */
    private static FlowPane checks(List<String> options, ObservableList<String> selected) {
        FlowPane pane = new FlowPane(10, 4);
        boolean[] syncing = {false};
        for (String option : options) {
            CheckBox box = new CheckBox(option);
            box.setSelected(selected.contains(option));
            box.selectedProperty().addListener((o, a, on) -> {
                if (syncing[0]) return;
                List<String> next = options.stream().filter(x -> x.equals(option) ? on : selected.contains(x)).toList();
                selected.setAll(next);
            });
            pane.getChildren().add(box);
        }
        selected.addListener((ListChangeListener<String>) c -> {
            syncing[0] = true;
            for (Node n : pane.getChildren()) ((CheckBox) n).setSelected(selected.contains(((CheckBox) n).getText()));
            syncing[0] = false;
        });
        return pane;
    }

    private void showBase() {
        String reason = model.readOnlyReason();
        readOnlyLabel.setText(reason);
        String status = model.baseProperty().get() == null || model.baseProperty().get().lifeCycle() == null ? null
                : model.baseProperty().get().lifeCycle().reviewStatusRaw();
        for (Map.Entry<EditableField, Region> e : controls.entrySet()) {
            boolean editable = model.isEditable(e.getKey());
            e.getValue().setDisable(!editable);
            boolean lockedByReview = !editable && model.baseProperty().get() != null && status != null
                    && reason == null && model.scope().allows(e.getKey());
            lockedLabels.get(e.getKey()).setText(lockedByReview ? Messages.format("edit.locked", status) : null);
        }
        showErrors();
        if (model.baseProperty().get() != null && !focused) {
            focused = true;
            Platform.runLater(this::focusField);
        }
    }

    private void showErrors() {
        for (Map.Entry<EditableField, Label> e : errorLabels.entrySet()) e.getValue().setText(model.errors().get(e.getKey()));
    }

    private void showChanges() {
        changesBox.getChildren().clear();
        for (OpportunityEditModel.Change c : model.changedByOthers()) {
            String name = Messages.get("field." + c.field().name());
            Label l = new Label(c.alsoEditedByYou() ? Messages.format("edit.conflict.both", name, c.before(), c.after())
                    : Messages.format("edit.conflict.change", name, c.before(), c.after()));
            l.setWrapText(true);
            l.getStyleClass().add(Styles.TEXT_MUTED);
            changesBox.getChildren().add(l);
        }
    }

    private static void showWhenText(Label l) {
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> l.getText() != null && !l.getText().isBlank(),
                l.textProperty()));
        l.managedProperty().bind(l.visibleProperty());
    }
}
