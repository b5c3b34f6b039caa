package app.cosell.ui.history;

import app.cosell.files.AtomicFile;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.EngagementState;
import app.cosell.ui.common.TaskHistoryFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The history screen: every task of the persisted history (newest first), a status filter, and CSV export of what
 * the filter shows.
 */
public final class HistoryModel {

    /** The status filter: everything, or tasks in one state. */
    public enum StatusFilter {
        ALL, RUNNING, ENGAGED, FAILED;

        boolean accepts(TaskProgress t) {
            EngagementState s = EngagementState.of(t);
            return switch (this) {
                case ALL -> true;
                case RUNNING -> s == EngagementState.RUNNING || s == EngagementState.STARTING;
                case ENGAGED -> s == EngagementState.ENGAGED;
                case FAILED -> s == EngagementState.FAILED;
            };
        }
    }

    static final List<String> CSV_HEADER = List.of("local_id", "requested_at", "opportunity_id", "customer", "catalog",
            "involvement_type", "visibility", "tags", "status", "step", "task_id", "engagement_id",
            "engagement_invitation_id", "resource_snapshot_job_id", "reason_code", "message");

    private final TaskHistoryFeed feed;
    private final Background background;
    private final ObservableList<TaskProgress> tasks = FXCollections.observableArrayList();
    private final FilteredList<TaskProgress> shown = new FilteredList<>(tasks);
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.ALL);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private Function<String, String> customerOf = id -> null;
    private final Map<String, Optional<String>> customers = new HashMap<>();

    public HistoryModel(TaskHistoryFeed feed, Background background) {
        this.feed = feed;
        this.background = background;
        statusFilter.addListener((o, was, now) -> shown.setPredicate(now == null || now == StatusFilter.ALL ? null : now::accepts));
    }

    public ObservableList<TaskProgress> shownTasks() { return shown; }

    public ObjectProperty<StatusFilter> statusFilterProperty() { return statusFilter; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    /** How the history learns a task's customer (tasks keep only the opportunity id): the loaded list, by id. */
    public void setCustomerNames(Function<String, String> customerOf) {
        this.customerOf = customerOf == null ? id -> null : customerOf;
    }

    /** The customer of {@code t}'s opportunity when known, else null. */
    public String customerOf(TaskProgress t) {
        return t.request() == null ? null : customerOfId(t.request().opportunityId());
    }

    /** Looked up once per opportunity and reload (the list may hold 100,000 rows). */
    private String customerOfId(String id) {
        return customers.computeIfAbsent(id, k -> Optional.ofNullable(customerOf.apply(k))).orElse(null);
    }

    /** Reads the history again (in the background). */
    public void reload(Consumer<Throwable> onFailure) {
        loading.set(true);
        background.run(feed::all, all -> {
            loading.set(false);
            customers.clear();
            tasks.setAll(all);
        }, e -> {
            loading.set(false);
            onFailure.accept(e);
        });
    }

    /** The tasks the filter shows, as CSV (RFC 4180, header row). */
    public String csv() { return csv(List.copyOf(shown), this::customerOfId); }

    static String csv(List<TaskProgress> rows) { return csv(rows, id -> null); }

    static String csv(List<TaskProgress> rows, Function<String, String> customerOf) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (TaskProgress t : rows) {
                TaskStep step = TaskRows.currentStep(t);
                String opportunity = t.request() == null ? null : t.request().opportunityId();
                String tags = t.request() == null ? null : t.request().tags().stream()
                        .map(tag -> tag.key() + "=" + tag.value()).collect(Collectors.joining("; "));
                printer.printRecord(Arrays.asList(t.localId(), t.requestedAt(), opportunity,
                                opportunity == null ? null : customerOf.apply(opportunity),
                                t.request() == null ? null : t.request().catalog().wire(),
                                t.request() == null ? null : t.request().involvementType().wire(),
                                t.request() == null || t.request().visibility() == null ? null : t.request().visibility().wire(),
                                tags, t.status() != null ? t.status() : t.failure() != null ? "NOT_STARTED" : null,
                                step == null ? null : step.operation(), t.taskId(), t.engagementId(),
                                t.engagementInvitationId(), t.resourceSnapshotJobId(),
                                t.reasonCode() != null ? t.reasonCode() : t.failure() == null ? null
                                        : t.failure().errorCode() != null ? t.failure().errorCode() : t.failure().kind().name(),
                                t.message() != null ? t.message() : t.failure() == null ? null : t.failure().message())
                        .stream().map(HistoryModel::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /**
     * A cell's text, safe to open in a spreadsheet: one starting with = + - @ (or a tab or carriage return, which some
     * spreadsheets skip before looking) would be run as a formula, so it gets a leading apostrophe, which shows it as
     * text. Customer names and tags are typed by people; this matters.
     */
    static String cell(Object value) {
        if (value == null) return null;
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) return "'" + s;
        return s;
    }

    /** Writes {@link #csv()} to {@code file} in the background (atomically: a half-written file never appears). */
    public void export(Path file, Runnable onDone, Consumer<Throwable> onFailure) {
        String content = csv();
        background.run(() -> {
            AtomicFile.write(file, temp -> Files.writeString(temp, content, StandardCharsets.UTF_8));
            return file;
        }, f -> onDone.run(), onFailure);
    }
}
