package app.cosell.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.files.AppJson;
import app.cosell.model.Catalog;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineStoreTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final ObjectMapper JSON = AppJson.newMapper();

    @TempDir Path dir;
    PipelineStore store;

    @BeforeEach
    void open() { store = PipelineStore.open(dir.resolve("p.db"), JSON); }

    @AfterEach
    void close() { store.close(); }

    static OpportunitySummary row(String id, Instant modified) {
        return new OpportunitySummary(id, "arn:" + id, Catalog.Sandbox, null, "Customer " + id, "US", null,
                Stage.PROSPECT, "Prospect", ReviewStatus.PENDING_SUBMISSION, "Pending Submission", null, null, T0, modified,
                null, null);
    }

    @Test
    void aViewReadsOnlyItsRowsInSQLNewestFirstChunkByChunk() {
        List<OpportunitySummary> page = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Stage stage = i % 5 == 0 ? Stage.QUALIFIED : Stage.PROSPECT;
            String customer = (i % 2 == 0 ? "Acme_" : "Globex ") + i;
            page.add(new OpportunitySummary("O" + (100 + i), "arn", Catalog.Sandbox, null, customer, "US", null,
                    stage, stage.wire(), ReviewStatus.PENDING_SUBMISSION, "Pending Submission", null, null, T0,
                    T0.plusSeconds(i), null, null));
        }
        store.mergePage(page, 1, T0, Map.of());

        List<List<String>> chunks = new java.util.ArrayList<>();
        store.readRows(PipelineStore.RowFilter.ANY, 10, c -> chunks.add(c.stream().map(r -> r.summary().id()).toList()));
        assertThat(chunks).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(chunks.getFirst().getFirst()).isEqualTo("O124"); // newest first

        List<String> qualifiedAcme = new java.util.ArrayList<>();
        store.readRows(new PipelineStore.RowFilter(java.util.Set.of(Stage.QUALIFIED), java.util.Set.of(), "acme_"), 100,
                c -> qualifiedAcme.addAll(c.stream().map(r -> r.summary().id()).toList()));
        assertThat(qualifiedAcme).containsExactly("O120", "O110", "O100"); // prefix ignores case; '_' is no wildcard

        List<String> stopped = new java.util.ArrayList<>();
        store.readRows(PipelineStore.RowFilter.ANY, 10, c -> { stopped.addAll(c.stream().map(r -> r.summary().id()).toList()); return false; });
        assertThat(stopped).hasSize(10);
    }

    @Test
    void mergingCountsNewChangedAndUnchangedRowsAndListsNewestFirst() {
        PipelineStore.Merge first = store.mergePage(List.of(row("O1", T0), row("O2", T0.plusSeconds(5))), 1, T0, Map.of());
        assertThat(first).isEqualTo(new PipelineStore.Merge(2, 0, 0));

        PipelineStore.Merge second = store.mergePage(List.of(row("O1", T0.plusSeconds(9)), row("O2", T0.plusSeconds(5)),
                row("O3", T0)), 2, T0, Map.of("watermark", "x"));

        assertThat(second).isEqualTo(new PipelineStore.Merge(1, 1, 1));
        assertThat(store.rows()).extracting(r -> r.summary().id()).containsExactly("O1", "O2", "O3");
        assertThat(store.state("watermark")).contains("x");
    }

    @Test
    void rowsNotSeenByAFullSyncAreMarkedGoneAndComeBackWhenListedAgain() {
        store.mergePage(List.of(row("O1", T0), row("O2", T0), row("O3", T0)), 1, T0, Map.of());
        store.mergePage(List.of(row("O1", T0), row("O3", T0)), 2, T0, Map.of());

        int gone = store.markUnseenGone(2, Map.of("lastFull", "2"));

        assertThat(gone).isEqualTo(1);
        assertThat(store.rows()).extracting(r -> r.summary().id()).containsExactlyInAnyOrder("O1", "O3");
        assertThat(store.row("O2")).get().satisfies(r -> assertThat(r.gone()).isTrue());
        assertThat(store.count()).isEqualTo(2);

        PipelineStore.Merge back = store.mergePage(List.of(row("O2", T0)), 3, T0, Map.of());
        assertThat(back.changed()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void aFullRecordIsKeptAndItsTitleSurvivesTheNextListing() {
        store.mergePage(List.of(row("O1", T0)), 1, T0, Map.of());
        var record = new app.cosell.model.Opportunity("O1", "arn:O1", Catalog.Sandbox, null,
                new app.cosell.model.Opportunity.Customer("Customer O1", "Software", null, null, "US", null, null, "Austin", null),
                new app.cosell.model.Opportunity.Project("Data lake", null, null, List.of(), List.of(), null),
                null, null, null, null, null, List.of(), List.of(), T0, T0);

        store.saveRecord(record, T0.plusSeconds(1));
        store.mergePage(List.of(row("O1", T0)), 2, T0, Map.of());

        PipelineStore.StoredRow stored = store.row("O1").orElseThrow();
        assertThat(stored.summary().projectTitle()).isEqualTo("Data lake");
        assertThat(stored.record()).isEqualTo(record);
        assertThat(stored.recordFetchedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void theCallLedgerSumsARolling24Hours() {
        CallLedger ledger = store.ledger();
        ledger.add("read", T0.minusSeconds(25 * 3600), 50, 0);
        ledger.add("read", T0.minusSeconds(3600), 7, 1);
        ledger.add("read", T0, 3, 0);
        ledger.add("write", T0, 2, 0);

        assertThat(ledger.totals(T0)).isEqualTo(new CallLedger.Totals(10, 2, 0, 1));
    }
}
