package app.cosell.ui.main;

import app.cosell.ui.common.Background;
import app.cosell.ui.common.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's own state: which Partner Central it is connected to (for the header and badge) and the
 * sign-in state. Connecting (starting the emulator, reading profiles, signing in) runs in the background.
 */
public final class MainWindowModel {

    /** Blocking: opens the connection the settings ask for and says what it is. */
    @FunctionalInterface
    public interface Connector {
        ConnectionInfo connect() throws Exception;
    }

    public enum SignIn { CONNECTING, SIGNED_IN, SIGN_IN_NEEDED, FAILED }

    private final Connector connector;
    private final Background background;
    private final ObjectProperty<ConnectionInfo> connection = new SimpleObjectProperty<>(this, "connection");
    private final ObjectProperty<SignIn> signIn = new SimpleObjectProperty<>(this, "signIn", SignIn.CONNECTING);
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>(this, "failure");
    private final StringProperty connectionText = new SimpleStringProperty(this, "connectionText",
            Messages.get("header.connecting"));
    private int generation;

    public MainWindowModel(Connector connector, Background background) {
        this.connector = connector;
        this.background = background;
    }

    public ReadOnlyObjectProperty<ConnectionInfo> connectionProperty() { return connection; }

    public ReadOnlyObjectProperty<SignIn> signInProperty() { return signIn; }

    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure; }

    /** "Local emulator · Sandbox" or "Profile sales-east · AWS". */
    public ReadOnlyStringProperty connectionTextProperty() { return connectionText; }

    /** (Re)connects; {@code then} runs on the FX thread once connected. FX thread. */
    public void connect(Runnable then) {
        int gen = ++generation;
        signIn.set(SignIn.CONNECTING);
        failure.set(null);
        connectionText.set(Messages.get("header.connecting"));
        background.run(connector::connect, info -> {
            if (gen != generation) return;
            connection.set(info);
            connectionText.set(describe(info));
            signIn.set(SignIn.SIGNED_IN);
            then.run();
        }, error -> {
            if (gen != generation) return;
            signIn.set(isSignInNeeded(error) ? SignIn.SIGN_IN_NEEDED : SignIn.FAILED);
            failure.set(error);
            connectionText.set(Messages.get("header.notConnected"));
        });
    }

    /** A call failed after connecting: a sign-in failure turns the header's state to "sign-in needed". */
    public void noticeFailure(Throwable error) {
        if (isSignInNeeded(error)) signIn.set(SignIn.SIGN_IN_NEEDED);
    }

    static String describe(ConnectionInfo info) {
        return info.isEmulator()
                ? Messages.format("header.connection.emulator", info.catalog().wire())
                : Messages.format("header.connection.profile", info.profileName(), info.catalog().wire());
    }

    private static boolean isSignInNeeded(Throwable error) {
        return error instanceof app.cosell.model.PartnerCentralFailure f
                && (f.kind() == app.cosell.model.FailureKind.SIGN_IN_NEEDED);
    }
}
