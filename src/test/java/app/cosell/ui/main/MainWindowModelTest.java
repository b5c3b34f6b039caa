package app.cosell.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.BatchRun;
import app.cosell.model.Catalog;
import app.cosell.model.FailureKind;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.opportunities.FakeOpportunities;
import app.cosell.ui.opportunities.ReadinessItem;
import app.cosell.ui.progress.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainWindowModelTest {

    private static final ConnectionInfo EMULATOR =
            new ConnectionInfo(ConnectionInfo.Kind.EMULATOR, null, Catalog.Sandbox, "http://127.0.0.1:1");
    private static final ConnectionInfo PROFILE =
            new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, "sales", Catalog.AWS, "https://x");

    /** A task history the test changes, telling its listeners as the real one does. */
    private static final class History implements TaskHistoryFeed {
        final List<TaskProgress> tasks = new ArrayList<>();
        final List<Runnable> listeners = new ArrayList<>();
        int reads;

        @Override
        public List<TaskProgress> all() {
            reads++;
            return List.copyOf(tasks);
        }

        @Override
        public void addListener(Runnable listener) { listeners.add(listener); }

        void changed() { listeners.forEach(Runnable::run); }
    }

    /** Records what the model asks of the window, in order. */
    private static final class Recorder implements MainWindowModel.Steps {
        final List<String> calls = new ArrayList<>();
        final List<MainWindowModel.Unfinished> resumed = new ArrayList<>();
        List<TaskProgress> lastRead;

        @Override public void stopLoading() { calls.add("stop"); }
        @Override public void load() { calls.add("load"); }
        @Override public void showStored() { calls.add("stored"); }
        @Override public void connectFailed() { calls.add("failed"); }
        @Override public void tasksRead(List<TaskProgress> tasks) {
            calls.add("tasks");
            lastRead = tasks;
        }
        @Override public void resume(MainWindowModel.Unfinished unfinished) {
            calls.add("resume");
            resumed.add(unfinished);
        }
    }

    private static StartEngagementRequest request(String id) {
        return new StartEngagementRequest(Catalog.Sandbox, id, Snapshots.REQUEST.involvementType(),
                Snapshots.REQUEST.visibility(), List.of());
    }

    @Test
    void aLaunchConnectsThenLoadsThenReadsTheHistoryThenResumesTheUnfinishedTasks() {
        History history = new History();
        TaskProgress running = Snapshots.runningAt(request("O1"), TaskStep.CREATE_ENGAGEMENT);
        history.tasks.addAll(List.of(running, Snapshots.complete(request("O2"))));
        MainWindowModel model = new MainWindowModel(() -> PROFILE, Background.DIRECT, history, List::of);
        Recorder steps = new Recorder();
        model.attach(steps);

        model.connectAndLoad();

        // The stored rows are shown while the first connection is made.
        assertThat(steps.calls).containsExactly("stop", "stored", "load", "tasks", "resume");
        assertThat(steps.lastRead).hasSize(2);
        assertThat(steps.resumed.getFirst().tasks()).containsExactly(running);
    }

    @Test
    void storedRowsShownWithTheFirstFrameStayUntilTheConnectionsLoad() {
        MainWindowModel model = new MainWindowModel(() -> EMULATOR, Background.DIRECT, new History(), List::of);
        Recorder steps = new Recorder();
        model.attach(steps);

        model.showStored();
        model.connectAndLoad();

        assertThat(steps.calls).containsExactly("stored", "load", "tasks", "resume");
    }

    @Test
    void reconnectingLoadsAgainButResumesOnlyOncePerLaunch() {
        History history = new History();
        MainWindowModel model = new MainWindowModel(() -> EMULATOR, Background.DIRECT, history, List::of);
        Recorder steps = new Recorder();
        model.attach(steps);

        model.connectAndLoad();
        model.connectAndLoad();

        assertThat(steps.calls).containsExactly("stop", "stored", "load", "tasks", "resume", "stop", "load", "tasks");
    }

    @Test
    void aFailedConnectionLoadsNothingAndResumesNothing() {
        MainWindowModel model = new MainWindowModel(() -> {
            throw PartnerCentralFailure.of(FailureKind.NETWORK, "down", null);
        }, Background.DIRECT, new History(), List::of);
        Recorder steps = new Recorder();
        model.attach(steps);

        model.connectAndLoad();

        assertThat(steps.calls).containsExactly("stop", "stored", "failed");
        assertThat(model.signInProperty().get()).isEqualTo(MainWindowModel.SignIn.FAILED);
        assertThat(model.reportsConnectFailure(model.failureProperty().get())).isTrue();
        assertThat(model.retryOfferedProperty().get()).isTrue();
        assertThat(model.retryTextProperty().get()).isEqualTo(Messages.get("header.reconnect"));
    }

    @Test
    void aChangeOfTheHistoryIsReadAgainForTheScreens() {
        History history = new History();
        MainWindowModel model = new MainWindowModel(() -> EMULATOR, Background.DIRECT, history, List::of);
        Recorder steps = new Recorder();
        model.attach(steps);

        history.tasks.add(Snapshots.complete());
        history.changed();

        assertThat(steps.calls).containsExactly("tasks");
        assertThat(steps.lastRead).hasSize(1);
    }

    @Test
    void tasksOfAnUnfinishedBatchAreLeftToTheirBatch() {
        TaskProgress byBatch = Snapshots.runningAt(request("O1"), TaskStep.GET_OPPORTUNITY);
        TaskProgress alone = Snapshots.runningAt(request("O2"), TaskStep.GET_OPPORTUNITY);
        TaskProgress ended = Snapshots.complete(request("O3"));

        assertThat(MainWindowModel.Unfinished.unfinishedOutside(List.of(byBatch, alone, ended), Set.of(byBatch.localId())))
                .containsExactly(alone);
        assertThat(MainWindowModel.Unfinished.of(List.<BatchRun>of(), List.of(byBatch, ended)).tasks())
                .containsExactly(byBatch);
    }

    @Test
    void anExpiredSignInOffersSignInForItsProfileAndIsNoError() {
        MainWindowModel model = new MainWindowModel(() -> {
            throw new PartnerCentralFailure(FailureKind.SIGN_IN_NEEDED, null, "expired", null, null, List.of(),
                    "sales", null);
        }, Background.DIRECT);

        model.connect(() -> { throw new AssertionError("must not continue"); });

        assertThat(model.profileToSignIn()).isEqualTo("sales");
        assertThat(model.reportsConnectFailure(model.failureProperty().get())).isFalse();
        assertThat(model.retryOfferedProperty().get()).isTrue();
        assertThat(model.retryTextProperty().get()).isEqualTo(Messages.get("header.signIn"));
    }

    @Test
    void aFailedConnectionOfAnotherKindReconnectsWithoutSignIn() {
        MainWindowModel model = new MainWindowModel(() -> {
            throw PartnerCentralFailure.of(FailureKind.NETWORK, "down", null);
        }, Background.DIRECT);
        model.connect(() -> { });
        assertThat(model.profileToSignIn()).isNull();
    }

    @Test
    void theEmulatorShowsNoSignInStateUnlessItFailed() {
        MainWindowModel emulator = new MainWindowModel(() -> EMULATOR, Background.DIRECT);
        emulator.connect(() -> { });
        assertThat(emulator.signInShownProperty().get()).isFalse();
        assertThat(emulator.retryOfferedProperty().get()).isFalse();

        MainWindowModel profile = new MainWindowModel(() -> PROFILE, Background.DIRECT);
        profile.connect(() -> { });
        assertThat(profile.signInShownProperty().get()).isTrue();
    }

    @Test
    void aRejectionThatDidNotGoThroughIsShownAndAnAcceptedReferralOpensItsNewOpportunity() {
        var reject = StartEngagementRequest.rejectInvitation(Catalog.Sandbox, "engi-9", "not ours");
        MainWindowModel.ReferralEnd failed = MainWindowModel.referralEnded(
                Snapshots.failedAt(reject, TaskStep.GET_OPPORTUNITY, null, "refused"));
        assertThat(failed.failure()).hasMessage("refused");
        assertThat(failed.openOpportunityId()).isNull();

        var accept = StartEngagementRequest.acceptInvitation(Catalog.Sandbox, "engi-9", List.of());
        MainWindowModel.ReferralEnd accepted = MainWindowModel.referralEnded(Snapshots.complete(accept));
        assertThat(accepted.failure()).isNull();
        assertThat(accepted.openOpportunityId()).isEqualTo("1");

        assertThat(MainWindowModel.referralEnded(Snapshots.complete(reject))).isEqualTo(
                new MainWindowModel.ReferralEnd(null, null));
        assertThat(MainWindowModel.referralEnded(null)).isEqualTo(new MainWindowModel.ReferralEnd(null, null));
    }

    @Test
    void theFormWarnsOfTheBlockingFindingsOnlyOfTheOpportunityTheDetailPaneShows() {
        OpportunitySummary row = FakeOpportunities.summary(1);
        List<ReadinessItem> findings = List.of(new ReadinessItem(true, "No customer website", "Add it"),
                new ReadinessItem(false, "Short description", "Say more"));

        assertThat(MainWindowModel.readinessWarnings(row, row.id(), findings)).containsExactly("No customer website");
        assertThat(MainWindowModel.readinessWarnings(row, "O2", findings)).isEmpty();
        assertThat(MainWindowModel.readinessWarnings(row, null, findings)).isEmpty();
    }

    @Test
    void connectingShowsTheConnectionAndThenRunsTheNextStep() {
        MainWindowModel model = new MainWindowModel(
                () -> new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, "sales", Catalog.AWS, "https://x"), Background.DIRECT);
        boolean[] then = new boolean[1];
        model.connect(() -> then[0] = true);
        assertThat(then[0]).isTrue();
        assertThat(model.signInProperty().get()).isEqualTo(MainWindowModel.SignIn.SIGNED_IN);
        assertThat(model.connectionTextProperty().get()).isEqualTo("AWS profile “sales” · AWS catalog");
    }

    @Test
    void anExpiredSsoSignInShowsSignInNeeded() {
        MainWindowModel model = new MainWindowModel(() -> {
            throw PartnerCentralFailure.of(FailureKind.SIGN_IN_NEEDED, "expired", null);
        }, Background.DIRECT);
        model.connect(() -> { throw new AssertionError("must not continue"); });
        assertThat(model.signInProperty().get()).isEqualTo(MainWindowModel.SignIn.SIGN_IN_NEEDED);
        assertThat(model.failureProperty().get()).isNotNull();
    }
}
