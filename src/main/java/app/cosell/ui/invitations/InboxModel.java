package app.cosell.ui.invitations;

import app.cosell.engagement.InvitationReplies;
import app.cosell.model.ReceivedInvitation;
import app.cosell.ui.common.Background;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The AWS referrals inbox: the engagement invitations AWS sent, newest first, each completed with its detail (read
 * one at a time in the background, kept since only the status changes), filtered by status; the count of pending
 * ones for the tab's badge and of those expiring within 48 hours; the selected invitation; and a cheap poll of the
 * list alone that reports invitations which arrived since the last look. FX thread; the reads go through
 * {@link Background}.
 */
public final class InboxModel {

    /** Pending invitations expiring within this are urgent: marked in the list, announced at launch. */
    public static final Duration URGENT = Duration.ofHours(48);
    /** Pause between detail reads, so the inbox stays under the service's 10 reads per second. */
    static final Duration DETAIL_PACE = Duration.ofMillis(120);

    /** What the inbox reads (implemented over the current connection; blocking, called in the background). */
    public interface Source {
        /** Every invitation AWS sent, newest first (summary fields). */
        List<ReceivedInvitation> list();

        /** One invitation with everything it carries. */
        ReceivedInvitation detail(String invitationId);

        /** The guard's decision on accepting it now. */
        InvitationReplies.Decision checkAccept(String invitationId);

        /** The guard's decision on rejecting it now. */
        InvitationReplies.Decision checkReject(String invitationId);

        /** How often to look for new invitations. */
        default Duration pollEvery() { return Duration.ofMinutes(1); }
    }

