package app.cosell.ui.opportunities;

import app.cosell.model.OpportunitySummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * The opportunity table's selection and the detail pane that follows the row selected last. The list model changes
 * the table's rows by one {@code setAll} (a search, a sort, a reload, a refreshed row): {@link #keeping} runs it and
 * selects again the rows still shown, by id, so a row's fresher copy stays selected.
 */
final class TableSelection {

    private final TableView<OpportunitySummary> table;
    private final OpportunityDetailModel detail;
    /** True while the model changes the table's rows (the selection is restored after it). */
    private boolean publishing;

    TableSelection(TableView<OpportunitySummary> table, OpportunityDetailModel detail) {
        this.table = table;
        this.detail = detail;
        detail.selectedProperty().set(table.getSelectionModel().getSelectedItem());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!publishing) follow(now);
        });
    }

    /**
     * Runs a change of the table's rows keeping the selection (and the focused row) on the rows still shown.
     * {@code replacing}: rows are swapped for a reload or a fresher copy, so a selection lost for the moment keeps
     * the detail pane as it is.
     */
    void keeping(Runnable change, boolean replacing) {
        var sm = table.getSelectionModel();
        OpportunitySummary was = sm.getSelectedItem();
        Set<String> selectedIds = new HashSet<>();
        for (OpportunitySummary s : sm.getSelectedItems()) if (s != null) selectedIds.add(s.id());
        OpportunitySummary focused = table.getFocusModel().getFocusedItem();
        publishing = true;
        try {
            change.run();
            if (!selectedIds.isEmpty() || focused != null) {
                ObservableList<OpportunitySummary> items = table.getItems();
                int lead = -1;
                int focusAt = -1;
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    String id = items.get(i).id();
                    if (selectedIds.contains(id)) {
                        at.add(i);
                        if (was != null && id.equals(was.id())) lead = i;
                    }
                    if (focused != null && id.equals(focused.id())) focusAt = i;
                }
                sm.clearSelection();
                for (int i : at) if (i != lead) sm.select(i);
                if (lead >= 0) sm.select(lead); // the row selected last: the detail pane's
                if (focusAt >= 0) table.getFocusModel().focus(focusAt);
            }
        } finally {
            publishing = false;
        }
        if (sm.getSelectedItem() == null && was != null && replacing) return;
        follow(sm.getSelectedItem());
    }

    /** Selects {@code row} alone, focuses it and scrolls to it. */
    void select(OpportunitySummary row) {
        int i = table.getItems().indexOf(row);
        if (i < 0) return;
        table.getSelectionModel().clearAndSelect(i);
        table.getFocusModel().focus(i);
        table.scrollTo(Math.max(0, i - 3));
    }

    /** The detail pane follows the row selected last; the same row again (an equal copy) does not fill it again. */
    private void follow(OpportunitySummary now) {
        if (now != null && now.equals(detail.selectedProperty().get())) return;
        detail.selectedProperty().set(now);
    }
}
