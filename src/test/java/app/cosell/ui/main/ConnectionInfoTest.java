package app.cosell.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.model.FailureKind;
import app.cosell.model.PartnerCentralFailure;
import app.cosell.ui.common.Background;
import org.junit.jupiter.api.Test;

class ConnectionInfoTest {

    @Test
    void productionCatalogOverAProfileIsBadgedProduction() {
        assertThat(new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, "sales", Catalog.AWS, "x").badge())
                .isEqualTo(ConnectionInfo.Badge.PRODUCTION);
        assertThat(new ConnectionInfo(ConnectionInfo.Kind.AWS_PROFILE, "sales", Catalog.Sandbox, "x").badge())
                .isEqualTo(ConnectionInfo.Badge.SANDBOX);
        assertThat(new ConnectionInfo(ConnectionInfo.Kind.EMULATOR, null, Catalog.AWS, "x").badge())
                .isEqualTo(ConnectionInfo.Badge.LOCAL_EMULATOR);
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
