package app.cosell.ui.opportunities;

import javafx.application.Platform;
import javafx.scene.control.TableView;

/**
 * Redraws a table's cells once for any number of changes that arrive together. A map the cells read (readiness, the
 * latest task per row) can change hundreds of times in one go, e.g. a chunk of stored rows with their verdicts, and
 * each {@code TableView.refresh()} recreates every visible cell. FX thread.
 */
final class TableRefresh {

    private final TableView<?> table;
    private boolean pending;

    TableRefresh(TableView<?> table) { this.table = table; }

    /** The cells are redrawn once, after the changes under way. */
    void soon() {
        if (pending) return;
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            table.refresh();
        });
    }
}
