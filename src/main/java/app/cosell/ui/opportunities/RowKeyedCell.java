package app.cosell.ui.opportunities;

import app.cosell.model.OpportunitySummary;
import java.util.function.Function;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.collections.WeakMapChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;

/**
 * A cell whose value is read from a map keyed by opportunity id (the readiness verdicts, the latest task per row):
 * when its own row's entry changes, the cell shows the row's new value, and no other cell is touched. A table-wide
 * {@code TableView.refresh()} would instead throw away and rebuild every visible row and cell, at the rate verdicts
 * arrive (10 a second while records are checked), and the rebuilt cells' garbage outlived the young generation and
 * grew the heap. Each cell listens weakly, so a cell the table drops is not kept. FX thread.
 */
abstract class RowKeyedCell<V> extends TableCell<OpportunitySummary, V> {

    private final Function<OpportunitySummary, V> valueOf;
    private final MapChangeListener<String, Object> changed = this::changed;

    RowKeyedCell(ObservableMap<String, ?> map, Function<OpportunitySummary, V> valueOf) {
        this.valueOf = valueOf;
        @SuppressWarnings("unchecked")
        ObservableMap<String, Object> any = (ObservableMap<String, Object>) map;
        any.addListener(new WeakMapChangeListener<>(changed));
    }

    /** What the cell shows for a value ({@code null}: an empty cell). */
    protected abstract void show(V value);

    @Override
    protected final void updateItem(V value, boolean empty) {
        super.updateItem(value, empty);
        show(empty ? null : value);
    }

    private void changed(MapChangeListener.Change<? extends String, ?> change) {
        if (isEmpty()) return;
        TableRow<OpportunitySummary> row = getTableRow();
        OpportunitySummary item = row == null ? null : row.getItem();
        if (item != null && item.id().equals(change.getKey())) updateItem(valueOf.apply(item), false);
    }
}
