package app.cosell.engagement;

import app.cosell.model.FailureKind;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartVerdict;
import app.cosell.partner.PartnerCentral;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits the opportunities of a batch into ready, blocked and unknown before anything is sent: each full record is
 * read (GetOpportunity, paced to the read quota by the gateway) and judged by the {@link StartGuard}, the same rules as a single
 * start; a task of ours still running for an opportunity blocks it too. Unknown means the record could not be read (no access, network): the rule cannot be
 * checked.
 */
public final class BatchTriage {

    /** How one opportunity was judged; {@code reasonKey} and {@code reasonArgs} are the message-bundle text. */
    public record Entry(String opportunityId, String customer, Verdict verdict, String reasonKey,
                        List<String> reasonArgs) {
        public Entry {
            reasonArgs = List.copyOf(reasonArgs == null ? List.of() : reasonArgs);
        }
    }

    public enum Verdict { READY, BLOCKED, UNKNOWN }

    /** The three groups, each in the order the ids were given (duplicates dropped). */
    public record Result(List<Entry> ready, List<Entry> blocked, List<Entry> unknown) {
        public Result {
            ready = List.copyOf(ready);
            blocked = List.copyOf(blocked);
            unknown = List.copyOf(unknown);
        }

        public List<Entry> all() {
            List<Entry> out = new ArrayList<>(ready);
            out.addAll(blocked);
            out.addAll(unknown);
            return out;
        }
    }

    private final PartnerCentral partnerCentral;
    private final TaskHistory history;
    private final Clock clock;
    private final StartGuard guard = new StartGuard();

    public BatchTriage(PartnerCentral partnerCentral, TaskHistory history, Clock clock) {
        this.partnerCentral = Objects.requireNonNull(partnerCentral, "partnerCentral");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Judges every id; {@code onEntry} hears each verdict as it is made (for a live triage view). */
    public Result triage(List<String> opportunityIds, InvolvementType involvement, Consumer<Entry> onEntry)
            throws InterruptedException {
        List<Entry> ready = new ArrayList<>();
        List<Entry> blocked = new ArrayList<>();
        List<Entry> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(opportunityIds)) {
            Entry entry = judge(id.strip(), involvement);
            (switch (entry.verdict()) {
                case READY -> ready;
                case BLOCKED -> blocked;
                case UNKNOWN -> unknown;
            }).add(entry);
            onEntry.accept(entry);
        }
        return new Result(ready, blocked, unknown);
    }

    Entry judge(String id, InvolvementType involvement) throws InterruptedException {
        boolean running = history.forOpportunity(id).stream().anyMatch(t -> !t.isEnded());
        if (running) return new Entry(id, null, Verdict.BLOCKED, "batch.blocked.running", List.of());
        Opportunity opportunity;
        try {
            opportunity = partnerCentral.getOpportunity(id);
        } catch (PartnerCentralFailure f) {
            if (f.kind() == FailureKind.NOT_FOUND)
                return new Entry(id, null, Verdict.BLOCKED, "batch.blocked.notFound", List.of());
            return new Entry(id, null, Verdict.UNKNOWN, "batch.unknown.unreadable", List.of(f.kind().name()));
        }
        String customer = opportunity.customer() == null ? null : opportunity.customer().companyName();
        StartVerdict verdict = guard.decide(opportunity, involvement, false, LocalDate.now(clock));
        if (verdict.isBlocked()) {
            StartVerdict.Reason reason = verdict.first();
            return new Entry(id, customer, Verdict.BLOCKED, reason.problem() + ".what", reason.args());
        }
        // UNKNOWN (a rule the API cannot check) may still be sent, as a single start may: the service decides.
        return new Entry(id, customer, Verdict.READY, null, List.of());
    }
}
