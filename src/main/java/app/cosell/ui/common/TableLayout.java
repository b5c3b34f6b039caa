package app.cosell.ui.common;

import app.cosell.ui.common.ColumnLayout;
import app.cosell.ui.common.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Remembers a table's column order, widths, visibility and sort: applies a saved layout, and reports every change
 * (the settings keeper debounces the save). Columns are known by their {@code id}.
 */
public final class TableLayout {

    private TableLayout() {}

    public static <S> void apply(TableView<S> table, List<ColumnLayout> columns, List<SortKey> sort) {
        if (!columns.isEmpty()) {
            List<TableColumn<S, ?>> ordered = new ArrayList<>();
            for (ColumnLayout c : columns) {
                TableColumn<S, ?> col = find(table, c.id());
                if (col == null || ordered.contains(col)) continue;
                if (c.width() > 10) col.setPrefWidth(c.width());
                col.setVisible(c.visible());
                ordered.add(col);
            }
            for (TableColumn<S, ?> col : table.getColumns()) if (!ordered.contains(col)) ordered.add(col); // new columns
            table.getColumns().setAll(ordered);
        }
        List<TableColumn<S, ?>> order = new ArrayList<>();
        for (SortKey k : sort) {
            TableColumn<S, ?> col = find(table, k.columnId());
            if (col == null || !col.isSortable()) continue;
            col.setSortType(k.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
            order.add(col);
        }
        table.getSortOrder().setAll(order);
    }

    /** Calls {@code onChange} with the current layout whenever the user changes it. */
    public static <S> void watch(TableView<S> table, BiConsumer<List<ColumnLayout>, List<SortKey>> onChange) {
        InvalidationListener changed = o -> onChange.accept(columns(table), sort(table));
        for (TableColumn<S, ?> col : table.getColumns()) {
            col.widthProperty().addListener(changed);
            col.visibleProperty().addListener(changed);
            col.sortTypeProperty().addListener(changed);
        }
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed.invalidated(null));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed.invalidated(null));
    }

    public static <S> List<ColumnLayout> columns(TableView<S> table) {
        return table.getColumns().stream().map(c -> new ColumnLayout(c.getId(), c.getWidth(), c.isVisible())).toList();
    }

    public static <S> List<SortKey> sort(TableView<S> table) {
        return table.getSortOrder().stream()
                .map(c -> new SortKey(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING)).toList();
    }

    private static <S> TableColumn<S, ?> find(TableView<S> table, String id) {
        for (TableColumn<S, ?> c : table.getColumns()) if (c.getId() != null && c.getId().equals(id)) return c;
        return null;
    }
}
