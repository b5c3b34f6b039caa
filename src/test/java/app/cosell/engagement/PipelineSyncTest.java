package app.cosell.engagement;

import app.cosell.files.AppJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cosell.emulator.EmulatorEdits;
import app.cosell.emulator.PartnerCentralEmulator;
import app.cosell.emulator.SeededScenario;
import app.cosell.model.Catalog;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.partner.AwsProfiles;
import app.cosell.partner.Connections;
import app.cosell.partner.PartnerCentral;
import app.cosell.store.PipelineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync against the emulator over real HTTP with its quotas on, into a real SQLite file. */
class PipelineSyncTest {

    @TempDir Path dir;
    PartnerCentralEmulator emulator;
    PacedPartnerCentral partnerCentral;
    PipelineStore store;

    PipelineSync connect(int opportunities) throws Exception {
        if (partnerCentral != null) partnerCentral.close();
        if (emulator != null) emulator.close();
        emulator = PartnerCentralEmulator.builder().port(0).randomCredentials().opportunities(opportunities)
                .stepDelay(Duration.ZERO).instant(true).throttling(true).start();
        if (store == null) store = PipelineStore.open(dir.resolve("pipeline.db"), AppJson.newMapper());
        CallBudget budget = new CallBudget(store.ledger(), Clock.systemUTC());
        PartnerCentral sdk = new Connections(new AwsProfiles(Path.of("no-config"), Path.of("no-credentials"), null,
                Path.of("no-cache")), "test").observedBy(budget)
                .forEmulator(emulator.endpoint(), emulator.accessKeyId(), emulator.secretAccessKey(), Catalog.Sandbox);
        partnerCentral = new PacedPartnerCentral(sdk, budget);
        return new PipelineSync(partnerCentral, store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (partnerCentral != null) partnerCentral.close();
        if (emulator != null) emulator.close();
        if (store != null) store.close();
    }

    @Test
    void theFirstSyncPagesEverythingAndLaterSyncsAskOnlyForChanges() throws Exception {
        PipelineSync sync = connect(250);
        assertThat(sync.needsFull()).isTrue();

        PipelineSync.Result first = sync.sync(false, PipelineSync.PageListener.NONE);

        assertThat(first.full()).isTrue();
        assertThat(first.calls()).isEqualTo(3);
        assertThat(first.added()).isEqualTo(250);
        assertThat(store.count()).isEqualTo(250);
        assertThat(sync.needsFull()).isFalse();

        PipelineSync.Result nothing = sync.sync(false, PipelineSync.PageListener.NONE);
        assertThat(nothing.full()).isFalse();
        assertThat(nothing.calls()).isEqualTo(1);
        assertThat(nothing.added() + nothing.changed() + nothing.removed()).isZero();

        List<String> edited;
        try (EmulatorEdits edits = new EmulatorEdits(emulator)) {
            edited = edits.editable("Sandbox", 5);
            edits.rename("Sandbox", edited, "Renamed by the test");
        }
        PipelineSync.Result five = sync.sync(false, PipelineSync.PageListener.NONE);

        assertThat(five.calls()).isEqualTo(1);
        assertThat(five.changed()).isEqualTo(5);
        assertThat(five.added()).isZero();
        assertThat(store.rows().subList(0, 5)).extracting(r -> r.summary().id()).containsExactlyInAnyOrderElementsOf(edited);
        assertThat(partnerCentral.budget().throttled()).isZero();
        assertThat(partnerCentral.budget().usage().readsToday()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aFullSyncMarksRowsTheServiceNoLongerListsAsGone() throws Exception {
        connect(40).sync(true, PipelineSync.PageListener.NONE);
        PipelineSync smaller = connect(30);

        PipelineSync.Result full = smaller.sync(true, PipelineSync.PageListener.NONE);

        assertThat(full.removed()).isEqualTo(10);
        assertThat(full.added()).isZero();
        assertThat(store.count()).isEqualTo(30);
        assertThat(store.row("O20000040")).get().satisfies(r -> assertThat(r.gone()).isTrue());
    }

    @Test
    void aRecordTheServiceNoLongerHasMarksItsRowGone() throws Exception {
        connect(40).sync(true, PipelineSync.PageListener.NONE);
        PipelineSync smaller = connect(30);

        assertThatThrownBy(() -> smaller.fetchRecord("O20000035"))
                .isInstanceOfSatisfying(PartnerCentralFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.NOT_FOUND));
        assertThat(store.row("O20000035")).get().satisfies(r -> assertThat(r.gone()).isTrue());

        var record = smaller.fetchRecord(SeededScenario.SUBMITTABLE.id("Sandbox"));
        assertThat(store.row(SeededScenario.SUBMITTABLE.id("Sandbox"))).get().satisfies(r -> {
            assertThat(r.record()).isEqualTo(record);
            assertThat(r.summary().projectTitle()).isEqualTo(record.project().title());
        });
    }
}
