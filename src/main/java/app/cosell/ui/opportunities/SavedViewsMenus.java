package app.cosell.ui.opportunities;

import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TableLayout;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;

/**
 * The Views menu of the toolbar, and the same menu for the "More" menu of narrow windows: each saved view (applies
 * it) and "Save current view…". Rebuilt whenever the saved views change.
 */
final class SavedViewsMenus {

    private final TableView<OpportunitySummary> table;
    private final SavedViewsModel views;
    private final MenuButton button = new MenuButton(Messages.get("opportunities.views"));
    private final Menu overflow = new Menu(Messages.get("opportunities.views"));

    SavedViewsMenus(TableView<OpportunitySummary> table, SavedViewsModel views) {
        this.table = table;
        this.views = views;
        button.setId("viewsButton");
        button.setMinWidth(Region.USE_PREF_SIZE);
        overflow.setId("overflowViews");
        views.views().addListener((ListChangeListener<SavedView>) c -> rebuild());
        rebuild();
    }

    /** The toolbar's Views button. */
    MenuButton button() { return button; }

    /** The same menu, for the "More" menu. */
    Menu overflow() { return overflow; }

    private void rebuild() {
        fill(button.getItems(), "");
        fill(overflow.getItems(), "overflow-");
    }

    /** The saved views (each applies itself) and "Save current view…", into {@code items}. */
    private void fill(ObservableList<MenuItem> items, String idPrefix) {
        items.clear();
        for (SavedView v : views.views()) {
            MenuItem item = new MenuItem(v.name());
            item.setId(idPrefix + "view-" + v.name());
            item.setOnAction(e -> views.apply(v, x -> TableLayout.apply(table, x.columns(), x.sort())));
            items.add(item);
        }
        if (!views.views().isEmpty()) items.add(new SeparatorMenuItem());
        MenuItem save = new MenuItem(Messages.get("opportunities.views.save"));
        save.setId(idPrefix + "saveViewItem");
        save.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(table.getScene().getWindow());
            ask.setTitle(Messages.get("opportunities.views.save.title"));
            ask.setHeaderText(Messages.get("opportunities.views.save.header"));
            ask.getDialogPane().setId("saveViewDialog");
            ask.showAndWait().ifPresent(name -> views.saveCurrent(name, TableLayout.columns(table), TableLayout.sort(table)));
        });
        items.add(save);
    }
}
