package app.cosell.ui.main;

import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Shortcuts;
import app.cosell.ui.common.Theme;
import app.cosell.ui.common.Views;
import app.cosell.ui.history.HistoryWindow;
import app.cosell.ui.opportunities.OpportunitiesController;
import app.cosell.ui.opportunities.OpportunityDetailModel;
import app.cosell.ui.opportunities.OpportunityListModel;
import app.cosell.ui.settings.SettingsDialog;
import app.cosell.ui.settings.UiSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: header (connection, catalog badge, sign-in state, History, Settings), the opportunity list with
 * its detail pane, and the status bar (load progress; the engagement screens' running-tasks indicator at the right).
 * Shows itself first, then connects and loads in the background.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 640;

    private final Stage stage;
    private final ShellServices services;
    private final MainWindowModel model;
    private final OpportunityListModel list;
    private final OpportunityDetailModel detail;
    private final ErrorPresenter errors;
    private final AtomicBoolean tasksReloadPending = new AtomicBoolean();
    private EngageLauncher engage = EngageLauncher.NONE;
    private OpportunitiesController opportunities;
    /** Below this width the header's buttons show only their icons. */
    static final double HEADER_COMPACT_WIDTH = 1180;
    private HistoryWindow history;
    private app.cosell.ui.batch.BatchWindow lastBatch;
    private boolean firstRowsLogged;
    private boolean resumed;

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
        this.model = new MainWindowModel(services.connector(), services.background());
        this.list = new OpportunityListModel(services.opportunities(), services.background());
        this.detail = new OpportunityDetailModel(services.opportunities(), services.readiness(), services.background());
        this.errors = new ErrorPresenter(() -> stage);
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
    /** The customer of a loaded opportunity, by id; null when it is not loaded. */
    private String customerOf(String id) {
        for (OpportunitySummary s : list.rows()) if (s.id().equals(id)) return s.customerCompanyName();
        return null;
    }

    /** The history window, once opened (null before). */
    public HistoryWindow historyWindow() { return history; }

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
        restoreBounds();
        stage.setOnCloseRequest(e -> { if (!confirmQuit()) e.consume(); });
        stage.show();
        opportunities.table().requestFocus();
        // Nothing else competes with the first frame: the profile scan, the emulator start and the first page
        // (all in the background) begin once it is drawn.
        afterFirstFrame(scene, () -> {
            logSinceStart("first frame");
            connect();
        });
    }

    /** Runs {@code action} on the FX thread in the second pulse after now: the first frame has been drawn by then. */
    private static void afterFirstFrame(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        int[] pulses = new int[1];
        listener[0] = () -> {
            if (++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    @FXML
    private void initialize() {
        engage = services.engage().apply(stage);
        engage.setOnOpenOpportunity(this::openOpportunity);
        // Guard & fix: "Fix it" on a readiness finding opens the editor; a saved record shows fresh in the detail pane.
        detail.setOnFix((id, field) -> engage.editor().open(id, app.cosell.model.EditScope.focus(field)));
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
                b.setContentDisplay(compact ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                        : javafx.scene.control.ContentDisplay.LEFT);
        });
        batchButton.setTooltip(new javafx.scene.control.Tooltip(Messages.get("main.batch.tooltip")));
        settingsButton.setGraphic(Icons.SETTINGS.create());
        reconnectButton.setGraphic(Icons.SIGN_IN.create());
        historyButton.setTooltip(new javafx.scene.control.Tooltip(Messages.get("main.history.tooltip")));
        settingsButton.setTooltip(new javafx.scene.control.Tooltip(Messages.get("main.settings.tooltip")));
        connectionLabel.textProperty().bind(model.connectionTextProperty());
        model.connectionProperty().addListener(o -> showConnection());
        model.signInProperty().addListener(o -> showConnection());
        showConnection();

        statusBar.textProperty().bind(list.statusProperty());
        statusBar.progressProperty().bind(javafx.beans.binding.Bindings.when(list.loadingProperty()).then(-1.0).otherwise(0.0));
        statusBar.getRightItems().add(engage.runningTasksIndicator());
        // The day's Partner Central calls (store feature).
        javafx.scene.control.Tooltip usage = new javafx.scene.control.Tooltip();
        usage.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> app.cosell.ui.opportunities.OpportunityListModel.usageText(list.usageProperty().get()), list.usageProperty()));
        statusBar.setTooltip(usage);

        list.failureProperty().addListener((o, was, now) -> {
            if (now == null) return;
            model.noticeFailure(now);
            errors.show(Messages.get("error.action.loadOpportunities"), now);
        });
        model.failureProperty().addListener((o, was, now) -> {
            // An expired sign-in is no error: the header says so and offers "Sign in".
            if (now != null && model.signInProperty().get() != MainWindowModel.SignIn.SIGN_IN_NEEDED) {
                errors.show(Messages.get("error.action.connect"), now);
            }
        });
        list.loadedProperty().addListener((o, was, now) -> {
            if (!firstRowsLogged && now.intValue() > 0) logFirstRows();
        });
        services.history().addListener(this::reloadTasks);
    }

    private void connect() {
        list.stop();
        model.connect(() -> {
            if (inbox != null) {
                inbox.model().refresh();
                inbox.model().startPolling(services.invitations().pollEvery());
            }
            list.refresh();
            reloadTasks();
            if (!resumed) resumeUnfinished();
        });
    }

    /**
     * Tasks that were running when the app last closed are followed again, once per launch; those of an unfinished
     * batch by their batch (its window opens and goes on where it stopped), the others by their progress windows.
     */
    private void resumeUnfinished() {
        resumed = true;
        record Unfinished(java.util.List<app.cosell.model.TaskProgress> tasks,
                          java.util.List<app.cosell.engagement.BatchRun> batches) {}
        services.background().run(() -> {
                    var batches = services.batches().unfinished();
                    java.util.Set<String> byBatch = new java.util.HashSet<>();
                    for (var run : batches)
                        for (var item : run.items()) if (item.localId() != null) byBatch.add(item.localId());
                    var tasks = services.history().all().stream()
                            .filter(t -> !t.isEnded() && !byBatch.contains(t.localId())).toList();
                    return new Unfinished(tasks, batches);
                },
                unfinished -> {
                    if (!unfinished.tasks().isEmpty()) engage.resumeUnfinished(unfinished.tasks());
                    for (var run : unfinished.batches()) batchWindow().accept(run);
                },
                e -> LOG.warn("Could not read the unfinished tasks", e));
    }

    /** Batch engagement for the chosen rows (several selected) or for every row the list shows. */
    @FXML
    public void showBatch() {
        java.util.List<String> ids = opportunities.chosenIds();
        if (ids.isEmpty()) return;
        app.cosell.ui.batch.BatchWindow window = newBatchWindow();
        window.model().triage(ids);
        window.show();
    }

    /** The batch window of the last one opened (tests). */
    public app.cosell.ui.batch.BatchWindow lastBatchWindow() { return lastBatch; }

    private java.util.function.Consumer<app.cosell.engagement.BatchRun> batchWindow() {
        return run -> {
            app.cosell.ui.batch.BatchWindow window = newBatchWindow();
            window.model().open(run);
            window.show();
        };
    }

    private app.cosell.ui.batch.BatchWindow newBatchWindow() {
        var model = new app.cosell.ui.batch.BatchModel(services.batches(), services.background(),
                services.batches().advice());
        lastBatch = new app.cosell.ui.batch.BatchWindow(stage, model, errors, t -> engage.openProgress(t));
        return lastBatch;
    }

    // --- AWS referrals inbox: a tab beside the opportunities ----------------------------------------------------

    private app.cosell.ui.invitations.InboxController inbox;
    private javafx.scene.control.TabPane tabs;
    private javafx.scene.control.Tab opportunitiesTab;
    private javafx.scene.control.Tab referralsTab;

    /** The AWS referrals inbox (null when the shell has none). */
    public app.cosell.ui.invitations.InboxController inbox() { return inbox; }

    /** The tabs: opportunities and AWS referrals (null without the inbox). */
    public javafx.scene.control.TabPane tabs() { return tabs; }

    /** Puts the opportunities and the AWS referrals inbox (with its pending count) on two tabs. */
    private void installReferralsInbox() {
        app.cosell.ui.invitations.InboxModel model = new app.cosell.ui.invitations.InboxModel(services.invitations(),
                services.background(), java.time.Clock.systemUTC());
        inbox = new app.cosell.ui.invitations.InboxController(model, new app.cosell.ui.invitations.InboxController.Answers() {
            @Override
            public void accept(app.cosell.model.ReceivedInvitation i) {
                engage.startTask(app.cosell.model.StartEngagementRequest.acceptInvitation(i.catalog(), i.id(),
                        java.util.List.of()), i.title(), true, MainWindow.this::referralAnswered);
            }

            @Override
            public void resume(app.cosell.model.TaskProgress existing, app.cosell.model.ReceivedInvitation i) {
                engage.resumeTask(existing, i.title(), MainWindow.this::referralAnswered);
            }

            @Override
            public void reject(app.cosell.model.ReceivedInvitation i, String reason) {
                engage.startTask(app.cosell.model.StartEngagementRequest.rejectInvitation(i.catalog(), i.id(), reason),
                        i.title(), false, MainWindow.this::referralAnswered);
            }
        }, () -> stage, errors);
        javafx.scene.Node center = root.getCenter();
        opportunitiesTab = new javafx.scene.control.Tab(Messages.get("main.tab.opportunities"), center);
        opportunitiesTab.setId("opportunitiesTab");
        referralsTab = new javafx.scene.control.Tab(Messages.get("main.tab.referrals"), inbox.load());
        referralsTab.setId("referralsTab");
        Label badgeCount = new Label();
        badgeCount.setId("referralsBadge");
        badgeCount.getStyleClass().add("count-badge");
        badgeCount.textProperty().bind(model.pendingCountProperty().asString());
        badgeCount.visibleProperty().bind(model.pendingCountProperty().greaterThan(0));
        // Pending referrals that expire within 48 h turn the badge urgent.
        model.urgentCountProperty().addListener((o, a, n) -> {
            badgeCount.getStyleClass().remove("urgent");
            if (n.intValue() > 0) badgeCount.getStyleClass().add("urgent");
        });
        referralsTab.setGraphic(badgeCount);
        model.pendingCountProperty().addListener((o, a, n) -> referralsTab.getGraphic()
                .setAccessibleText(Messages.format("main.tab.referrals.accessible", n)));
        tabs = new javafx.scene.control.TabPane(opportunitiesTab, referralsTab);
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
    }

    /** An answered referral: the inbox reads again; an accepted one's new opportunity opens in the list. */
    private void referralAnswered(app.cosell.model.TaskProgress end) {
        if (inbox != null) inbox.model().refresh();
        // A rejection runs without a progress window: when it did not go through, say so here.
        if (end != null && !end.isComplete() && app.cosell.model.TaskKind.of(end) == app.cosell.model.TaskKind.REJECT_INVITATION) {
            errors.show(Messages.get("inbox.error.reject"), end.failure() != null ? end.failure().toFailure()
                    : new IllegalStateException(end.message() == null ? end.request().invitationId() : end.message()));
        }
        String created = end == null ? null : app.cosell.model.TaskKind.createdOpportunityId(end);
        if (created != null && end.isComplete()) {
            tabs.getSelectionModel().select(opportunitiesTab);
            openOpportunity(created);
        }
    }

    /** "Sign in" when the profile's IAM Identity Center sign-in expired, else "Reconnect". */
    @FXML
    private void reconnect() {
        if (model.failureProperty().get() instanceof app.cosell.model.PartnerCentralFailure f
                && f.kind() == app.cosell.model.FailureKind.SIGN_IN_NEEDED && f.profile() != null) {
            new SignInDialog(stage, services.signIn(), services.background(), errors, services.openInBrowser())
                    .show(f.profile(), this::connect);
        } else {
            connect();
        }
    }

    /** Settings changed the connection: connect again and reload. */
    public void reconnectAfterSettings() { connect(); }

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
            connectionLabel.setTooltip(new javafx.scene.control.Tooltip(info.endpoint()));
        }
        MainWindowModel.SignIn s = model.signInProperty().get();
        signInLabel.setText(Messages.of("signIn", s));
        signInLabel.getStyleClass().removeAll("needed", "failed");
        if (s == MainWindowModel.SignIn.SIGN_IN_NEEDED) signInLabel.getStyleClass().add("needed");
        if (s == MainWindowModel.SignIn.FAILED) signInLabel.getStyleClass().add("failed");
        signInLabel.setGraphic(s == MainWindowModel.SignIn.SIGNED_IN ? Icons.SIGNED_IN.create() : null);
        // The emulator has no sign-in: "Signed in" would suggest an AWS account. Only a problem is shown there.
        boolean showSignIn = info == null || !info.isEmulator() || s == MainWindowModel.SignIn.FAILED;
        signInLabel.setVisible(showSignIn);
        signInLabel.setManaged(showSignIn);
        boolean retry = s == MainWindowModel.SignIn.SIGN_IN_NEEDED || s == MainWindowModel.SignIn.FAILED;
        reconnectButton.setVisible(retry);
        reconnectButton.setManaged(retry);
        reconnectButton.setText(Messages.get(s == MainWindowModel.SignIn.SIGN_IN_NEEDED ? "header.signIn" : "header.reconnect"));
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
        java.util.List<String> warnings = shown != null && shown.id().equals(s.id())
                ? detail.findings().stream().filter(app.cosell.ui.opportunities.ReadinessItem::blocking)
                        .map(app.cosell.ui.opportunities.ReadinessItem::problem).toList()
                : java.util.List.of();
        engage.openStartEngagement(s, warnings);
    }

    /**
     * Closing the window while engagement tasks run: asks first, names them, and says they are followed again on the
     * next launch (the task runs on at AWS either way). True to close.
     */
    boolean confirmQuit() {
        java.util.List<String> running = engage.runningTaskLines();
        if (running.isEmpty()) return true;
        javafx.scene.control.ButtonType quit = new javafx.scene.control.ButtonType(Messages.get("quit.confirm.quit"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType stay = new javafx.scene.control.ButtonType(Messages.get("quit.confirm.stay"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                null, stay, quit);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("quit.confirm.title"));
        alert.setHeaderText(Messages.format("quit.confirm.header", running.size()));
        javafx.scene.control.Label text = new javafx.scene.control.Label(Messages.get("quit.confirm.text")
                + "\n\n\u2022 " + String.join("\n\u2022 ", running));
        text.setWrapText(true);
        text.setId("quitTasks");
        // Every line shown whole (a wrapped label in a dialog otherwise gets one line's height).
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setPrefWidth(440);
        alert.setGraphic(Icons.INFO.create());
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("quitConfirmation");
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        for (javafx.scene.control.ButtonType t : java.util.List.of(stay, quit)) {
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(t)).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(quit)).setDefaultButton(false);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return alert.showAndWait().filter(b -> b == quit).isPresent();
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

    /** Reads the history again after it changed; changes arriving meanwhile are folded into one read. */
    private void reloadTasks() {
        if (!tasksReloadPending.compareAndSet(false, true)) return;
        services.background().onFx(() -> services.background().run(() -> {
            tasksReloadPending.set(false);
            return services.history().all();
        }, tasks -> {
            list.updateTasks(tasks);
            detail.updateTasks(tasks);
        }, e -> LOG.warn("Could not read the task history", e)));
    }

    private void logFirstRows() {
        firstRowsLogged = true;
        // Measured once the rows are laid out, i.e. in the frame that shows them.
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            logSinceStart("first rows shown");
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Logs how long after the process start {@code what} happened; the start time is read in the background. */
    private void logSinceStart(String what) {
        long at = System.currentTimeMillis();
        services.background().run(() -> ProcessHandle.current().info().startInstant().map(i -> at - i.toEpochMilli()),
                ms -> ms.ifPresent(v -> LOG.info("{} after {} ms (from process start)", what, v)), e -> { });
    }

    private void restoreBounds() {
        UiSettings.WindowBounds b = services.settings().get().window();
        if (b != null && !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        }
        InvalidationListener moved = o -> {
            if (stage.isIconified()) return;
            UiSettings.WindowBounds prev = services.settings().get().window();
            UiSettings.WindowBounds now = stage.isMaximized() && prev != null
                    ? new UiSettings.WindowBounds(prev.x(), prev.y(), prev.width(), prev.height(), true)
                    : new UiSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
            services.settings().update(s -> s.withWindow(now));
        };
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(moved);
    }
}
