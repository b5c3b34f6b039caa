package app.cosell.engagement;

import app.cosell.engagement.ChangeWatchStore.Seen;
import app.cosell.engagement.ChangeWatchStore.WatchState;
import app.cosell.model.AwsOpportunitySummary;
import app.cosell.model.FailureKind;
import app.cosell.model.OpportunityPage;
import app.cosell.model.OpportunityQuery;
import app.cosell.model.OpportunitySortKey;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.ReviewStatus;
import app.cosell.partner.PartnerCentral;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices what AWS did to the opportunities the rep submitted, cheaply however large the pipeline: each poll asks
 * ListOpportunities only for what changed since the last one ({@code AfterLastModifiedDate}, newest first), so a
 * quiet pipeline costs one read per poll; only changed opportunities the rep submitted cost one
 * GetAwsOpportunitySummary each (AWS's stage and seller are not in the list). The watermark and the values last
 * seen are kept in a {@link ChangeWatchStore}, so the first poll after a launch catches up with what changed while
 * the app was closed. Blocking: run {@link #poll()} off the FX thread, one poll at a time.
 */
public final class ChangeWatcher {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    /** How many noticed changes the "Changes since" list keeps. */
    static final int RECENT_LIMIT = 200;
    /**
     * Read again a little before the watermark: two opportunities may share a millisecond, and one written in the
     * same millisecond just after a poll must not be missed. Rows already seen at the same LastModifiedDate are
     * skipped without a further read.
     */
    static final Duration OVERLAP = Duration.ofSeconds(2);
    private static final int PAGE_SIZE = 100;
    /** The service's read quota is 10 per second; summary reads of one poll are spaced to stay under it. */
    private static final Duration READ_SPACING = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    private final Supplier<PartnerCentral> partnerCentral;
    private final Supplier<Set<String>> submittedIds;
    private final ChangeWatchStore store;
    private final Clock clock;
    private final Duration readSpacing;
    private WatchState state;
    /**
     * Rows of the last poll's overlap window that were not the rep's then (id to LastModifiedDate): one of them may be
     * a submission the task history had not recorded yet, whose next read must not become its baseline.
     */
    private Map<String, Instant> othersInOverlap = Map.of();

    /**
     * @param partnerCentral the current connection (asked at each poll: the rep may switch catalogs)
     * @param submittedIds   the opportunities the rep submitted from this app (the task history)
     */
    public ChangeWatcher(Supplier<PartnerCentral> partnerCentral, Supplier<Set<String>> submittedIds,
                         ChangeWatchStore store, Clock clock) {
        this(partnerCentral, submittedIds, store, clock, READ_SPACING);
    }

    ChangeWatcher(Supplier<PartnerCentral> partnerCentral, Supplier<Set<String>> submittedIds, ChangeWatchStore store,
                  Clock clock, Duration readSpacing) {
        this.partnerCentral = partnerCentral;
        this.submittedIds = submittedIds;
        this.store = store;
        this.clock = clock;
        this.readSpacing = readSpacing;
    }

    /** The changes noticed so far (this session and earlier ones), newest first. */
    public synchronized List<ReviewChange> recent() {
        return state().recent();
    }

    /** The watermark: changes up to this instant have been read (null before the first poll). */
    public synchronized Instant since() {
        return state().watermark();
    }

    /**
     * One poll: reads what changed since the watermark and returns the changes AWS made to opportunities the rep
     * submitted (review status, AWS stage, AWS seller), oldest first. The first poll ever only sets the watermark.
     */
    public synchronized List<ReviewChange> poll() {
        WatchState s = state();
        PartnerCentral pc = partnerCentral.get();
        if (s.watermark() == null) {
            OpportunityPage newest = pc.listOpportunities(OpportunityQuery.all(), null, 1);
            Instant mark = newest.opportunities().isEmpty() ? clock.instant()
                    : newest.opportunities().getFirst().lastModifiedDate();
            save(new WatchState(1, mark, s.seen(), s.recent()));
            return List.of();
        }
        OpportunityQuery changed = OpportunityQuery.all().sortedBy(OpportunitySortKey.LAST_MODIFIED, false)
                .modifiedAfter(s.watermark().minus(OVERLAP));
        Instant newest = s.watermark();
        List<OpportunitySummary> listed = new ArrayList<>();
        String token = null;
        do {
            OpportunityPage page = pc.listOpportunities(changed, token, PAGE_SIZE);
            for (OpportunitySummary row : page.opportunities()) {
                if (row.lastModifiedDate() != null && row.lastModifiedDate().isAfter(newest)) {
                    newest = row.lastModifiedDate();
                }
                listed.add(row);
            }
            token = page.nextToken();
        } while (token != null);
        // Asked after listing: a submission that completed while the list was read counts as the rep's, so AWS's
        // first decision on it (written after the submission) is not taken for the baseline at the next poll.
        Set<String> mine = submittedIds.get();
        List<OpportunitySummary> candidates = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>(s.seen());
        Map<String, Instant> othersBefore = othersInOverlap;
        Map<String, Instant> othersNow = new HashMap<>();
        for (OpportunitySummary row : listed) {
            Seen before = s.seen().get(row.id());
            boolean alreadySeen = before != null && row.lastModifiedDate() != null
                    && row.lastModifiedDate().equals(before.lastModifiedDate());
            if (!mine.contains(row.id())) {
                if (row.lastModifiedDate() != null) othersNow.put(row.id(), row.lastModifiedDate());
                continue;
            }
            if (alreadySeen) continue;
            if (before == null && row.lastModifiedDate() != null && !row.lastModifiedDate().isAfter(s.watermark())
                    && !row.lastModifiedDate().equals(othersBefore.get(row.id()))) {
                // Read again only because of the overlap, and never seen: what it is now is the baseline. (One the
                // last poll passed over because its submission was not recorded yet is compared to Submitted.)
                seen.put(row.id(), new Seen(row.reviewStatus(), null, null, row.lastModifiedDate()));
                continue;
            }
            candidates.add(row);
        }
        Instant overlapStart = newest.minus(OVERLAP);
        othersNow.values().removeIf(modified -> modified.isBefore(overlapStart));
        othersInOverlap = othersNow;

        List<ReviewChange> changes = new ArrayList<>();
        boolean firstRead = true;
        for (OpportunitySummary row : candidates.reversed()) {
            AwsOpportunitySummary aws = null;
            if (row.reviewStatus() != null && row.reviewStatus() != ReviewStatus.PENDING_SUBMISSION) {
                if (!firstRead) LockSupport.parkNanos(readSpacing.toNanos());
                firstRead = false;
                aws = awsSummary(pc, row.id());
            }
            String stage = aws == null ? null : aws.awsStage();
            String seller = aws == null || aws.team().isEmpty() ? null : aws.team().getFirst().email();
            // Never seen before: the rep submitted it, so the last state the rep knew of is Submitted.
            Seen before = seen.getOrDefault(row.id(), new Seen(ReviewStatus.SUBMITTED, null, null, null));
            Seen after = new Seen(row.reviewStatus(), stage, seller, row.lastModifiedDate());
            seen.put(row.id(), after);
            if (before.reviewStatus() != after.reviewStatus() || !java.util.Objects.equals(before.awsStage(), stage)
                    || !java.util.Objects.equals(before.awsSellerEmail(), seller)) {
                changes.add(new ReviewChange(row.id(), row.customerCompanyName(), row.lastModifiedDate(),
                        before.reviewStatus(), after.reviewStatus(), before.awsStage(), stage,
                        before.awsSellerEmail(), seller));
            }
        }
        List<ReviewChange> recent = new ArrayList<>(changes.reversed());
        recent.addAll(s.recent());
        if (recent.size() > RECENT_LIMIT) recent = recent.subList(0, RECENT_LIMIT);
        save(new WatchState(1, newest, seen, recent));
        if (!changes.isEmpty()) LOG.info("AWS changed {} submitted opportunities", changes.size());
        return changes;
    }

    /** Remembers the current review of an opportunity the rep just submitted, so its next change is compared to it. */
    public synchronized void remember(String opportunityId, ReviewStatus status, Instant lastModifiedDate) {
        WatchState s = state();
        Map<String, Seen> seen = new HashMap<>(s.seen());
        Seen was = seen.get(opportunityId);
        seen.put(opportunityId, new Seen(status, was == null ? null : was.awsStage(),
                was == null ? null : was.awsSellerEmail(), lastModifiedDate));
        save(new WatchState(1, s.watermark(), seen, s.recent()));
    }

    private static AwsOpportunitySummary awsSummary(PartnerCentral pc, String id) {
        try {
            return pc.awsOpportunitySummary(id);
        } catch (PartnerCentralFailure f) {
            if (f.kind() == FailureKind.NOT_FOUND) return null;
            throw f;
        }
    }

    private WatchState state() {
        if (state == null) state = store.load();
        return state;
    }

    private void save(WatchState next) {
        state = next;
        store.save(next);
    }
}
