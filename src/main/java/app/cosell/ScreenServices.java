package app.cosell;

import app.cosell.engagement.BatchRun;
import app.cosell.engagement.BatchTriage;
import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.engagement.InvitationReplies;
import app.cosell.engagement.ReadinessIssue;
import app.cosell.engagement.StartGuard;
import app.cosell.model.AwsProfile;
import app.cosell.model.Batch;
import app.cosell.model.Catalog;
import app.cosell.model.ConnectionSettings;
import app.cosell.model.InvolvementType;
import app.cosell.model.Opportunity;
import app.cosell.model.OpportunityUpdate;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.Solution;
import app.cosell.model.StartVerdict;
import app.cosell.model.Tag;
import app.cosell.partner.SsoSignIn;
import app.cosell.ui.batch.BatchModel;
import app.cosell.ui.common.FxBackground;
import app.cosell.ui.common.Messages;
import app.cosell.ui.edit.EditWindows;
import app.cosell.ui.edit.OpportunityEditModel;
import app.cosell.ui.edit.OpportunityEditor;
import app.cosell.ui.engage.AwsCliText;
import app.cosell.ui.engage.EngageWindows;
import app.cosell.ui.invitations.InboxModel;
import app.cosell.ui.main.ConnectionInfo;
import app.cosell.ui.main.EngageLauncher;
import app.cosell.ui.main.SignInService;
import app.cosell.ui.opportunities.ReadinessItem;
import app.cosell.ui.settings.EmulatorAdmin;
import app.cosell.ui.settings.SettingsModel;
import app.cosell.ui.settings.UiSettings;
import java.net.URI;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;

/**
 * The services the console's screens are given, as adapters over the context's parts: the engagement screens with
 * guard and fix (start guard, opportunity editor), batch engagement, the AWS referrals inbox, the detail pane's
 * readiness, the settings screen's services and the sign-in of AWS profiles. Holds no lock: the adapters call the
 * context's accessors, which take it.
 */
final class ScreenServices {

    private final AppContext context;
    private final ConnectionKeeper connection;
    private final AppContext.Options options;

    // --- guard & fix (issue 11): the start guard for the form and the detail pane, the opportunity editor --------

    private final StartGuard startGuard = new StartGuard();
    private volatile Consumer<String> browser = url -> {};

    /** The opportunity editor of the main window (set with its engagement screens; read on the FX thread). */
    private volatile OpportunityEditor editor;

    ScreenServices(AppContext context, ConnectionKeeper connection, AppContext.Options options) {
        this.context = context;
        this.connection = connection;
        this.options = options;
    }

    /** Where the screens open web pages (sign-in, "Fix on the AWS console"). */
    void openPagesWith(Consumer<String> openInBrowser) { this.browser = openInBrowser; }

    /** The opportunity editor of the main window, once its engagement screens are made (FX thread). */
    OpportunityEditor editor() { return editor; }

    /** The engagement screens (ui.engage, ui.progress) for the main window {@code owner}. */
    EngageLauncher engageWindows(Stage owner) {
        // "Open the opportunity" brings the main window, where the opportunity is listed, to the front.
        EngageWindows windows = EngageWindows.create(owner, context.executor(), context::runner, context.advice(),
                options.dataDir(), context.json(), this::cliTarget,
                AppContext.class.getPackage().getImplementationVersion(), id -> owner.toFront());
        windows.progressWindows().setAfterComplete(id -> context.reviewScreens().following(id));
        windows.progressWindows().setLogTail(context.logTail());
        UiSettings.WindowSize size = context.settings().get().progressWindow();
        windows.progressWindows().rememberSize(size == null ? null : new Dimension2D(size.width(), size.height()),
                d -> context.settings().update(x -> x.withProgressWindow(
                        new UiSettings.WindowSize(d.getWidth(), d.getHeight()))));
        guardAndFix(windows, owner);
        return windows;
    }

    private void guardAndFix(EngageWindows windows, Stage owner) {
        FxBackground background = new FxBackground(context.executor());
        EditWindows editor = new EditWindows(() -> owner, background,
                new OpportunityEditModel.Services() {
                    @Override public Opportunity load(String id) { return context.partnerCentral().getOpportunity(id); }
                    @Override public Opportunity save(OpportunityUpdate u) {
                        return context.partnerCentral().updateOpportunity(u);
                    }
                    @Override public List<Solution> solutions() { return context.partnerCentral().listSolutions(); }
                    @Override public StartVerdict verdict(Opportunity o) {
                        return startGuard.decide(o, ourTaskRunning(o.id()), LocalDate.now());
                    }
                }, LocalDate::now);
        this.editor = editor;
        windows.guardAndFix(id -> {
            Opportunity o = context.partnerCentral().getOpportunity(id);
            boolean running = ourTaskRunning(id);
            Map<InvolvementType, StartVerdict> byInvolvement =
                    new EnumMap<>(InvolvementType.class);
            for (InvolvementType t : InvolvementType.values())
                byInvolvement.put(t, startGuard.decide(o, t, running, LocalDate.now()));
            return byInvolvement;
        }, background, editor, url -> browser.accept(url));
    }

    /** Whether a task of ours for the opportunity has not ended (the history, which the runner keeps current). */
    private boolean ourTaskRunning(String opportunityId) {
        return context.history().forOpportunity(opportunityId).stream().anyMatch(t -> !t.isEnded());
    }