    private final Source source;
    private final Background background;
    private final Clock clock;
    private final ObservableList<ReceivedInvitation> all = FXCollections.observableArrayList();
    private final FilteredList<ReceivedInvitation> shown = new FilteredList<>(all, i -> true);
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObjectProperty<ReceivedInvitation> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount");
    private final ReadOnlyIntegerWrapper urgentCount = new ReadOnlyIntegerWrapper(this, "urgentCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final IntegerProperty loads = new SimpleIntegerProperty(this, "loads");
    private final ReadOnlyObjectWrapper<List<ReceivedInvitation>> expiringAtLaunch =
            new ReadOnlyObjectWrapper<>(this, "expiringAtLaunch", List.of());
    private final Map<String, ReceivedInvitation> details = new HashMap<>();
    private Set<String> known;
    private Consumer<List<ReceivedInvitation>> onArrived = l -> {};
    private Consumer<List<ReceivedInvitation>> onExpiringSoon = l -> {};
    private Duration pollEvery;
    private boolean polling;

    /** The inbox's source (its poll interval). */
    public Source source() { return source; }

    public InboxModel(Source source, Background background, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        statusFilter.addListener((o, a, b) -> shown.setPredicate(i -> b == null || b.equals(i.status())));
    }

    public FilteredList<ReceivedInvitation> shown() { return shown; }
    public ObservableList<ReceivedInvitation> all() { return all; }
    /** The status shown, or null for all. */
    public ObjectProperty<String> statusFilterProperty() { return statusFilter; }
    public ObjectProperty<ReceivedInvitation> selectedProperty() { return selected; }
    public ReadOnlyIntegerProperty pendingCountProperty() { return pendingCount.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty urgentCountProperty() { return urgentCount.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** The last read's failure, or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure.getReadOnlyProperty(); }
    /** The pending invitations the first load found expiring within {@link #URGENT} (announced once). */
    public ReadOnlyObjectProperty<List<ReceivedInvitation>> expiringAtLaunchProperty() {
        return expiringAtLaunch.getReadOnlyProperty();
    }
    /** Counts completed list reads (tests wait on it). */
    public IntegerProperty loadsProperty() { return loads; }

    /** Told of invitations that arrived while the app runs (after the first load), newest first. */
    public void setOnArrived(Consumer<List<ReceivedInvitation>> listener) { this.onArrived = Objects.requireNonNull(listener); }

    /** Told once, after the first load, of the pending invitations expiring within {@link #URGENT}. */
    public void setOnExpiringSoon(Consumer<List<ReceivedInvitation>> listener) {
        this.onExpiringSoon = Objects.requireNonNull(listener);
    }

    /** Reads the list again (and the details not read yet). */
    public void refresh() {
        if (loading.get()) return;
        loading.set(true);
        Set<String> have = new HashSet<>(details.keySet());
        background.run(() -> {
            List<ReceivedInvitation> list = source.list();
            Map<String, ReceivedInvitation> read = new HashMap<>();
            boolean first = true;
            for (ReceivedInvitation i : list) {
                if (have.contains(i.id())) continue;
                if (!first) Thread.sleep(DETAIL_PACE.toMillis());
                first = false;
                read.put(i.id(), source.detail(i.id()));
            }
            return new Loaded(list, read);
        }, this::show, e -> {
            loading.set(false);
            failure.set(e);
            schedulePoll();
        });
    }

    private record Loaded(List<ReceivedInvitation> list, Map<String, ReceivedInvitation> details) {}

    private void show(Loaded loaded) {
        loading.set(false);
        failure.set(null);
        details.putAll(loaded.details());
        List<ReceivedInvitation> merged = new ArrayList<>();
        for (ReceivedInvitation summary : loaded.list()) {
            ReceivedInvitation d = details.get(summary.id());
            merged.add(d == null ? summary : d.withStatus(summary.status()));
        }
        String selectedId = selected.get() == null ? null : selected.get().id();
        all.setAll(merged);
        if (selectedId != null) {
            selected.set(merged.stream().filter(i -> i.id().equals(selectedId)).findFirst().orElse(null));
        }
        recount();
        boolean firstLoad = known == null;
        Set<String> ids = new HashSet<>();
        merged.forEach(i -> ids.add(i.id()));
        List<ReceivedInvitation> arrived = firstLoad ? List.of()
                : merged.stream().filter(i -> !known.contains(i.id()) && i.isPending()).toList();
        known = ids;
        loads.set(loads.get() + 1);
        if (firstLoad) {
            List<ReceivedInvitation> soon = merged.stream().filter(this::isUrgent)
                    .sorted(Comparator.comparing(ReceivedInvitation::expirationDate)).toList();
            expiringAtLaunch.set(soon);
            if (!soon.isEmpty()) onExpiringSoon.accept(soon);
        } else if (!arrived.isEmpty()) {
            onArrived.accept(arrived);
        }
        schedulePoll();
    }

    private void recount() {
        pendingCount.set((int) all.stream().filter(i -> i.isPending() && !i.hasLapsed(clock.instant())).count());
        urgentCount.set((int) all.stream().filter(this::isUrgent).count());
    }

    /** Looks for new invitations every {@code every} (the list read only; details of new ones follow). */
    public void startPolling(Duration every) {
        this.pollEvery = Objects.requireNonNull(every);
        if (!polling) {
            polling = true;
            schedulePoll();
        }
    }

    public void stopPolling() { polling = false; }

    private void schedulePoll() {
        if (!polling || pollEvery == null) return;
        Duration every = pollEvery;
        // One pending look at a time: each look schedules the next when it ends.
        background.onFxAfter(every, () -> { if (polling && !loading.get()) refresh(); });
    }

    /** Pending and expiring within {@link #URGENT} (not yet lapsed). */
    public boolean isUrgent(ReceivedInvitation i) {
        return i.expiresWithin(URGENT, clock.instant()) && !i.hasLapsed(clock.instant());
    }

    /** The time left to answer, for the countdown column: "3d 4h", "20h 5m", "12m"; empty when not pending. */
    public String countdown(ReceivedInvitation i) {
        Duration left = i.timeLeft(clock.instant());
        if (left == null) return "";
        long days = left.toDays();
        if (days > 0) return days + "d " + left.toHoursPart() + "h";
        if (left.toHours() > 0) return left.toHoursPart() + "h " + left.toMinutesPart() + "m";
        return left.toMinutesPart() + "m";
    }

    /** Whether the selected invitation can be answered (pending, not lapsed): Accept and Reject are enabled. */
    public boolean canAnswer(ReceivedInvitation i) {
        return i != null && i.isPending() && !i.hasLapsed(clock.instant());
    }

    /** Asks the guard whether {@code i} may be accepted now; the decision comes back on the FX thread. */
    public void checkAccept(ReceivedInvitation i, Consumer<InvitationReplies.Decision> then, Consumer<Throwable> failed) {
        background.run(() -> source.checkAccept(i.id()), then, failed);
    }

    /** Asks the guard whether {@code i} may be rejected now. */
    public void checkReject(ReceivedInvitation i, Consumer<InvitationReplies.Decision> then, Consumer<Throwable> failed) {
        background.run(() -> source.checkReject(i.id()), then, failed);
    }

    /** The time now, by the model's clock (the view's countdown). */
    public Clock clock() { return clock; }
}
