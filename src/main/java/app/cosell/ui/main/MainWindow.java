package app.cosell.ui.main;

import app.cosell.engagement.BatchRun;
import app.cosell.model.EditScope;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.ui.batch.BatchModel;
import app.cosell.ui.batch.BatchWindow;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Shortcuts;
import app.cosell.ui.common.Theme;
import app.cosell.ui.common.Views;
import app.cosell.ui.history.HistoryWindow;
import app.cosell.ui.invitations.InboxController;
import app.cosell.ui.invitations.InboxModel;
import app.cosell.ui.opportunities.OpportunitiesController;
import app.cosell.ui.opportunities.OpportunityDetailModel;
import app.cosell.ui.opportunities.OpportunityListModel;
import app.cosell.ui.settings.SettingsDialog;
import java.time.Clock;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The main window: header (connection, catalog badge, sign-in state, History, Settings), the opportunity list with
 * its detail pane, and the status bar (load progress; the engagement screens' running-tasks indicator at the right).
 * Shows itself first, then connects and loads in the background. The order of connect, load and resume, and what the
 * header offers, are {@link MainWindowModel}'s decisions; this class builds the window and does what the model asks.
 */
public final class MainWindow {

    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 640;
    /** Below this width the header's buttons show only their icons. */
    static final double HEADER_COMPACT_WIDTH = 1180;

    private final Stage stage;
    private final ShellServices services;
    private final MainWindowModel model;
    private final OpportunityListModel list;
    private final OpportunityDetailModel detail;
    private final ErrorPresenter errors;
    private EngageLauncher engage = EngageLauncher.NONE;
    private OpportunitiesController opportunities;
    private HistoryWindow history;
    private BatchWindow lastBatch;
    private InboxController inbox;
    private MainTabsView tabs;
    private final LaunchTiming timing;

    @FXML private BorderPane root;
    @FXML private Label badge;
    @FXML private Label connectionLabel;
    @FXML private Label signInLabel;
    @FXML private Button reconnectButton;
    @FXML private Button historyButton;
    @FXML private Button batchButton;
    @FXML private Button settingsButton;
    @FXML private StatusBar statusBar;

    public MainWindow(Stage stage, ShellServices services) {
        this.stage = stage;
        this.services = services;
        this.model = new MainWindowModel(services.connector(), services.background(), services.history(),
                () -> services.batches().unfinished());
        this.list = new OpportunityListModel(services.opportunities(), services.background());
        // The background record checks the rep allows (Settings > Readiness checks).
        list.recordBudgetProperty().bind(Bindings.createIntegerBinding(
                () -> services.settings().get().pipeline().recordChecksPerSession(), services.settings().currentProperty()));
        this.detail = new OpportunityDetailModel(services.opportunities(), services.readiness(), services.background());
        this.errors = new ErrorPresenter(() -> stage);
        this.timing = new LaunchTiming(services.background());
    }

    public OpportunityListModel listModel() { return list; }

    public OpportunityDetailModel detailModel() { return detail; }

    public MainWindowModel model() { return model; }

    public ErrorPresenter errors() { return errors; }

    public EngageLauncher engage() { return engage; }

    /** The opportunity list and its detail pane (after {@link #show}). */
    public OpportunitiesController opportunities() { return opportunities; }

    /** The status bar, for items of other screens (e.g. the alerts of AWS's changes). */
    public StatusBar statusBar() { return statusBar; }

    /** The history window, once opened (null before). */
    public HistoryWindow historyWindow() { return history; }

    /** The batch window of the last one opened (tests). */
    public BatchWindow lastBatchWindow() { return lastBatch; }

    /** The AWS referrals inbox (null when the shell has none). */
    public InboxController inbox() { return inbox; }

    /** The tabs: opportunities and AWS referrals (null without the inbox). */
    public TabPane tabs() { return tabs == null ? null : tabs.pane(); }

    /** The customer of a loaded opportunity, by id; null when it is not loaded. */
    private String customerOf(String id) {
        for (OpportunitySummary s : list.rows()) if (s.id().equals(id)) return s.customerCompanyName();
        return null;
    }

    /** Builds the window, shows it, and once its first frame is drawn connects and loads the first page in the background. FX thread. */
    public void show() {
        services.settings().get().theme().apply();
        BorderPane view = Views.load("/app/cosell/ui/main/MainWindow.fxml", this);
        Scene scene = new Scene(view);
        Theme.style(scene);
        installShortcuts(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        // Half a 1920 px screen is the narrowest supported: the layout folds up to there (OpportunitiesController).
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        MainWindowBounds.restoreAndKeep(stage, services.settings());
        stage.setOnCloseRequest(e -> { if (!confirmQuit()) e.consume(); });
        model.showStored(); // the rows kept on disk come with the first frame, before any connection
        stage.show();
        opportunities.table().requestFocus();
        // Nothing else competes with the first frame: the profile scan, the emulator start and the first page
        // (all in the background) begin once it is drawn.
        timing.afterFirstFrame(scene, () -> {
            timing.logSinceStart("first frame");
            model.connectAndLoad();
        });
    }

    @FXML
    private void initialize() {
        engage = services.engage().apply(stage);
        engage.setOnOpenOpportunity(this::openOpportunity);
        // Guard & fix: "Fix it" on a readiness finding opens the editor; a saved record shows fresh in the detail pane.
        detail.setOnFix((id, field) -> engage.editor().open(id, EditScope.focus(field)));
        engage.setOnOpportunitySaved(detail::showRefreshed);
        opportunities = new OpportunitiesController(list, detail, services.settings(), this::startEngagement,
                t -> engage.openProgress(t));
        root.setCenter(opportunities.load());
        opportunities.connectingProperty().bind(model.signInProperty().isEqualTo(MainWindowModel.SignIn.CONNECTING));
        if (services.invitations() != null) installReferralsInbox();

        historyButton.setGraphic(Icons.HISTORY.create());
        batchButton.setGraphic(Icons.BATCH.create());
        // Half a 1920 px screen: the header's buttons keep only their icons (their names stay in the tooltips and
        // the accessible text), so the title, the catalog badge and the connection stay whole.
        root.widthProperty().addListener((o, was, now) -> {
            boolean compact = now.doubleValue() < HEADER_COMPACT_WIDTH;
            for (Button b : new Button[] {batchButton, historyButton, settingsButton})
                b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        });
        batchButton.setTooltip(new Tooltip(Messages.get("main.batch.tooltip")));
        settingsButton.setGraphic(Icons.SETTINGS.create());
        reconnectButton.setGraphic(Icons.SIGN_IN.create());
        historyButton.setTooltip(new Tooltip(Messages.get("main.history.tooltip")));
        settingsButton.setTooltip(new Tooltip(Messages.get("main.settings.tooltip")));
        connectionLabel.textProperty().bind(model.connectionTextProperty());
        signInLabel.visibleProperty().bind(model.signInShownProperty());
        signInLabel.managedProperty().bind(model.signInShownProperty());
        reconnectButton.visibleProperty().bind(model.retryOfferedProperty());
        reconnectButton.managedProperty().bind(model.retryOfferedProperty());
        reconnectButton.textProperty().bind(model.retryTextProperty());
        model.connectionProperty().addListener(o -> showConnection());
        model.signInProperty().addListener(o -> showConnection());
        showConnection();

        statusBar.textProperty().bind(list.statusProperty());
        statusBar.progressProperty().bind(Bindings.when(list.loadingProperty()).then(-1.0).otherwise(0.0));
        statusBar.getRightItems().add(engage.runningTasksIndicator());
        // The day's Partner Central calls (store feature).
        Tooltip usage = new Tooltip();
        usage.textProperty().bind(Bindings.createStringBinding(
                () -> OpportunityListModel.usageText(list.usageProperty().get()), list.usageProperty()));
        statusBar.setTooltip(usage);

        list.failureProperty().addListener((o, was, now) -> {
            if (now == null) return;
            model.noticeFailure(now);
            errors.show(Messages.get("error.action.loadOpportunities"), now);
        });
        model.failureProperty().addListener((o, was, now) -> {
            if (model.reportsConnectFailure(now)) errors.show(Messages.get("error.action.connect"), now);
        });
        list.loadedProperty().addListener((o, was, now) -> {
            if (now.intValue() > 0) timing.rowsLoaded(stage.getScene());
        });
        model.attach(new MainWindowModel.Steps() {
            @Override
            public void stopLoading() { list.stop(); }

            @Override
            public void showStored() { list.showStored(); }

            @Override
            public void connectFailed() { list.stop(); }

            @Override
            public void load() {
                if (inbox != null) {
                    inbox.model().refresh();
                    inbox.model().startPolling(services.invitations().pollEvery());
                }
                list.refresh();
            }

            @Override
            public void tasksRead(List<TaskProgress> tasks) {
                list.updateTasks(tasks);
                detail.updateTasks(tasks);
            }

            @Override
            public void resume(MainWindowModel.Unfinished unfinished) {
                // Tasks of an unfinished batch are followed by their batch (its window goes on where it stopped).
                if (!unfinished.tasks().isEmpty()) engage.resumeUnfinished(unfinished.tasks());
                for (BatchRun run : unfinished.batches()) {
                    BatchWindow window = newBatchWindow();
                    window.model().open(run);
                    window.show();
                }
            }
        });
    }

    /** Batch engagement for the chosen rows (several selected) or for every row the list shows. */
    @FXML
    public void showBatch() {
        List<String> ids = opportunities.chosenIds();
        if (ids.isEmpty()) return;
        BatchWindow window = newBatchWindow();
        window.model().triage(ids);
        window.show();
    }

    private BatchWindow newBatchWindow() {
        var batchModel = new BatchModel(services.batches(), services.background(), services.batches().advice());
        lastBatch = new BatchWindow(stage, batchModel, errors, t -> engage.openProgress(t));
        return lastBatch;
    }

    /** Puts the opportunities and the AWS referrals inbox (with its pending count) on two tabs. */
    private void installReferralsInbox() {
        InboxModel inboxModel = new InboxModel(services.invitations(), services.background(), Clock.systemUTC());
        inbox = new InboxController(inboxModel, new InboxController.Answers() {
            @Override
            public void accept(ReceivedInvitation i) {
                engage.startTask(StartEngagementRequest.acceptInvitation(i.catalog(), i.id(), List.of()), i.title(),
                        true, MainWindow.this::referralAnswered);
            }

            @Override
            public void resume(TaskProgress existing, ReceivedInvitation i) {
                engage.resumeTask(existing, i.title(), MainWindow.this::referralAnswered);
            }

            @Override
            public void reject(ReceivedInvitation i, String reason) {
                engage.startTask(StartEngagementRequest.rejectInvitation(i.catalog(), i.id(), reason),
                        i.title(), false, MainWindow.this::referralAnswered);
            }
        }, () -> stage, errors);
        tabs = new MainTabsView(root.getCenter(), inbox);
        root.setCenter(tabs.pane());
    }

    /** An answered referral: the inbox reads again; the model says what else to show. */
    private void referralAnswered(TaskProgress end) {
        if (inbox != null) inbox.model().refresh();
        MainWindowModel.ReferralEnd then = MainWindowModel.referralEnded(end);
        if (then.failure() != null) errors.show(Messages.get("inbox.error.reject"), then.failure());
        if (then.openOpportunityId() != null) {
            tabs.showOpportunities();
            openOpportunity(then.openOpportunityId());
        }
    }

    /** "Sign in" when the profile's IAM Identity Center sign-in expired, else "Reconnect". */
    @FXML
    private void reconnect() {
        String profile = model.profileToSignIn();
        if (profile != null) {
            new SignInDialog(stage, services.signIn(), services.background(), errors, services.openInBrowser())
                    .show(profile, model::connectAndLoad);
        } else {
            model.connectAndLoad();
        }
    }

    /** Settings changed the connection: connect again and reload. */
    public void reconnectAfterSettings() { model.connectAndLoad(); }

    /** The badge, the connection's icon and the sign-in label's look (their visibility is bound to the model). */
    private void showConnection() {
        ConnectionInfo info = model.connectionProperty().get();
        badge.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        root.getStyleClass().remove("production");
        if (info == null) {
            badge.setText(null);
            badge.setVisible(false);
        } else {
            ConnectionInfo.Badge b = info.badge();
            badge.setVisible(true);
            badge.setText(Messages.of("badge", b));
            badge.getStyleClass().add(b.styleClass());
            badge.setAccessibleText(Messages.format("badge.accessible", Messages.of("badge", b), info.catalog().wire()));
            if (b == ConnectionInfo.Badge.PRODUCTION) root.getStyleClass().add("production");
            connectionLabel.setGraphic(info.isEmulator() ? Icons.EMULATOR.create() : Icons.CLOUD.create());
            connectionLabel.setTooltip(new Tooltip(info.endpoint()));
        }
        MainWindowModel.SignIn s = model.signInProperty().get();
        signInLabel.setText(Messages.of("signIn", s));
        signInLabel.getStyleClass().removeAll("needed", "failed");
        if (s == MainWindowModel.SignIn.SIGN_IN_NEEDED) signInLabel.getStyleClass().add("needed");
        if (s == MainWindowModel.SignIn.FAILED) signInLabel.getStyleClass().add("failed");
        signInLabel.setGraphic(s == MainWindowModel.SignIn.SIGNED_IN ? Icons.SIGNED_IN.create() : null);
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(Shortcuts.SEARCH, opportunities::focusSearch);
        scene.getAccelerators().put(Shortcuts.START_ENGAGEMENT, opportunities::startSelected);
        scene.getAccelerators().put(Shortcuts.REFRESH, opportunities::refresh);
        scene.getAccelerators().put(Shortcuts.FULL_RELOAD, opportunities::reload);
        scene.getAccelerators().put(Shortcuts.HISTORY, this::showHistory);
        scene.getAccelerators().put(Shortcuts.BATCH, this::showBatch);
        scene.getAccelerators().put(Shortcuts.SETTINGS, this::showSettings);
        scene.getAccelerators().put(Shortcuts.TABLE, opportunities::focusTable);
        scene.getAccelerators().put(Shortcuts.COLUMNS, opportunities::showColumnChooser);
    }

    private void startEngagement(OpportunitySummary s) {
        // The detail pane's readiness check of this opportunity, when it shows it: the form warns at its top.
        var shown = detail.opportunityProperty().get();
        engage.openStartEngagement(s, MainWindowModel.readinessWarnings(s, shown == null ? null : shown.id(),
                detail.findings()));
    }

    /** Closing the window while engagement tasks run asks first ({@link QuitDialog}). True to close. */
    boolean confirmQuit() {
        List<String> running = engage.runningTaskLines();
        return running.isEmpty() || QuitDialog.confirm(stage, running);
    }

    /**
     * "Open the opportunity" (from a task's progress window): brings this window forward, selects and scrolls to the
     * opportunity and shows its detail; the list model clears a search or filters hiding it, or fetches it when it is
     * not loaded yet, and says so in the status line. FX thread.
     */
    public void openOpportunity(String id) {
        if (stage.isIconified()) stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        list.open(id);
    }

    @FXML
    public void showHistory() {
        if (history == null) {
            history = new HistoryWindow(stage, services.history(), services.background(), errors, t -> engage.openProgress(t));
            history.model().setCustomerNames(this::customerOf);
        }
        history.show();
    }

    @FXML
    public void showSettings() {
        new SettingsDialog(stage, services.settings(), services.settingsServices(), services.background(), errors,
                this::reconnectAfterSettings).show();
    }
}
