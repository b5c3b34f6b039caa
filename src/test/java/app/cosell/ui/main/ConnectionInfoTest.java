package app.cosell.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
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
}
