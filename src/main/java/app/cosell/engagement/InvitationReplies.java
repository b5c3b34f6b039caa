package app.cosell.engagement;

import app.cosell.model.ReceivedInvitation;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStatus;
import app.cosell.partner.PartnerCentral;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guard of answering an AWS referral, before anything is written: may this invitation be accepted (or rejected)
 * now? It asks the task history first — an acceptance of the same invitation that has not ended is resumed with its
 * own saved token, never started a second time; one that completed is not repeated — then the service: only a
 * PENDING invitation that has not lapsed can be answered, and not while another client's acceptance task runs.
 * Blocking (it reads the service); call it off the FX thread.
 */
public final class InvitationReplies {

    /** What the guard decided. */
    public enum Verdict {
        /** Send it: nothing known stands in the way. */
        GO,
        /** An acceptance of this invitation is unfinished in the history: resume it instead of starting another. */
        RESUME,
        /** Refused before any write: {@link Decision#reason()} says why. */
        REFUSED
    }

    /**
     * @param invitation the invitation as the service shows it now (null when the history alone decided)
     * @param existing   the history's task for this invitation that decided it (RESUME, or an earlier acceptance)
     * @param reason     why it is refused, in the rep's words; null unless REFUSED
     */
    public record Decision(Verdict verdict, ReceivedInvitation invitation, TaskProgress existing, String reason) {
        public boolean refused() { return verdict == Verdict.REFUSED; }
    }

    private final PartnerCentral partnerCentral;
    private final TaskHistory history;
    private final Clock clock;

    public InvitationReplies(PartnerCentral partnerCentral, TaskHistory history, Clock clock) {
        this.partnerCentral = Objects.requireNonNull(partnerCentral, "partnerCentral");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether accepting {@code invitationId} may be sent now. */
    public Decision checkAccept(String invitationId) {
        Optional<TaskProgress> mine = acceptanceInHistory(invitationId);
        if (mine.isPresent() && !mine.get().isEnded())
            return new Decision(Verdict.RESUME, null, mine.get(), null);
        if (mine.isPresent() && mine.get().status() == TaskStatus.COMPLETE) {
            String opportunity = TaskKind.createdOpportunityId(mine.get());
            return new Decision(Verdict.REFUSED, null, mine.get(), "Invitation " + invitationId
                    + " was accepted already" + (opportunity == null ? "." : ": opportunity " + opportunity + "."));
        }
        ReceivedInvitation now = partnerCentral.receivedInvitation(invitationId);
        String notPending = whyNotAnswerable(now, "accepted");
        if (notPending != null) return new Decision(Verdict.REFUSED, now, mine.orElse(null), notPending);
        List<TaskAnswer> running = partnerCentral.acceptanceTasksForInvitation(invitationId).stream()
                .filter(t -> t.status() == TaskStatus.IN_PROGRESS).toList();
        if (!running.isEmpty())
            return new Decision(Verdict.REFUSED, now, null, "Invitation " + invitationId
                    + " is being accepted already by task " + running.getFirst().taskId() + ".");
        return new Decision(Verdict.GO, now, null, null);
    }

    /** Whether rejecting {@code invitationId} may be sent now. */
    public Decision checkReject(String invitationId) {
        Optional<TaskProgress> mine = acceptanceInHistory(invitationId);
        if (mine.isPresent() && !mine.get().isEnded())
            return new Decision(Verdict.REFUSED, null, mine.get(), "Invitation " + invitationId
                    + " is being accepted by this app; wait for the acceptance to end.");
        ReceivedInvitation now = partnerCentral.receivedInvitation(invitationId);
        String notPending = whyNotAnswerable(now, "rejected");
        return notPending != null ? new Decision(Verdict.REFUSED, now, null, notPending)
                : new Decision(Verdict.GO, now, null, null);
    }

    private String whyNotAnswerable(ReceivedInvitation i, String verb) {
        if (i.hasLapsed(clock.instant()) || ReceivedInvitation.EXPIRED.equals(i.status()))
            return "Invitation " + i.id() + " has expired and can no longer be " + verb + ".";
        if (!i.isPending())
            return "Invitation " + i.id() + " is " + i.status() + " already; only a PENDING invitation can be "
                    + verb + ".";
        return null;
    }

    /** The newest acceptance of {@code invitationId} in this catalog's history, if any. */
    public Optional<TaskProgress> acceptanceInHistory(String invitationId) {
        return history.all().stream()
                .filter(t -> TaskKind.of(t) == TaskKind.ENGAGEMENT_BY_ACCEPTING_INVITATION
                        && invitationId.equals(t.request().invitationId())
                        && t.request().catalog() == partnerCentral.catalog())
                .findFirst();
    }
}
