package app.cosell.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.BatchRun;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.model.Batch;
import app.cosell.model.Catalog;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.ui.common.Background;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The batch view's decisions before anything is sent: triage verdicts, removing rows, when Start is allowed. */
class BatchModelTest {

    /** Judges by id: O…5 blocked, O…9 unreadable, the rest ready; the day's budget as given. */
    static final class Triage implements BatchModel.Services {
        long writesLeft = 10_000;
        InvolvementType askedWith;

        @Override public Catalog catalog() { return Catalog.Sandbox; }

        @Override
        public BatchTriage.Result triage(List<String> ids, InvolvementType involvement, Consumer<BatchTriage.Entry> onEntry) {
            askedWith = involvement;
            List<BatchTriage.Entry> ready = ids.stream().filter(i -> !i.endsWith("5") && !i.endsWith("9"))
                    .map(i -> new BatchTriage.Entry(i, "Customer " + i, BatchTriage.Verdict.READY, null, List.of())).toList();
            List<BatchTriage.Entry> blocked = ids.stream().filter(i -> i.endsWith("5"))
                    .map(i -> new BatchTriage.Entry(i, null, BatchTriage.Verdict.BLOCKED, "readiness.websiteMissing.what", List.of())).toList();
            List<BatchTriage.Entry> unknown = ids.stream().filter(i -> i.endsWith("9"))
                    .map(i -> new BatchTriage.Entry(i, null, BatchTriage.Verdict.UNKNOWN, "batch.unknown.unreadable", List.of("NETWORK"))).toList();
            return new BatchTriage.Result(ready, blocked, unknown);
        }

        @Override public BatchRun plan(Batch settings, BatchTriage.Result triage, Map<String, List<Tag>> extraTags) {
            throw new AssertionError("nothing is planned in these tests");
        }

        @Override public long writesLeftToday() { return writesLeft; }

        @Override public void export(BatchRun run, Path file) { }

        @Override public String words(String key, List<String> args) { return key + args; }

        @Override public FailureAdviceCatalogue advice() { return FailureAdviceCatalogue.forLocale(Locale.ENGLISH); }

        @Override public List<BatchRun> unfinished() { return List.of(); }
    }

    final Triage services = new Triage();
    final BatchModel model = new BatchModel(services, Background.DIRECT, services.advice());

    @Test
    void triageJudgesEveryRowAndStartCountsOnlyTheReadyOnes() {
        model.involvementProperty().set(InvolvementType.FOR_VISIBILITY_ONLY);
        model.triage(List.of("O1", "O2", "O5", "O9", "O2"));

        assertThat(services.askedWith).isEqualTo(InvolvementType.FOR_VISIBILITY_ONLY);
        assertThat(model.rows()).extracting(BatchRow::opportunityId).containsExactly("O1", "O2", "O5", "O9");
        assertThat(model.phase()).isEqualTo(BatchModel.Phase.REVIEW);
        assertThat(model.readyCountProperty().get()).isEqualTo(2);
        assertThat(model.canStartProperty().get()).isTrue();
        assertThat(model.rows().get(2).reasonProperty().get()).isEqualTo("readiness.websiteMissing.what[]");
        assertThat(model.rows().get(3).verdict()).isEqualTo(BatchTriage.Verdict.UNKNOWN);
        assertThat(model.countsTextProperty().get()).isEqualTo("batch.count.ready[2]batch.count.separator[]batch.count.blocked[1]"
                + "batch.count.separator[]batch.count.unknown[1]");
        assertThat(model.canPauseProperty().get()).isFalse();
        assertThat(model.canExportProperty().get()).isFalse();
    }

    @Test
    void removingEveryReadyRowLeavesNothingToStart() {
        model.triage(List.of("O1", "O5"));
        model.remove(List.of(model.rows().getFirst()));

        assertThat(model.rows()).extracting(BatchRow::opportunityId).containsExactly("O5");
        assertThat(model.readyCountProperty().get()).isZero();
        assertThat(model.canStartProperty().get()).isFalse();
    }

    @Test
    void aBatchLargerThanTheDaysWriteBudgetIsSaidBeforeStarting() {
        services.writesLeft = 1;
        model.triage(List.of("O1", "O2", "O3"));

        assertThat(model.budgetTextProperty().get()).startsWith("batch.budget.short[1, 3]");
    }
}
