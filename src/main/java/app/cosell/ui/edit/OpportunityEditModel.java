package app.cosell.ui.edit;

import app.cosell.engagement.StartGuard;
import app.cosell.model.EditScope;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Solution;
import app.cosell.model.StartVerdict;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The state of the opportunity editor for one opportunity: a value per {@link EditableField}, what the rep touched
 * (values that differ from the record as read), validation as the service model constrains each field, the service's
 * own field errors (a ValidationException's ErrorList) under the fields they name, the review status's locks, and
 * the concurrent-edit merge: when the record changed on the service since it was read, the fresh record is loaded,
 * what changed is listed, the rep's edits are kept on top, and saving again re-applies them. After a save the start
 * guard runs again; {@link #readyToStartProperty()} says Start is one keystroke away. No controls: unit-tested.
 *
 * <p>The pure parts live beside it: the field checks ({@link FieldChecks}) and the mapping between a record and the
 * editor's values ({@link OpportunityFields}). What stays here (values, the touched set, server errors, locks, load,
 * save and merge) reads and writes the same per-field state.
 */
public final class OpportunityEditModel {

    /** What the editor needs from around it; every method blocks (called in the background). */
    public interface Services {
        Opportunity load(String opportunityId);

        /** UpdateOpportunity of the touched fields (and AssociateOpportunity for a solution); the saved record. */
        Opportunity save(OpportunityUpdate update);

        /** The partner's Active solutions. */
        List<Solution> solutions();

        /** The start guard's verdict on a record (a task of ours running included). */
        StartVerdict verdict(Opportunity opportunity);
    }

    /** A field someone else changed on the service while the rep edited (the merge shows them). */
    public record Change(EditableField field, String before, String after, boolean alsoEditedByYou) {}

    private final Services services;
    private final Background background;
    private final String opportunityId;
    private final EditScope scope;
    private final Supplier<LocalDate> today;

    private final Map<EditableField, StringProperty> text = new EnumMap<>(EditableField.class);
    private final ObjectProperty<LocalDate> targetCloseDate = new SimpleObjectProperty<>(this, "targetCloseDate");
    private final ObservableList<String> deliveryModels = FXCollections.observableArrayList();
    private final ObservableList<String> primaryNeeds = FXCollections.observableArrayList();
    private final ObservableList<Solution> solutions = FXCollections.observableArrayList();
    private final ObservableMap<EditableField, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<EditableField, String> serverErrors = FXCollections.observableHashMap();
    private final ObservableList<Change> changedByOthers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Opportunity> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final ReadOnlyObjectWrapper<Opportunity> lastSaved = new ReadOnlyObjectWrapper<>(this, "lastSaved");
    private final ReadOnlyObjectWrapper<StartVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private final BooleanProperty saved = new SimpleBooleanProperty(this, "saved");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper(this, "generalError");
    private final ReadOnlyObjectWrapper<Set<EditableField>> touched =
            new ReadOnlyObjectWrapper<>(this, "touched", Set.of());
    private final BooleanBinding canSave;
    private final BooleanBinding readyToStart;
    private Map<EditableField, Object> baseValues = Map.of();
    private boolean filling;

    public OpportunityEditModel(Services services, Background background, String opportunityId, EditScope scope,
                                Supplier<LocalDate> today) {
        this.services = Objects.requireNonNull(services);
        this.background = Objects.requireNonNull(background);
        this.opportunityId = Objects.requireNonNull(opportunityId);
        this.scope = scope == null ? EditScope.all() : scope;
        this.today = today;
        for (EditableField f : EditableField.values()) {
            if (isText(f)) {
                StringProperty p = new SimpleStringProperty(this, f.name(), "");
                p.addListener((o, a, b) -> changed(f));
                text.put(f, p);
            }
        }
        targetCloseDate.addListener((o, a, b) -> changed(EditableField.TARGET_CLOSE_DATE));
        deliveryModels.addListener((ListChangeListener<String>) c -> changed(EditableField.DELIVERY_MODELS));
        primaryNeeds.addListener((ListChangeListener<String>) c -> changed(EditableField.PRIMARY_NEEDS));
        canSave = Bindings.createBooleanBinding(() -> base.get() != null && !saving.get() && !loading.get()
                && !touched.get().isEmpty() && errors.isEmpty(), base, saving, loading, touched, errors);
        readyToStart = Bindings.createBooleanBinding(() -> saved.get() && touched.get().isEmpty()
                && verdict.get() != null && verdict.get().allowsStart(), saved, touched, verdict);
    }

    private static boolean isText(EditableField f) {
        return f != EditableField.TARGET_CLOSE_DATE && f != EditableField.DELIVERY_MODELS
                && f != EditableField.PRIMARY_NEEDS;
    }

    // --- what the editor shows ----------------------------------------------------------------------------------

    public String opportunityId() { return opportunityId; }
    public EditScope scope() { return scope; }
    /** A text-valued field (every field but the date and the two lists). */
    public StringProperty text(EditableField f) {
        StringProperty p = text.get(f);
        if (p == null) throw new IllegalArgumentException(f + " is not a text field");
        return p;
    }
    public ObjectProperty<LocalDate> targetCloseDateProperty() { return targetCloseDate; }
    public ObservableList<String> deliveryModels() { return deliveryModels; }
    public ObservableList<String> primaryNeeds() { return primaryNeeds; }
    public ObservableList<Solution> solutions() { return solutions; }
    /** What is wrong with each field: the model's constraints, then what the service said. */
    public ObservableMap<EditableField, String> errors() { return errors; }
    public ObservableList<Change> changedByOthers() { return changedByOthers; }
    public ReadOnlyObjectProperty<Opportunity> baseProperty() { return base.getReadOnlyProperty(); }
    /** The record as last saved by this editor (null before the first save). */
    public ReadOnlyObjectProperty<Opportunity> lastSavedProperty() { return lastSaved.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StartVerdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading; }
    public ReadOnlyBooleanProperty savingProperty() { return saving; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty generalErrorProperty() { return generalError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Set<EditableField>> touchedProperty() { return touched.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }
    /** Saved, nothing left unsaved, and the guard allows a start: "Start engagement" is the default action. */
    public BooleanBinding readyToStartProperty() { return readyToStart; }
    public boolean isHighlighted(EditableField f) { return scope.highlighted().contains(f); }
    /** The field to put the keyboard on first. */
    public EditableField focusField() {
        if (scope.focus() != null) return scope.focus();
        for (EditableField f : EditableField.values()) if (isEditable(f)) return f;
        return null;
    }

    /**
     * Whether the rep may change {@code f}: the scope allows it and the review status does (Submitted, In review and
     * Rejected lock everything; Action Required leaves only the listed fields; Approved locks the customer and title).
     */
    public boolean isEditable(EditableField f) {
        Opportunity o = base.get();
        if (o == null || !scope.allows(f)) return false;
        ReviewStatus s = o.lifeCycle() == null ? null : o.lifeCycle().reviewStatus();
        if (s == null || s == ReviewStatus.PENDING_SUBMISSION) return true;
        return switch (s) {
            case ACTION_REQUIRED -> EditableField.EDITABLE_WHEN_ACTION_REQUIRED.contains(f);
            case APPROVED -> !EnumSet.of(EditableField.COMPANY_NAME, EditableField.WEBSITE, EditableField.INDUSTRY,
                    EditableField.OTHER_INDUSTRY, EditableField.COUNTRY, EditableField.STATE, EditableField.POSTAL_CODE,
                    EditableField.CITY, EditableField.STREET, EditableField.TITLE).contains(f);
            default -> false;
        };
    }

    /** Why nothing can be edited (the review status), or null. */
    public String readOnlyReason() {
        Opportunity o = base.get();
        ReviewStatus s = o == null || o.lifeCycle() == null ? null : o.lifeCycle().reviewStatus();
        if (s == ReviewStatus.SUBMITTED || s == ReviewStatus.IN_REVIEW || s == ReviewStatus.REJECTED) {
            return Messages.format("edit.readOnly", o.lifeCycle().reviewStatusRaw());
        }
        return null;
    }

    // --- commands -----------------------------------------------------------------------------------------------

    /** Reads the record (and the partner's solutions) in the background. */
    public void load() {
        loading.set(true);
        status.set(Messages.get("edit.loading"));
        background.run(() -> new Loaded(services.load(opportunityId), solutionsOrNone()), l -> {
            loading.set(false);
            solutions.setAll(l.solutions());
            fill(l.opportunity(), true);
            status.set(null);
            verdict.set(null);
            background.run(() -> services.verdict(l.opportunity()), verdict::set, e -> {});
        }, e -> {
            loading.set(false);
            status.set(null);
            generalError.set(Messages.format("edit.loadFailed", message(e)));
        });
    }

    private List<Solution> solutionsOrNone() {
        try {
            return services.solutions();
        } catch (RuntimeException e) {
            return List.of(); // the editor works without the list; linking a solution then waits for a reload
        }
    }

    /** Sends the touched fields (UpdateOpportunity on the whole record); then runs the start guard again. */
    public void save() {
        if (!canSave.get()) return;
        Set<EditableField> fields = touched.get();
        OpportunityUpdate update = new OpportunityUpdate(edited(), fields);
        saving.set(true);
        generalError.set(null);
        serverErrors.clear();
        status.set(Messages.get("edit.saving"));
        background.run(() -> {
            Opportunity fresh = services.save(update);
            return new Saved(fresh, services.verdict(fresh));
        }, s -> {
            saving.set(false);
            changedByOthers.clear();
            fill(s.opportunity(), true);
            saved.set(true);
            verdict.set(s.verdict());
            status.set(s.verdict().allowsStart() ? Messages.get("edit.saved.ready")
                    : Messages.format("edit.saved.blocked", StartGuard.summary(s.verdict(),
                            Messages.bundle())));
            lastSaved.set(s.opportunity());
        }, e -> {
            saving.set(false);
            status.set(null);
            if (e instanceof PartnerCentralFailure f && f.kind() == FailureKind.CONFLICT) {
                merge();
            } else if (e instanceof PartnerCentralFailure f && f.kind() == FailureKind.VALIDATION) {
                showServerErrors(f);
            } else {
                generalError.set(Messages.format("edit.saveFailed", message(e)));
            }
        });
    }

    /**
     * Someone changed the record since it was read: load it again, list what they changed, keep the rep's edits on
     * top (their other changes come in), and let the rep save again.
     */
    private void merge() {
        Map<EditableField, Object> mine = values();
        Set<EditableField> edited = touched.get();
        Map<EditableField, Object> before = baseValues;
        loading.set(true);
        background.run(() -> services.load(opportunityId), fresh -> {
            loading.set(false);
            Map<EditableField, Object> theirs = OpportunityFields.valuesOf(fresh);
            List<Change> changes = new ArrayList<>();
            for (EditableField f : EditableField.values()) {
                if (!Objects.equals(before.get(f), theirs.get(f))) {
                    changes.add(new Change(f, shown(before.get(f)), shown(theirs.get(f)), edited.contains(f)));
                }
            }
            fill(fresh, true);
            for (EditableField f : edited) set(f, mine.get(f));
            changedByOthers.setAll(changes);
            generalError.set(Messages.get(changes.isEmpty() ? "edit.conflict.nothing" : "edit.conflict"));
        }, e -> {
            loading.set(false);
            generalError.set(Messages.format("edit.loadFailed", message(e)));
        });
    }

    private void showServerErrors(PartnerCentralFailure f) {
        List<String> general = new ArrayList<>();
        for (FieldError e : f.fieldErrors()) {
            EditableField field = EditableField.fromPath(e.fieldName());
            String t = e.message() == null || e.message().isBlank() ? e.code() : e.message();
            if (field != null) serverErrors.put(field, t);
            else general.add(e.fieldName() == null ? t : e.fieldName() + ": " + t);
        }
        if (f.fieldErrors().isEmpty()) general.add(f.getMessage());
        validate();
        generalError.set(general.isEmpty() ? Messages.get("edit.serverErrors")
                : Messages.get("edit.serverErrors") + "\n" + String.join("\n", general));
    }

    // --- internals ----------------------------------------------------------------------------------------------

    private record Loaded(Opportunity opportunity, List<Solution> solutions) {}

    private record Saved(Opportunity opportunity, StartVerdict verdict) {}

    private void fill(Opportunity o, boolean asBase) {
        filling = true;
        try {
            Map<EditableField, Object> v = OpportunityFields.valuesOf(o);
            for (EditableField f : EditableField.values()) set(f, v.get(f));
            if (asBase) {
                baseValues = v;
                base.set(o);
            }
        } finally {
            filling = false;
        }
        serverErrors.clear();
        recompute();
    }

    @SuppressWarnings("unchecked")
    private void set(EditableField f, Object value) {
        switch (f) {
            case TARGET_CLOSE_DATE -> targetCloseDate.set((LocalDate) value);
            case DELIVERY_MODELS -> deliveryModels.setAll(value == null ? List.of() : (List<String>) value);
            case PRIMARY_NEEDS -> primaryNeeds.setAll(value == null ? List.of() : (List<String>) value);
            default -> text.get(f).set(value == null ? "" : (String) value);
        }
    }

    private void changed(EditableField f) {
        if (filling) return;
        serverErrors.remove(f);
        saved.set(false);
        recompute();
    }

    private void recompute() {
        Map<EditableField, Object> now = values();
        Set<EditableField> t = EnumSet.noneOf(EditableField.class);
        for (EditableField f : EditableField.values()) {
            if (!Objects.equals(norm(now.get(f)), norm(baseValues.get(f)))) t.add(f);
        }
        touched.set(Set.copyOf(t));
        validate();
    }

    private static Object norm(Object v) {
        if (v instanceof String s) return s.strip().isEmpty() ? null : s.strip();
        if (v instanceof List<?> l) return l.isEmpty() ? null : Set.copyOf(l);
        return v;
    }

    /** Each field against the service model's constraints ({@link FieldChecks}), then what the service said. */
    private void validate() {
        Map<EditableField, String> e = FieldChecks.check(this::value, targetCloseDate.get(),
                today == null ? null : today.get(), touched.get().contains(EditableField.TARGET_CLOSE_DATE));
        // The service's word stays under its field until the rep changes that field.
        serverErrors.forEach(e::putIfAbsent);
        // Only what the rep can act on blocks the save: a locked field's old value is not theirs to fix.
        e.keySet().removeIf(f -> !isEditable(f) && !serverErrors.containsKey(f));
        if (!errors.equals(e)) {
            errors.clear();
            errors.putAll(e);
        }
    }

    private String value(EditableField f) {
        String v = text.get(f).get();
        return v == null ? "" : v.strip();
    }

    private Map<EditableField, Object> values() {
        Map<EditableField, Object> v = new EnumMap<>(EditableField.class);
        for (Map.Entry<EditableField, StringProperty> e : text.entrySet()) v.put(e.getKey(), e.getValue().get());
        v.put(EditableField.TARGET_CLOSE_DATE, targetCloseDate.get());
        v.put(EditableField.DELIVERY_MODELS, List.copyOf(deliveryModels));
        v.put(EditableField.PRIMARY_NEEDS, List.copyOf(primaryNeeds));
        return v;
    }

    /** The record as read with the rep's values in place (the gateway sends only the touched ones). */
    Opportunity edited() { return OpportunityFields.withValues(base.get(), values()); }

    private static String shown(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return v.toString();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
