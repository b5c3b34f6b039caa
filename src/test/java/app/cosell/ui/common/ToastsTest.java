package app.cosell.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A toast never lands on a modal dialog over its window: it waits for the dialog to close (real stages, FX thread). */
@Tag("ui")
class ToastsTest {

    private Stage main;
    private Stage dialog;
    private Stage inner;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // starts the toolkit
    }

    @AfterEach
    void closeAll() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Stage s : new Stage[] {inner, dialog, main}) if (s != null) s.hide();
        }).get();
    }

    private static Stage stage(Stage owner, Modality modality) {
        Stage s = new Stage();
        if (owner != null) s.initOwner(owner);
        s.initModality(modality);
        s.setScene(new Scene(new Pane(), 200, 100));
        s.show();
        return s;
    }

    @Test
    void withNoDialogOpenTheToastShowsAtOnce() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            main = stage(null, Modality.NONE);
            dialog = stage(main, Modality.NONE); // a window beside it, not a modal dialog
            Toasts.whenNoDialogOver(main, shown::incrementAndGet);
        }).get();
        assertThat(shown).hasValue(1);
    }

    @Test
    void aToastWaitsUntilTheLastModalDialogOverItsWindowCloses() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            main = stage(null, Modality.NONE);
            dialog = stage(main, Modality.WINDOW_MODAL);
            inner = stage(dialog, Modality.WINDOW_MODAL); // a dialog opened from the dialog
            Toasts.whenNoDialogOver(main, shown::incrementAndGet);
        }).get();
        assertThat(shown).hasValue(0);

        WaitForAsyncUtils.asyncFx(() -> inner.hide()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).as("the outer dialog is still open").hasValue(0);

        WaitForAsyncUtils.asyncFx(() -> dialog.hide()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).hasValue(1);
    }

    @Test
    void aToastForAWindowThatClosedMeanwhileIsDropped() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            main = stage(null, Modality.NONE);
            dialog = stage(main, Modality.WINDOW_MODAL);
            Toasts.whenNoDialogOver(main, shown::incrementAndGet);
            main.hide();
            dialog.hide();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).hasValue(0);
    }
}
