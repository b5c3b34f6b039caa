package app.cosell.ui.main;

import app.cosell.model.EditScope;
import app.cosell.model.EditableField;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Messages;
import app.cosell.ui.edit.OpportunityEditor;
import app.cosell.ui.review.ChangeAlertsModel;
import app.cosell.ui.review.ChangeAlertsView;
import app.cosell.ui.review.FixRequest;
import app.cosell.ui.review.ReviewScreens;
import app.cosell.ui.review.ReviewSource;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;

/**
 * AWS's review and alerts in the console: the review panels (in the detail pane, and in a completed task's progress
 * window), where "Fix in the app" leads, and the alerts of AWS's changes in the main window's status bar. The app
 * context hands over the reads (review reports, the change watcher); this class wires the screens to them.
 */
public final class MainWindowReviews {

    private final ReviewSource source;
    private final ChangeAlertsModel.Watcher watcher;
    private final Background background;
    private final Duration followEvery;
    private final Supplier<Duration> alertInterval;
    private final Supplier<FixRequest> fixOverride;
    private final Supplier<OpportunityEditor> editor;
    private ReviewScreens screens;
    private volatile Consumer<String> openOpportunity;
    private ChangeAlertsView alertsView;

    /**
     * @param followEvery   how often a review panel re-reads a review AWS has not decided yet
     * @param alertInterval how often the change watcher polls (read before each poll)
     * @param fixOverride   where "Fix in the app" goes instead of the editor (tests); null: the editor
     * @param editor        the opportunity editor of the main window; null until the engagement screens are built
     */
    public MainWindowReviews(ReviewSource source, ChangeAlertsModel.Watcher watcher, Background background,
                             Duration followEvery, Supplier<Duration> alertInterval, Supplier<FixRequest> fixOverride,
                             Supplier<OpportunityEditor> editor) {
        this.source = source;
        this.watcher = watcher;
        this.background = background;
        this.followEvery = followEvery;
        this.alertInterval = alertInterval;
        this.fixOverride = fixOverride;
        this.editor = editor;
    }

    /** The review panels (made on first use; FX thread). */
    public synchronized ReviewScreens screens() {
        if (screens == null) screens = new ReviewScreens(source, background, followEvery, Messages.bundle(), this::fix);
        return screens;
    }

    /**
     * "Fix in the app": the editor with only the fields the review status leaves editable, the ones AWS's comments name
     * highlighted; before the editor exists, the main window shows the opportunity.
     */
    private void fix(String id, List<String> editable, List<String> focus) {
        FixRequest chosen = fixOverride.get();
        OpportunityEditor openEditor = editor.get();
        Consumer<String> open = openOpportunity;
        if (chosen != null) {
            chosen.fix(id, editable, focus);
        } else if (openEditor != null) {
            Set<EditableField> named = EnumSet.noneOf(EditableField.class);
            for (String path : focus) {
                EditableField field = EditableField.fromPath(path);
                if (field != null) named.add(field);
            }
            openEditor.open(id, EditScope.actionRequired(named));
        } else if (open != null) {
            open.accept(id);
        }
    }

    /**
     * Adds AWS's review to the main window: the review panel in the detail pane, and the alerts (status-bar badge,
     * "Changes since" list, notifications) fed by the change watcher, whose first poll catches up with what changed
     * while the app was closed and runs once connected. FX thread, after the window is shown.
     */
    public void attach(MainWindow window, Stage stage) {
        openOpportunity = window::openOpportunity;
        screens().attach(window.opportunities().detailController().reviewSlot(),
                window.detailModel().opportunityProperty());
        ChangeAlertsModel alerts = new ChangeAlertsModel(watcher, background, alertInterval, Messages.bundle());
        alertsView = new ChangeAlertsView(alerts, () -> stage, window::openOpportunity);
        window.statusBar().getRightItems().add(0, alertsView.button());
        window.model().connectionProperty().addListener((o, was, now) -> {
            if (now != null) alerts.start();
        });
        if (window.model().connectionProperty().get() != null) alerts.start();
    }

    /** The alerts of the main window (after {@link #attach}; null before). */
    public ChangeAlertsView alertsView() { return alertsView; }
}
