package app.cosell.ui.main;

import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.FxBackground;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The IAM Identity Center sign-in dialog: shows the code, opens the page, and reconnects once approved. */
@Tag("ui")
class SignInDialogTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void showsTheCodeOpensThePageAndContinuesOnceApproved() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        CountDownLatch approved = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        List<String> opened = new CopyOnWriteArrayList<>();
        SignInService service = profile -> new SignInService.Attempt() {
            @Override public String userCode() { return "WXYZ-1234"; }
            @Override public URI pageToOpen() { return URI.create("https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-1234"); }
            @Override public void awaitToken() throws InterruptedException { approved.await(); }
            @Override public void close() { closed.set(true); }
        };
        AtomicBoolean signedIn = new AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
            new SignInDialog(stage, service, new FxBackground(Executors.newVirtualThreadPerTaskExecutor()),
                    new ErrorPresenter(() -> stage), opened::add).show("sales-sso", () -> signedIn.set(true));
        }).get();

        FxWait.until(5, TimeUnit.SECONDS,
                () -> "WXYZ-1234".equals(robot.lookup("#signInCode").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-1234");
        assertThat(signedIn).isFalse();

        approved.countDown();
        FxWait.until(5, TimeUnit.SECONDS, signedIn::get);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#signInDialog").tryQuery().isEmpty());
        assertThat(closed).isTrue();
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }
}
