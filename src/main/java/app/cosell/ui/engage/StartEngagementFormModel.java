package app.cosell.ui.engage;

import app.cosell.engagement.TrackingPause;
import app.cosell.model.Catalog;
import app.cosell.model.EditableField;
import app.cosell.model.FailureKind;
import app.cosell.model.FieldError;
import app.cosell.model.InvolvementType;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.StartVerdict;
import app.cosell.model.Tag;
import app.cosell.model.TaskProgress;
import app.cosell.model.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The state of the Start-engagement form for one opportunity: AWS involvement, visibility and tags, validated as
 * the service validates them ({@link Tag#check}) on every change; the request it builds, its AWS CLI and
 * {@code --cli-input-json} renderings; the service's field errors mapped back onto the fields; and the draft that
 * survives closing the dialog; and the form's decisions: why Start is off, what a blocked start offers, whether the
 * service took a start, and where a refused one goes. No controls here, so a plain unit test covers it.
 */
public final class StartEngagementFormModel {

    /** One editable tag row, with what is wrong with its key and value (as the rep types, and as the service said). */
    public static final class TagRow {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");
        private final ReadOnlyObjectWrapper<Tag.Problem> keyProblem = new ReadOnlyObjectWrapper<>(this, "keyProblem");
        private final ReadOnlyObjectWrapper<Tag.Problem> valueProblem = new ReadOnlyObjectWrapper<>(this, "valueProblem");
        private final StringProperty keyServerError = new SimpleStringProperty(this, "keyServerError");
        private final StringProperty valueServerError = new SimpleStringProperty(this, "valueServerError");

        public TagRow(String key, String value) {
            this.key.set(key == null ? "" : key);
            this.value.set(value == null ? "" : value);
            // The service's verdict on a field no longer holds once the rep edits it.
            this.key.addListener((o, a, b) -> keyServerError.set(null));
            this.value.addListener((o, a, b) -> valueServerError.set(null));
        }

        public StringProperty keyProperty() { return key; }
        public StringProperty valueProperty() { return value; }
        public ReadOnlyObjectProperty<Tag.Problem> keyProblemProperty() { return keyProblem.getReadOnlyProperty(); }
        public ReadOnlyObjectProperty<Tag.Problem> valueProblemProperty() { return valueProblem.getReadOnlyProperty(); }
        public StringProperty keyServerErrorProperty() { return keyServerError; }
        public StringProperty valueServerErrorProperty() { return valueServerError; }

        public Tag toTag() { return new Tag(key.get(), value.get()); }
    }

    /** Why Start is off, the first thing to fix: no involvement, the tag list, a tag row (1-based), or else. */
    public enum BlockCause { INVOLVEMENT, TAG_LIST, TAG, OTHER }

    /** Why Start is off; {@code problem} and {@code row} (1-based) for the tag causes. */
    public record StartBlock(BlockCause cause, Tag.Problem problem, int row) {}

    /**
     * What a start the guard blocks offers besides its reasons: showing the task already running, else "Fix it" on
     * the first reason's field the editor can fix ({@code fixIt}), else nothing.
     */
    public record BlockedOffer(boolean showRunningTask, EditableField fixIt) {

        public static BlockedOffer of(StartVerdict verdict) {
            if (verdict.isTaskRunning()) return new BlockedOffer(true, null);
            for (StartVerdict.Reason r : verdict.reasons()) if (r.editable() != null) return new BlockedOffer(false, r.editable());
            return new BlockedOffer(false, null);
        }
    }

    /** What the service made of a start so far: no answer yet, taken (followed by the progress view), or refused. */
    public enum StartAnswer { WAITING, TAKEN, REFUSED }

    private static final Pattern TAG_FIELD = Pattern.compile("Tags\\[(\\d+)]\\.(Key|Value)");

    private final Catalog catalog;
    private final String opportunityId;
    private final String customerName;
    private final String projectTitle;
    private final AwsCliText.Target target;
    private final FormDrafts drafts;
    private final Supplier<String> tokens;

    private final ObjectProperty<InvolvementType> involvementType =
            new SimpleObjectProperty<>(this, "involvementType", InvolvementType.CO_SELL);
    private final ObjectProperty<Visibility> visibility = new SimpleObjectProperty<>(this, "visibility", Visibility.FULL);
    private final ObservableList<TagRow> tags = FXCollections.observableArrayList(
            row -> new Observable[] {row.keyProperty(), row.valueProperty()});
    private final ReadOnlyObjectWrapper<Tag.Problem> listProblem = new ReadOnlyObjectWrapper<>(this, "listProblem");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final StringProperty involvementServerError = new SimpleStringProperty(this, "involvementServerError");
    private final StringProperty visibilityServerError = new SimpleStringProperty(this, "visibilityServerError");
    private final StringProperty tagsServerError = new SimpleStringProperty(this, "tagsServerError");
    private final StringProperty generalServerError = new SimpleStringProperty(this, "generalServerError");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding canStart;
    /** The start guard's verdicts per involvement (null while being checked). */
    private final ObjectProperty<Map<InvolvementType, StartVerdict>> verdicts =
            new SimpleObjectProperty<>(this, "verdicts");
    private final ObjectBinding<StartVerdict> verdict;
    private final BooleanBinding canAddTag;
    private final ReadOnlyObjectWrapper<StartBlock> startBlock = new ReadOnlyObjectWrapper<>(this, "startBlock");
    private String clientToken;

    /**
     * @param target where the CLI rendering points (region, endpoint override, profile)
     * @param tokens makes the client token shown in the CLI and JSON renderings
     */
    public StartEngagementFormModel(Catalog catalog, String opportunityId, String customerName, String projectTitle,
                                    AwsCliText.Target target, FormDrafts drafts, Supplier<String> tokens) {
        this.catalog = Objects.requireNonNull(catalog);
        this.opportunityId = Objects.requireNonNull(opportunityId);
        this.customerName = customerName;
        this.projectTitle = projectTitle;
        this.target = target;
        this.drafts = drafts;
        this.tokens = tokens;
        this.clientToken = tokens.get();

        tags.addListener((ListChangeListener<TagRow>) c -> {
            tagsServerError.set(null);
            validate();
        });
        involvementType.addListener((o, a, b) -> { involvementServerError.set(null); validate(); });
        visibility.addListener((o, a, b) -> visibilityServerError.set(null));
        verdict = Bindings.createObjectBinding(() -> verdicts.get() == null || involvementType.get() == null ? null
                : verdicts.get().get(involvementType.get()), verdicts, involvementType);
        // Nothing is sent before the guard has answered, nor when it says the start would fail.
        canStart = valid.and(busy.not()).and(Bindings.createBooleanBinding(
                () -> verdict.get() != null && verdict.get().allowsStart(), verdict));
        canAddTag = Bindings.size(tags).lessThan(Tag.MAX_TAGS).and(busy.not());

        canStart.addListener((o, a, b) -> updateStartBlock());
        busy.addListener((o, a, b) -> updateStartBlock());

        drafts.find(draftKey()).ifPresent(this::restore);
        validate();
    }

    // --- what the form shows -------------------------------------------------------------------------------

    public Catalog catalog() { return catalog; }
    public String opportunityId() { return opportunityId; }
    public String customerName() { return customerName; }
    public String projectTitle() { return projectTitle; }
    public boolean needsProductionConfirmation() { return catalog.isProduction(); }

    public ObjectProperty<InvolvementType> involvementTypeProperty() { return involvementType; }
    public ObjectProperty<Visibility> visibilityProperty() { return visibility; }
    public ObservableList<TagRow> tags() { return tags; }
    /** {@link Tag.Problem#TOO_MANY_TAGS} when the list is longer than the service takes, else null. */
    public ReadOnlyObjectProperty<Tag.Problem> listProblemProperty() { return listProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public boolean isValid() { return valid.get(); }
    public StringProperty involvementServerErrorProperty() { return involvementServerError; }
    public StringProperty visibilityServerErrorProperty() { return visibilityServerError; }
    public StringProperty tagsServerErrorProperty() { return tagsServerError; }
    /** The service's complaint about something the form has no field for (or without a field name). */
    public StringProperty generalServerErrorProperty() { return generalServerError; }
    /** True while the start call is on its way: the form is read-only then. */
    public BooleanProperty busyProperty() { return busy; }
    public BooleanBinding canStartProperty() { return canStart; }
    /** The guard's verdict for the chosen involvement; null while it is being checked. */
    public ObjectBinding<StartVerdict> verdictProperty() { return verdict; }
    /** Takes the guard's answer (FX thread). */
    public void setVerdicts(Map<InvolvementType, StartVerdict> byInvolvement) {
        verdicts.set(byInvolvement == null ? null : Map.copyOf(byInvolvement));
    }
    public BooleanBinding canAddTagProperty() { return canAddTag; }
    /** Why Start is off (the first thing to fix); null when it is on or the start is under way. */
    public ReadOnlyObjectProperty<StartBlock> startBlockProperty() { return startBlock.getReadOnlyProperty(); }

    // --- commands ------------------------------------------------------------------------------------------

    public TagRow addTag() {
        TagRow row = new TagRow("", "");
        tags.add(row);
        return row;
    }

    public void removeTag(TagRow row) { tags.remove(row); }

    /** The request the form stands for; only when {@link #isValid()}. */
    public StartEngagementRequest request() {
        if (!isValid()) throw new IllegalStateException("The form is not valid");
        return new StartEngagementRequest(catalog, opportunityId, involvementType.get(), visibility.get(),
                tags.stream().map(TagRow::toTag).toList());
    }

    /** The client token the CLI and JSON renderings carry (a fresh one per form, like a new submission). */
    public String clientToken() { return clientToken; }

    public String cliCommand() { return AwsCliText.command(request(), clientToken, target); }

    public String cliInputJson() { return AwsCliText.cliInputJson(request(), clientToken); }

    /** Keeps what the rep entered, to be found again when the form for this opportunity opens next. */
    public void saveDraft() { drafts.put(draftKey(), draft()); }

    /** The task started: the draft has served its purpose. */
    public void discardDraft() { drafts.remove(draftKey()); }

    public FormDraft draft() {
        return new FormDraft(involvementType.get(), visibility.get(), tags.stream().map(TagRow::toTag).toList());
    }

    /**
     * Puts the service's field errors of a failed start onto the fields they name ({@code AwsSubmission.InvolvementType},
     * {@code Tags[3].Key}, ...); anything else goes to the general error. Returns whether the failure named fields.
     */
    public boolean applyFailure(PartnerCentralFailure failure) {
        clearServerErrors();
        List<String> general = new ArrayList<>();
        for (FieldError e : failure.fieldErrors()) {
            String field = e.fieldName() == null ? "" : e.fieldName().trim();
            String text = e.message() == null || e.message().isBlank() ? e.code() : e.message();
            Matcher m = TAG_FIELD.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < tags.size()) {
                TagRow row = tags.get(Integer.parseInt(m.group(1)));
                (m.group(2).equals("Key") ? row.keyServerErrorProperty() : row.valueServerErrorProperty()).set(text);
            } else if (field.equals("AwsSubmission.InvolvementType") || field.equals("AwsSubmission")) {
                involvementServerError.set(text);
            } else if (field.equals("AwsSubmission.Visibility")) {
                visibilityServerError.set(text);
            } else if (field.equals("Tags") || field.startsWith("Tags[")) {
                tagsServerError.set(text);
            } else {
                general.add(field.isEmpty() ? text : field + ": " + text);
            }
        }
        if (failure.fieldErrors().isEmpty() && failure.getMessage() != null) general.add(failure.getMessage());
        generalServerError.set(general.isEmpty() ? null : String.join("\n", general));
        return !failure.fieldErrors().isEmpty();
    }

    /** Where a refused start goes: its field errors onto the form, the running task, or the progress view. */
    public enum RefusalRoute { FIELDS, RUNNING_TASK, PROGRESS }

    /** Decides where a refused start goes (the form's decision, kept out of the view). */
    public RefusalRoute routeOf(PartnerCentralFailure failure) {
        if (failure == null) return RefusalRoute.PROGRESS;
        if (failure.kind() == FailureKind.CONFLICT && failure.getMessage() != null
                && failure.getMessage().toLowerCase(Locale.ROOT).contains("already in progress")) {
            return RefusalRoute.RUNNING_TASK;
        }
        return failure.kind() == FailureKind.VALIDATION ? RefusalRoute.FIELDS : RefusalRoute.PROGRESS;
    }

    /**
     * Whether the service took a start ({@code latest}: the task's last snapshot, null before any): accepted, or sent
     * but not confirmed yet (the runner re-sends it by itself), so the progress view follows it from here; refused
     * when it stopped running without either; else still waiting.
     */
    public static StartAnswer answerOf(TaskProgress latest, boolean running) {
        if (latest != null && (latest.taskId() != null || TrackingPause.of(latest).isPresent())) return StartAnswer.TAKEN;
        return running ? StartAnswer.WAITING : StartAnswer.REFUSED;
    }

    /** The service took the start: the form is done with, and so is its draft. */
    public void taken() { discardDraft(); }

    /**
     * The service refused the start: field errors go onto the fields (the form stays), the draft is kept when the
     * progress view takes over (it shows the advice and a retry). Returns where the refusal goes.
     */
    public RefusalRoute refused(PartnerCentralFailure failure) {
        busy.set(false);
        RefusalRoute route = routeOf(failure);
        if (route == RefusalRoute.FIELDS) applyFailure(failure);
        if (route == RefusalRoute.PROGRESS) saveDraft();
        return route;
    }

    public void clearServerErrors() {
        involvementServerError.set(null);
        visibilityServerError.set(null);
        tagsServerError.set(null);
        generalServerError.set(null);
        for (TagRow row : tags) {
            row.keyServerErrorProperty().set(null);
            row.valueServerErrorProperty().set(null);
        }
    }

    // --- internals -----------------------------------------------------------------------------------------

    private String draftKey() { return FormDrafts.key(catalog.wire(), opportunityId); }

    private void restore(FormDraft d) {
        if (d.involvementType() != null) involvementType.set(d.involvementType());
        visibility.set(d.visibility());
        tags.setAll(d.tags().stream().map(t -> new TagRow(t.key(), t.value())).toList());
    }

    private void validate() {
        List<Tag> current = tags.stream().map(TagRow::toTag).toList();
        List<Tag.Violation> violations = Tag.check(current);
        Tag.Problem list = null;
        Tag.Problem[] keys = new Tag.Problem[tags.size()];
        Tag.Problem[] values = new Tag.Problem[tags.size()];
        for (Tag.Violation v : violations) {
            if (v.index() < 0) list = v.problem();
            else if (v.problem().name().startsWith("KEY_")) keys[v.index()] = v.problem();
            else values[v.index()] = v.problem();
        }
        for (int i = 0; i < tags.size(); i++) {
            tags.get(i).keyProblem.set(keys[i]);
            tags.get(i).valueProblem.set(values[i]);
        }
        listProblem.set(list);
        valid.set(violations.isEmpty() && involvementType.get() != null);
        updateStartBlock();
    }

    private void updateStartBlock() {
        if (canStart == null) return;
        startBlock.set(canStart.get() || busy.get() ? null : firstBlock());
    }

    private StartBlock firstBlock() {
        if (involvementType.get() == null) return new StartBlock(BlockCause.INVOLVEMENT, null, 0);
        if (listProblem.get() != null) return new StartBlock(BlockCause.TAG_LIST, listProblem.get(), 0);
        for (int i = 0; i < tags.size(); i++) {
            TagRow r = tags.get(i);
            Tag.Problem p = r.keyProblem.get() != null ? r.keyProblem.get() : r.valueProblem.get();
            if (p != null) return new StartBlock(BlockCause.TAG, p, i + 1);
        }
        return new StartBlock(BlockCause.OTHER, null, 0);
    }
}
