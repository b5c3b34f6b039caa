package app.cosell.ui.settings;

import app.cosell.ui.common.ColumnLayout;
import app.cosell.ui.common.SortKey;

import app.cosell.model.Catalog;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.ui.common.Theme;
import java.util.List;
import java.util.Set;

/**
 * Everything the console remembers between launches: connection, theme, emulator demo settings, the main window's
 * bounds, the table's columns and sort, and the last filters. Immutable; {@link SettingsKeeper} holds the current one.
 */
public record UiSettings(
        Theme theme,
        Connection connection,
        EmulatorDemo emulator,
        WindowBounds window,
        List<ColumnLayout> columns,
        List<SortKey> sort,
        LastFilter filter,
        Alerts alerts,
        WindowSize progressWindow,
        Pipeline pipeline) {

    public static final UiSettings DEFAULTS = new UiSettings(Theme.LIGHT, Connection.DEFAULT, EmulatorDemo.DEFAULT,
            null, List.of(), List.of(), LastFilter.NONE, Alerts.DEFAULT, null, Pipeline.DEFAULT);

    public UiSettings {
        theme = theme == null ? Theme.LIGHT : theme;
        connection = connection == null ? Connection.DEFAULT : connection;
        emulator = emulator == null ? EmulatorDemo.DEFAULT : emulator;
        columns = List.copyOf(columns == null ? List.of() : columns);
        sort = List.copyOf(sort == null ? List.of() : sort);
        filter = filter == null ? LastFilter.NONE : filter;
        alerts = alerts == null ? Alerts.DEFAULT : alerts;
        pipeline = pipeline == null ? Pipeline.DEFAULT : pipeline;
    }

    /** The settings of the file format before alerts (kept so callers need not name them). */
    public UiSettings(Theme theme, Connection connection, EmulatorDemo emulator, WindowBounds window,
                      List<ColumnLayout> columns, List<SortKey> sort, LastFilter filter) {
        this(theme, connection, emulator, window, columns, sort, filter, Alerts.DEFAULT, null, Pipeline.DEFAULT);
    }

    /** The size the rep last gave a progress window (new ones open at it); null until they resized one. */
    public record WindowSize(double width, double height) {}

    /** Which Partner Central the console talks to. {@code profileName} is used with {@link Target#AWS_PROFILE}. */
    public record Connection(Target target, String profileName, Catalog catalog) {
        public static final Connection DEFAULT = new Connection(Target.AUTOMATIC, null, Catalog.Sandbox);

        public Connection {
            target = target == null ? Target.AUTOMATIC : target;
            catalog = catalog == null ? Catalog.Sandbox : catalog;
        }
    }

    /** AUTOMATIC: the emulator when this machine has no AWS profile, else the default profile. */
    public enum Target { AUTOMATIC, EMULATOR, AWS_PROFILE }

    /** How the local emulator behaves, for demonstrations: its speed and the failure it injects. */
    public record EmulatorDemo(Speed speed, String faultScenario) {
        public static final EmulatorDemo DEFAULT = new EmulatorDemo(Speed.NORMAL, null);

        public EmulatorDemo { speed = speed == null ? Speed.NORMAL : speed; }
    }

    public enum Speed {
        INSTANT(0), FAST(300), NORMAL(1500), SLOW(5000);

        private final long stepDelayMillis;

        Speed(long stepDelayMillis) { this.stepDelayMillis = stepDelayMillis; }

        public long stepDelayMillis() { return stepDelayMillis; }

        /** The emulator's time between AWS review stages at this speed (a minute at NORMAL, 5 s at least). */
        public long reviewDelayMillis() { return Math.max(5_000, stepDelayMillis * 40); }
    }

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}



    public record LastFilter(Set<Stage> stages, Set<ReviewStatus> reviewStatuses, String company) {
        public static final LastFilter NONE = new LastFilter(Set.of(), Set.of(), "");

        public LastFilter {
            stages = Set.copyOf(stages == null ? Set.of() : stages);
            reviewStatuses = Set.copyOf(reviewStatuses == null ? Set.of() : reviewStatuses);
            company = company == null ? "" : company;
        }
    }

    public UiSettings withTheme(Theme t) { return new UiSettings(t, connection, emulator, window, columns, sort, filter, alerts, progressWindow, pipeline); }

    public UiSettings withConnection(Connection c) { return new UiSettings(theme, c, emulator, window, columns, sort, filter, alerts, progressWindow, pipeline); }

    public UiSettings withEmulator(EmulatorDemo e) { return new UiSettings(theme, connection, e, window, columns, sort, filter, alerts, progressWindow, pipeline); }

    public UiSettings withWindow(WindowBounds w) { return new UiSettings(theme, connection, emulator, w, columns, sort, filter, alerts, progressWindow, pipeline); }

    public UiSettings withColumns(List<ColumnLayout> c) { return new UiSettings(theme, connection, emulator, window, c, sort, filter, alerts, progressWindow, pipeline); }

    public UiSettings withSort(List<SortKey> s) { return new UiSettings(theme, connection, emulator, window, columns, s, filter, alerts, progressWindow, pipeline); }

    public UiSettings withFilter(LastFilter f) { return new UiSettings(theme, connection, emulator, window, columns, sort, f, alerts, progressWindow, pipeline); }

    public UiSettings withAlerts(Alerts a) { return new UiSettings(theme, connection, emulator, window, columns, sort, filter, a, progressWindow, pipeline); }

    public UiSettings withProgressWindow(WindowSize size) { return new UiSettings(theme, connection, emulator, window, columns, sort, filter, alerts, size, pipeline); }

    public UiSettings withPipeline(Pipeline p) { return new UiSettings(theme, connection, emulator, window, columns, sort, filter, alerts, progressWindow, p); }

    /**
     * How many full records the list may read in the background each session to tell which rows are ready to submit
     * (each is one read of the service's daily budget; a row the rep selects is always read).
     */
    public record Pipeline(int recordChecksPerSession) {
        public static final Pipeline DEFAULT = new Pipeline(200);
        /** The choices the settings screen offers; 0 turns the background checks off. */
        public static final List<Integer> CHOICES = List.of(0, 50, 100, 200, 500, 1000, 2000);

        public Pipeline { recordChecksPerSession = Math.max(0, recordChecksPerSession); }
    }

    /** How often the console checks Partner Central for what AWS changed on the rep's submissions. */
    public record Alerts(int pollMinutes) {
        public static final Alerts DEFAULT = new Alerts(5);
        /** The choices the settings screen offers, in minutes. */
        public static final List<Integer> CHOICES = List.of(1, 2, 5, 10, 15, 30, 60);

        public Alerts { pollMinutes = pollMinutes <= 0 ? 5 : pollMinutes; }
    }
}
