package app.cosell.ui.review;

import app.cosell.engagement.ReviewReport;
import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.Opportunity;
import app.cosell.model.ReviewStatus;
import app.cosell.ui.common.Background;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The review panel's state: AWS's review of one opportunity and AWS's view of the deal, in the rep's words. While
 * AWS has not decided (Submitted, In review), and after "Fix in the app" until the opportunity is back in review, it
 * reads the review again every {@code followEvery}, so the panel reaches AWS's decision without the rep pressing
 * anything. FX thread only; reads go through the {@link Background}.
 */
public final class ReviewPanelModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final ReviewSource source;
    private final Background background;
    private final Duration followEvery;
    private final ResourceBundle messages;
    private final FixRequest fixRequest;

    private final ReadOnlyObjectWrapper<ReviewReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper fixable = new ReadOnlyBooleanWrapper(this, "fixable");
    private String opportunityId;
    /** Changes with every new opportunity shown, so answers and follow-ups for an earlier one are dropped. */
    private long generation;
    private boolean followScheduled;
    /** The wait before the next read: doubles while nothing changes (up to 12 × followEvery), so a review that
     *  stays put (a seeded one, or AWS taking days) costs little; back to followEvery when it moves. */
    private Duration followWait;
    private ReviewStatus lastFollowed;
    private boolean fixRequested;

    public ReviewPanelModel(ReviewSource source, Background background, Duration followEvery, ResourceBundle messages,
                            FixRequest fixRequest) {
        this.source = source;
        this.background = background;
        this.followEvery = followEvery;
        this.followWait = followEvery;
        this.messages = messages;
        this.fixRequest = fixRequest;
    }

    public ReadOnlyObjectProperty<ReviewReport> reportProperty() { return report.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    /** The failure of the last read in words, or null. */
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    /** Whether "Fix in the app" is offered (Action Required). */
    public ReadOnlyBooleanProperty fixableProperty() { return fixable.getReadOnlyProperty(); }

    public String opportunityId() { return opportunityId; }

    /** Shows the review of the opportunity {@code id} (reads it). */
    public void show(String id) {
        start(id);
        load(generation);
    }

    /**
     * Shows the review of a record read just now (the detail pane's): its review at once, AWS's view after one read
     * (none while it was never submitted).
     */
    public void show(Opportunity record) {
        start(record.id());
        ReviewReport fromRecord = ReviewReport.of(record, null);
        set(fromRecord);
        if (fromRecord.reviewStatus() == null || fromRecord.reviewStatus() == ReviewStatus.PENDING_SUBMISSION) {
            return;
        }
        long asked = generation;
        loading.set(true);
        background.run(() -> source.awsSummary(record.id()), aws -> {
            if (asked != generation) return;
            loading.set(false);
            ReviewReport r = ReviewReport.of(record, aws);
            set(r);
            if (r.underReview()) follow(asked);
        }, e -> failed(asked, e));
    }

    /** Shows nothing (no opportunity selected). */
    public void clear() {
        start(null);
        set(null);
    }

    /** Reads the review again now. */
    public void refresh() {
        if (opportunityId != null) load(generation);
    }

    /** "Fix in the app": the editor opens on the editable fields, focused on those AWS named; then the panel follows. */
    public void fix() {
        ReviewReport r = report.get();
        if (r == null || r.reviewStatus() != ReviewStatus.ACTION_REQUIRED) return;
        fixRequested = true;
        fixRequest.fix(r.opportunityId(), r.editableFields(), r.fieldsToFix());
        follow(generation);
    }

    private void start(String id) {
        generation++;
        opportunityId = id;
        followScheduled = false;
        fixRequested = false;
        followWait = followEvery;
        lastFollowed = null;
        loading.set(false);
        failure.set(null);
    }

    private void load(long asked) {
        String id = opportunityId;
        loading.set(true);
        background.run(() -> source.report(id), r -> {
            if (asked != generation) return;
            loading.set(false);
            failure.set(null);
            if (r.reviewStatus() != ReviewStatus.ACTION_REQUIRED) fixRequested = false;
            set(r);
            if (r.underReview() || fixRequested) follow(asked);
        }, e -> failed(asked, e));
    }

    private void failed(long asked, Throwable e) {
        if (asked != generation) return;
        loading.set(false);
        failure.set(MessageFormat.format(messages.getString("review.failed"), e.getMessage()));
        // A passing failure (network, throttling) must not stop the panel from following the review.
        ReviewReport r = report.get();
        if (r != null && (r.underReview() || fixRequested)) follow(asked);
    }

    private void set(ReviewReport r) {
        report.set(r);
        fixable.set(r != null && r.reviewStatus() == ReviewStatus.ACTION_REQUIRED);
    }

    private void follow(long asked) {
        if (followScheduled) return;
        followScheduled = true;
        ReviewReport now = report.get();
        ReviewStatus status = now == null ? null : now.reviewStatus();
        if (lastFollowed != null && lastFollowed == status) {
            Duration doubled = followWait.multipliedBy(2);
            Duration cap = followEvery.multipliedBy(12);
            followWait = doubled.compareTo(cap) > 0 ? cap : doubled;
        } else {
            followWait = followEvery;
        }
        lastFollowed = status;
        background.onFxAfter(followWait, () -> {
            if (asked != generation) return;
            followScheduled = false;
            load(asked);
        });
    }

    // ---- what the view shows, in the rep's words ------------------------------------------------------------

    public String statusText() {
        ReviewReport r = report.get();
        return r == null ? "" : r.statusText(messages);
    }

    public String sinceText() {
        ReviewReport r = report.get();
        Instant at = r == null ? null : r.statusDate();
        return at == null ? "" : MessageFormat.format(messages.getString("review.since"), WHEN.format(at));
    }

    public String statusStyle() {
        ReviewReport r = report.get();
        return r == null || r.reviewStatus() == null ? "review-unknown"
                : "review-" + r.reviewStatus().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String comments() { return text(report.get() == null ? null : report.get().reviewComments()); }

    public String reason() { return text(report.get() == null ? null : report.get().reviewStatusReason()); }

    /** The fields AWS's comments name, as the rep reads them ("Customer website, Business problem"). */
    public String fieldsToFix() {
        ReviewReport r = report.get();
        if (r == null || r.fieldsToFix().isEmpty()) return "";
        return r.fieldsToFix().stream().map(this::fieldName).collect(Collectors.joining(", "));
    }

    public String whatHappensNext() {
        ReviewReport r = report.get();
        return r == null ? "" : r.whatHappensNext(messages);
    }

    public boolean hasAwsView() { return report.get() != null && report.get().aws() != null; }

    public String sellerText() {
        ReviewReport r = report.get();
        AwsOpportunitySummary.AwsTeamMember seller = r == null ? null : r.awsSeller();
        if (seller == null) return messages.getString("review.seller.none");
        return seller.name() + (seller.businessTitle() == null ? "" : " (" + seller.businessTitle() + ")");
    }

    /** The AWS seller's e-mail (for "Copy e-mail"), or "". */
    public String sellerEmail() {
        ReviewReport r = report.get();
        AwsOpportunitySummary.AwsTeamMember seller = r == null ? null : r.awsSeller();
        return seller == null || seller.email() == null ? "" : seller.email();
    }

    /** The rest of AWS's team, one per line ("Name <e-mail>"). */
    public List<String> otherTeam() {
        ReviewReport r = report.get();
        if (r == null || r.aws() == null || r.aws().team().size() < 2) return List.of();
        return r.aws().team().stream().skip(1).map(m -> m.name() + " <" + m.email() + ">").toList();
    }

    public String awsStage() { return aws(a -> a.awsStage()); }

    public String engagementScore() { return aws(a -> a.engagementScore()); }

    public String nextBestActions() { return aws(a -> a.nextBestActions()); }

    public String nextSteps() {
        ReviewReport r = report.get();
        if (r == null || r.aws() == null) return "";
        StringBuilder text = new StringBuilder(text(r.aws().nextSteps()));
        for (AwsOpportunitySummary.NextStep step : r.aws().nextStepsHistory()) {
            if (step.value() == null || step.value().equals(r.aws().nextSteps())) continue;
            if (!text.isEmpty()) text.append('\n');
            text.append(step.time() == null ? "" : WHEN.format(step.time()) + " \u2014 ").append(step.value());
        }
        return text.toString();
    }

    public String involvement() {
        ReviewReport r = report.get();
        if (r == null || r.aws() == null || r.aws().involvementType() == null) return "";
        AwsOpportunitySummary a = r.aws();
        return a.involvementTypeChangeReason() == null ? a.involvementType()
                : MessageFormat.format(messages.getString("review.involvementChanged"), a.involvementType(),
                a.involvementTypeChangeReason());
    }

    private String aws(Function<AwsOpportunitySummary, String> field) {
        ReviewReport r = report.get();
        return r == null || r.aws() == null ? "" : text(field.apply(r.aws()));
    }

    private String fieldName(String path) {
        String key = "review.field." + path;
        return messages.containsKey(key) ? messages.getString(key) : path;
    }

    private static String text(String s) { return s == null ? "" : s; }
}
