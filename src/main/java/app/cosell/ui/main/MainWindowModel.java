package app.cosell.ui.main;

import app.cosell.engagement.BatchRun;
import app.cosell.model.FailureKind;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.model.TaskKind;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.opportunities.ReadinessItem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's own state and decisions: which Partner Central it is connected to (for the header and badge),
 * the sign-in state and what the header offers about it, and the order of a launch: connect, then load, then follow
 * again what the last session left unfinished (once). Connecting, reading the history and the unfinished batches run
 * in the background; the window only does what {@link Steps} asks.
 */
public final class MainWindowModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowModel.class);

    /** Blocking: opens the connection the settings ask for and says what it is. */
    @FunctionalInterface
    public interface Connector {
        ConnectionInfo connect() throws Exception;
    }

    /** What the window's screens do at each step of connect, load and resume. FX thread; each returns at once. */
    public interface Steps {
        /** A new connection is being made: the load in flight stops. */
        void stopLoading();

        /** The launch's first connection is being made: show what is stored meanwhile (rows kept on disk). */
        default void showStored() {}

        /** Connecting failed: whatever is still loading stops (what is shown stays). */
        default void connectFailed() {}

        /** Connected: load the opportunities (and the AWS referrals). */
        void load();

        /** The task history, read after connecting and again after every change. */
        void tasksRead(List<TaskProgress> tasks);

        /** What the last session left running: tasks of no batch (by their progress windows), and batches. */
        void resume(Unfinished unfinished);
    }

    /** Tasks to follow again by their progress windows, and unfinished batches (which follow their own tasks). */
    public record Unfinished(List<TaskProgress> tasks, List<BatchRun> batches) {

        /** The unfinished batches, and the tasks of {@code history} not ended and of none of those batches. */
        static Unfinished of(List<BatchRun> batches, List<TaskProgress> history) {
            Set<String> byBatch = new HashSet<>();
            for (BatchRun run : batches)
                for (var item : run.items()) if (item.localId() != null) byBatch.add(item.localId());
            return new Unfinished(unfinishedOutside(history, byBatch), batches);
        }

        static List<TaskProgress> unfinishedOutside(List<TaskProgress> history, Set<String> byBatch) {
            return history.stream().filter(t -> !t.isEnded() && !byBatch.contains(t.localId())).toList();
        }
    }

    /**
     * What an answered AWS referral leads to besides reading the inbox again: the failure to show (a rejection runs
     * without a progress window, so one that did not go through is said here) and the new opportunity to open.
     */
    public record ReferralEnd(Throwable failure, String openOpportunityId) {}

    public enum SignIn { CONNECTING, SIGNED_IN, SIGN_IN_NEEDED, FAILED }

    private static final TaskHistoryFeed NO_HISTORY = new TaskHistoryFeed() {
        @Override public List<TaskProgress> all() { return List.of(); }
        @Override public void addListener(Runnable listener) {}
    };

    private final Connector connector;
    private final Background background;
    private final TaskHistoryFeed history;
    private final Supplier<List<BatchRun>> unfinishedBatches;
    private final ObjectProperty<ConnectionInfo> connection = new SimpleObjectProperty<>(this, "connection");
    private final ObjectProperty<SignIn> signIn = new SimpleObjectProperty<>(this, "signIn", SignIn.CONNECTING);
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>(this, "failure");
    private final StringProperty connectionText = new SimpleStringProperty(this, "connectionText",
            Messages.get("header.connecting"));
    private final AtomicBoolean tasksReloadPending = new AtomicBoolean();
    private boolean shownStored;
    private boolean previewing;
    private final BooleanBinding signInShown;
    private final BooleanBinding retryOffered;
    private final StringBinding retryText;
    private Steps steps;
    private boolean resumed;
    private int generation;

    /** Connecting only (no history, no batches): tests of the header. */
    public MainWindowModel(Connector connector, Background background) {
        this(connector, background, NO_HISTORY, List::of);
    }

    public MainWindowModel(Connector connector, Background background, TaskHistoryFeed history,
                           Supplier<List<BatchRun>> unfinishedBatches) {
        this.connector = connector;
        this.background = background;
        this.history = history;
        this.unfinishedBatches = unfinishedBatches;
        // The emulator has no sign-in: "Signed in" would suggest an AWS account. Only a problem is shown there.
        signInShown = Bindings.createBooleanBinding(() -> connection.get() == null || !connection.get().isEmulator()
                || signIn.get() == SignIn.FAILED, connection, signIn);
        retryOffered = Bindings.createBooleanBinding(
                () -> signIn.get() == SignIn.SIGN_IN_NEEDED || signIn.get() == SignIn.FAILED, signIn);
        retryText = Bindings.createStringBinding(() -> Messages.get(
                signIn.get() == SignIn.SIGN_IN_NEEDED ? "header.signIn" : "header.reconnect"), signIn);
    }

    public ReadOnlyObjectProperty<ConnectionInfo> connectionProperty() { return connection; }

    public ReadOnlyObjectProperty<SignIn> signInProperty() { return signIn; }

    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure; }

    /** "Local emulator · Sandbox" or "Profile sales-east · AWS". */
    public ReadOnlyStringProperty connectionTextProperty() { return connectionText; }

    /** Whether the header shows the sign-in state (not "Signed in" against the emulator). */
    public BooleanBinding signInShownProperty() { return signInShown; }

    /** Whether the header offers to connect again (sign-in needed, or the connection failed). */
    public BooleanBinding retryOfferedProperty() { return retryOffered; }

    /** "Sign in" when the sign-in expired, else "Reconnect". */
    public StringBinding retryTextProperty() { return retryText; }

    /**
     * Hands the window's screens to the model and follows the task history from now on (each change read again; the
     * changes arriving meanwhile are folded into one read). Once, before {@link #connectAndLoad}. FX thread.
     */
    public void attach(Steps steps) {
        this.steps = steps;
        history.addListener(this::reloadTasks);
    }

    /** Connects (again), then loads and reads the history; after the first connection, resumes once. FX thread. */
    public void connectAndLoad() {
        if (!previewing) steps.stopLoading(); // the stored rows shown at launch stay until the connection's load
        showStored();
        connect(() -> {
            steps.load();
            reloadTasks();
            if (!resumed) resumeUnfinished();
        });
    }

    /**
     * At launch: the rows kept on disk, at once (the window shows them with its first frame when they were read ahead),
     * while the first connection is made. Once per launch; {@link #connectAndLoad} does it if the window did not.
     */
    public void showStored() {
        if (shownStored) return;
        shownStored = true;
        previewing = true;
        steps.showStored();
    }

    /** (Re)connects; {@code then} runs on the FX thread once connected. FX thread. */
    public void connect(Runnable then) {
        int gen = ++generation;
        signIn.set(SignIn.CONNECTING);
        failure.set(null);
        connectionText.set(Messages.get("header.connecting"));
        background.run(connector::connect, info -> {
            if (gen != generation) return;
            previewing = false;
            connection.set(info);
            connectionText.set(describe(info));
            signIn.set(SignIn.SIGNED_IN);
            then.run();
        }, error -> {
            if (gen != generation) return;
            previewing = false;
            signIn.set(isSignInNeeded(error) ? SignIn.SIGN_IN_NEEDED : SignIn.FAILED);
            failure.set(error);
            connectionText.set(Messages.get("header.notConnected"));
            if (steps != null) steps.connectFailed();
        });
    }

    /** A call failed after connecting: a sign-in failure turns the header's state to "sign-in needed". */
    public void noticeFailure(Throwable error) {
        if (isSignInNeeded(error)) signIn.set(SignIn.SIGN_IN_NEEDED);
    }

    /** Whether a failure to connect is shown as an error: an expired sign-in is none (the header offers "Sign in"). */
    public boolean reportsConnectFailure(Throwable error) {
        return error != null && signIn.get() != SignIn.SIGN_IN_NEEDED;
    }

    /**
     * The AWS profile whose IAM Identity Center sign-in expired ("Sign in" then opens the sign-in for it); null when
     * the header's button simply connects again.
     */
    public String profileToSignIn() {
        return failure.get() instanceof PartnerCentralFailure f && f.kind() == FailureKind.SIGN_IN_NEEDED
                ? f.profile() : null;
    }

    /** Follows again, once per launch, the tasks and batches the app was closed on. */
    private void resumeUnfinished() {
        resumed = true;
        background.run(() -> Unfinished.of(unfinishedBatches.get(), history.all()), steps::resume,
                e -> LOG.warn("Could not read the unfinished tasks", e));
    }

    private void reloadTasks() {
        if (!tasksReloadPending.compareAndSet(false, true)) return;
        background.onFx(() -> background.run(() -> {
            tasksReloadPending.set(false);
            return history.all();
        }, steps::tasksRead, e -> LOG.warn("Could not read the task history", e)));
    }

    /** What an answered AWS referral leads to (its last snapshot; null when none). */
    public static ReferralEnd referralEnded(TaskProgress end) {
        if (end == null) return new ReferralEnd(null, null);
        Throwable failure = null;
        if (!end.isComplete() && TaskKind.of(end) == TaskKind.REJECT_INVITATION) {
            failure = end.failure() != null ? end.failure().toFailure()
                    : new IllegalStateException(end.message() == null ? end.request().invitationId() : end.message());
        }
        String created = TaskKind.createdOpportunityId(end);
        return new ReferralEnd(failure, created != null && end.isComplete() ? created : null);
    }

    /**
     * What the Start-engagement form warns of at its top: the blocking findings of the readiness check the detail
     * pane shows, when it shows this opportunity; none otherwise.
     */
    public static List<String> readinessWarnings(OpportunitySummary row, String shownId, List<ReadinessItem> findings) {
        if (shownId == null || !shownId.equals(row.id())) return List.of();
        return findings.stream().filter(ReadinessItem::blocking).map(ReadinessItem::problem).toList();
    }

    static String describe(ConnectionInfo info) {
        return info.isEmulator()
                ? Messages.format("header.connection.emulator", info.catalog().wire())
                : Messages.format("header.connection.profile", info.profileName(), info.catalog().wire());
    }

    private static boolean isSignInNeeded(Throwable error) {
        return error instanceof PartnerCentralFailure f && f.kind() == FailureKind.SIGN_IN_NEEDED;
    }
}
