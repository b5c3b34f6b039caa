package app.cosell.ui.review;

import app.cosell.engagement.ReviewChange;
import app.cosell.model.ReviewStatus;
import app.cosell.ui.common.Background;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Alerts when AWS acts on an opportunity the rep submitted: polls the change watcher every interval (the first poll
 * at once, catching up with what changed while the app was closed), keeps the "Changes since" list and the badge
 * count of changes the rep has not looked at, and hands each poll's news to the notifier. FX thread only.
 */
public final class ChangeAlertsModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    /** The watcher's side, blocking (run on the application executor). */
    public interface Watcher {
        List<ReviewChange> poll();

        /** Changes noticed before (earlier launches included), newest first. */
        List<ReviewChange> recent();

        /** The watermark before polling, or null on the first launch. */
        Instant since();
    }

    private final Watcher watcher;
    private final Background background;
    private final Supplier<Duration> interval;
    private final ResourceBundle messages;
    private final ObservableList<ReviewChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper(this, "since");
    private final ReadOnlyIntegerWrapper polls = new ReadOnlyIntegerWrapper(this, "polls");
    private Consumer<List<String>> notifier = texts -> {};
    private boolean started;
    private boolean polling;

    public ChangeAlertsModel(Watcher watcher, Background background, Duration interval, ResourceBundle messages) {
        this(watcher, background, () -> interval, messages);
    }

    /** @param interval asked before each wait, so a change in the settings applies from the next poll */
    public ChangeAlertsModel(Watcher watcher, Background background, Supplier<Duration> interval,
                             ResourceBundle messages) {
        this.watcher = watcher;
        this.background = background;
        this.interval = interval;
        this.messages = messages;
        since.set(messages.getString("alerts.none"));
    }

    /** The changes noticed, newest first. */
    public ObservableList<ReviewChange> changes() { return changes; }

    /** The badge: changes noticed since the rep last looked. */
    public ReadOnlyIntegerProperty unseenProperty() { return unseen.getReadOnlyProperty(); }

    /** Polls ended so far, well or not (tests wait for the first). */
    public ReadOnlyIntegerProperty pollsProperty() { return polls.getReadOnlyProperty(); }

    /** "Changes since <time>". */
    public ReadOnlyStringProperty sinceProperty() { return since.getReadOnlyProperty(); }

    /** Receives the text of each change of a poll that found any (a notification shows them). */
    public void setNotifier(Consumer<List<String>> notifier) { this.notifier = notifier; }

    /** Starts polling: the first poll at once, then one every interval. Once. */
    public void start() {
        if (started) return;
        started = true;
        background.run(() -> new Object[] {watcher.since(), watcher.recent()}, earlier -> {
            Instant mark = (Instant) earlier[0];
            if (mark != null) since.set(MessageFormat.format(messages.getString("alerts.since"), WHEN.format(mark)));
            @SuppressWarnings("unchecked") List<ReviewChange> recent = (List<ReviewChange>) earlier[1];
            changes.setAll(recent);
            pollNow();
        }, e -> pollNow());
    }

    /** Polls now (unless a poll runs already); the next poll follows one interval after this one ends. */
    public void pollNow() {
        if (polling) return;
        polling = true;
        background.run(watcher::poll, found -> {
            polling = false;
            polls.set(polls.get() + 1);
            if (!found.isEmpty()) {
                changes.addAll(0, found.reversed());
                unseen.set(unseen.get() + found.size());
                List<String> texts = new ArrayList<>();
                for (ReviewChange c : found) texts.add(describe(c));
                notifier.accept(texts);
            }
            next();
        }, e -> {
            polling = false;
            polls.set(polls.get() + 1);
            next(); // not connected yet, or a passing failure: try again at the next interval
        });
    }

    /** The rep looked at the list: the badge goes. */
    public void markSeen() { unseen.set(0); }

    private void next() {
        background.onFxAfter(interval.get(), this::pollNow);
    }

    /** One change in the rep's words. */
    public String describe(ReviewChange c) {
        String who = c.opportunityId();
        String company = c.customerCompanyName() == null ? "" : c.customerCompanyName();
        if (c.reviewStatusChanged()) {
            return MessageFormat.format(messages.getString("alerts.reviewStatus"), who, company,
                    status(c.reviewStatusBefore()), status(c.reviewStatusAfter()));
        }
        if (c.awsSellerChanged()) {
            return MessageFormat.format(messages.getString("alerts.awsSeller"), who, company,
                    c.awsSellerAfter() == null ? "\u2014" : c.awsSellerAfter());
        }
        return MessageFormat.format(messages.getString("alerts.awsStage"), who, company,
                c.awsStageBefore() == null ? "\u2014" : c.awsStageBefore(),
                c.awsStageAfter() == null ? "\u2014" : c.awsStageAfter());
    }

    private String status(ReviewStatus s) {
        return messages.getString("review.status." + (s == null ? "unknown" : s.name()));
    }
}
