package app.cosell.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * When an in-app notification (a ControlsFX toast at the bottom right of the main window) may show: never over a
 * modal dialog the rep is working in. A toast is a window of its own on top of its owner's; over a dialog centred on
 * the main window it lands on the dialog's buttons and takes the click meant for Save. While a modal window owned
 * (directly or not) by the toast's owner is open, the toast waits, and shows when the last such window closes. The
 * status bar and the lists that record each notification are told at once by the callers. FX thread.
 */
public final class Toasts {

    private Toasts() {}

    /** Runs {@code show} now, or once no modal window over {@code owner} is open (not at all if the owner closes). */
    public static void whenNoDialogOver(Window owner, Runnable show) {
        if (owner == null || !owner.isShowing()) return;
        Stage dialog = modalOver(owner);
        if (dialog == null) {
            show.run();
            return;
        }
        dialog.showingProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (dialog.isShowing()) return;
                dialog.showingProperty().removeListener(this);
                whenNoDialogOver(owner, show);
            }
        });
    }

    /** A showing modal window whose owner chain reaches {@code owner}, or null. */
    static Stage modalOver(Window owner) {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s != owner && s.isShowing() && s.getModality() != Modality.NONE
                    && ownedBy(s, owner)) {
                return s;
            }
        }
        return null;
    }

    private static boolean ownedBy(Stage stage, Window owner) {
        for (Window w = stage.getOwner(); w != null; w = w instanceof Stage s ? s.getOwner() : null) {
            if (w == owner) return true;
        }
        // An application-modal window without an owner blocks the owner too.
        return stage.getOwner() == null && stage.getModality() == Modality.APPLICATION_MODAL;
    }
}
