package app.cosell.ui.main;

import app.cosell.ui.batch.BatchModel;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.TaskHistoryFeed;
import app.cosell.ui.invitations.InboxModel;
import app.cosell.ui.opportunities.OpportunitySource;
import app.cosell.ui.opportunities.ReadinessItem;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.SettingsModel;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.stage.Stage;

/**
 * Everything the console shell needs from the rest of the app, handed over by {@code AppContext} (the only class
 * that knows every package). Each screen model takes the few pieces it uses.
 *
 * @param engage        builds the engagement screens for the main window (given as their owner)
 * @param signIn        the IAM Identity Center sign-in of AWS profiles
 * @param openInBrowser opens a web page in the rep's browser
 * @param batches       batch engagement: triage, queue, runs
 * @param invitations   the AWS referrals inbox's reads (null: no inbox)
 */
public record ShellServices(
        MainWindowModel.Connector connector,
        OpportunitySource opportunities,
        ReadinessItem.Check readiness,
        TaskHistoryFeed history,
        SettingsKeeper settings,
        SettingsModel.Services settingsServices,
        Background background,
        Function<Stage, EngageLauncher> engage,
        SignInService signIn,
        Consumer<String> openInBrowser,
        BatchModel.Services batches,
        InboxModel.Source invitations) {

    /** Without batches and without the AWS referrals inbox (shell tests). */
    public ShellServices(MainWindowModel.Connector connector, OpportunitySource opportunities,
                         ReadinessItem.Check readiness, TaskHistoryFeed history, SettingsKeeper settings,
                         SettingsModel.Services settingsServices, Background background,
                         Function<Stage, EngageLauncher> engage, SignInService signIn,
                         Consumer<String> openInBrowser) {
        this(connector, opportunities, readiness, history, settings, settingsServices, background, engage, signIn,
                openInBrowser, BatchModel.Services.NONE, null);
    }
}
