package app.cosell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.CosellApp;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowOpensTest {

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        new CosellApp().start(stage);
    }

    @Test
    void mainWindowOpensWithTheAppTitle(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Co-Sell Console");
        assertThat(robot.lookup("#mainWindow").tryQuery()).isPresent();
    }
}