    /** Where a copied AWS CLI command points: the current connection. Called on the FX thread: takes no lock. */
    private AwsCliText.Target cliTarget() {
        ConnectionInfo c = connection.current();
        if (c == null || c.isEmulator()) {
            return new AwsCliText.Target(ConnectionSettings.DEFAULT_REGION, c == null ? null : c.endpoint(), null);
        }
        return new AwsCliText.Target(ConnectionSettings.DEFAULT_REGION, null, c.profileName());
    }

    /** A bundle text with its arguments (the key itself when the bundle has none). */
    static String words(String key, List<String> args) {
        if (key == null) return "";
        return Messages.bundle().containsKey(key) ? MessageFormat.format(Messages.get(key), args.toArray()) : key;
    }

    BatchModel.Services batchServices() {
        return new BatchModel.Services() {
            @Override public Catalog catalog() { return context.partnerCentral().catalog(); }
            @Override public BatchTriage.Result triage(List<String> ids, InvolvementType involvement,
                                                       Consumer<BatchTriage.Entry> onEntry)
                    throws InterruptedException {
                return context.batches().triage(ids, involvement, onEntry);
            }
            @Override public BatchRun plan(Batch settings, BatchTriage.Result triage, Map<String, List<Tag>> extraTags) {
                return context.batches().plan(settings, triage, extraTags);
            }
            @Override public long writesLeftToday() { return context.batches().writesLeftToday(); }
            @Override public void export(BatchRun run, Path file) throws Exception { context.batches().export(run, file); }
            @Override public String words(String key, List<String> args) { return ScreenServices.words(key, args); }
            @Override public FailureAdviceCatalogue advice() { return context.advice(); }
            @Override public List<BatchRun> unfinished() {
                // Only the batches of the connected catalog can go on now; the others wait for theirs.
                Catalog connected = context.partnerCentral().catalog();
                return context.batches().unfinished().stream().filter(b -> b.catalog() == connected)
                        .map(b -> context.batches().open(b.id())).toList();
            }
        };
    }

    /** The AWS referrals inbox's reads over the current connection, with the invitation guard. */
    InboxModel.Source invitationSource() {
        return new InboxModel.Source() {
            @Override
            public List<ReceivedInvitation> list() {
                return context.partnerCentral().receivedInvitations(List.of());
            }

            @Override
            public ReceivedInvitation detail(String invitationId) {
                return context.partnerCentral().receivedInvitation(invitationId);
            }

            @Override
            public InvitationReplies.Decision checkAccept(String invitationId) {
                return new InvitationReplies(context.partnerCentral(), context.history(),
                        Clock.systemUTC()).checkAccept(invitationId);
            }

            @Override
            public InvitationReplies.Decision checkReject(String invitationId) {
                return new InvitationReplies(context.partnerCentral(), context.history(),
                        Clock.systemUTC()).checkReject(invitationId);
            }

            /** A minute, or {@code -Dcosell.invitationPollMillis} (tests, demos). */
            @Override
            public Duration pollEvery() {
                return Duration.ofMillis(Long.getLong("cosell.invitationPollMillis", 60_000L));
            }
        };
    }

    /** The IAM Identity Center sign-in of an AWS profile. */
    SignInService.Attempt beginSignIn(String profile) {
        SsoSignIn.Attempt a = new SsoSignIn(options.profiles()).begin(profile);
        return new SignInService.Attempt() {
            @Override public String userCode() { return a.deviceCode().userCode(); }
            @Override public URI pageToOpen() {
                SsoSignIn.DeviceCode c = a.deviceCode();
                return c.verificationUriComplete() != null ? c.verificationUriComplete() : c.verificationUri();
            }
            @Override public void awaitToken() throws InterruptedException { a.awaitToken(); }
            @Override public void close() { a.close(); }
        };
    }

    private List<ReadinessItem> readinessOf(Opportunity o) {
        List<ReadinessItem> out = new ArrayList<>();
        for (ReadinessIssue i : startGuard.findings(o, InvolvementType.CO_SELL, LocalDate.now())) {
            out.add(new ReadinessItem(i.severity() == ReadinessIssue.Severity.WILL_FAIL,
                    i.what(Messages.bundle()), i.fix(Messages.bundle()), StartGuard.editableOf(i)));
        }
        return out;
    }

    /** The detail pane's readiness list and the start guard's verdict, from the one rule set. */
    ReadinessItem.Check readinessCheck() {
        return new ReadinessItem.Check() {
            @Override public List<ReadinessItem> check(Opportunity o) { return readinessOf(o); }
            @Override public StartVerdict verdict(Opportunity o, boolean running) {
                return startGuard.decide(o, running, LocalDate.now());
            }
            @Override public String describe(StartVerdict v) {
                return StartGuard.summary(v, Messages.bundle());
            }
        };
    }

    SettingsModel.Services settingsServices() {
        return new SettingsModel.Services() {
            @Override
            public List<String> awsProfiles() {
                return options.profiles().discover().stream().map(AwsProfile::name).toList();
            }

            @Override
            public List<String> faultScenarios() { return connection.faultScenarios(); }

            @Override
            public void applyEmulatorDemo(UiSettings.EmulatorDemo demo) throws Exception {
                EmulatorAdmin admin = connection.emulatorAdmin();
                if (admin != null) admin.apply(demo);
            }
        };
    }
}
