package app.cosell.ui.opportunities;

import app.cosell.ui.common.Background;
import app.cosell.ui.settings.UiSettings;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rep's saved views of the list: loads them, saves the current state of the list under a name (replacing a
 * view of that name), applies one (filter, search, quick filter here; the table's columns and sort through the
 * callback the view gives). Storage I/O in the background.
 */
public final class SavedViewsModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SavedViewsModel.class);

    private final OpportunityListModel list;
    private final SavedView.Storage storage;
    private final Background background;
    private final ObservableList<SavedView> views = FXCollections.observableArrayList();

    public SavedViewsModel(OpportunityListModel list, SavedView.Storage storage, Background background) {
        this.list = list;
        this.storage = storage;
        this.background = background;
    }

    /** The saved views, by name. */
    public ObservableList<SavedView> views() { return views; }

    public boolean isAvailable() { return storage != null; }

    /** Reads the saved views. FX thread. */
    public void load() {
        if (storage == null) return;
        background.run(storage::load, this::show, e -> LOG.warn("Saved views unreadable: {}", e.toString()));
    }

    /** Saves the list's current filter, search and quick filter with these columns and sort under {@code name}. */
    public void saveCurrent(String name, List<app.cosell.ui.common.ColumnLayout> columns, List<app.cosell.ui.common.SortKey> sort) {
        if (storage == null || name == null || name.isBlank()) return;
        OpportunityFilter f = list.filterProperty().get();
        SavedView view = new SavedView(name.strip(), f.stages(), f.reviewStatuses(), f.company(),
                list.searchProperty().get(), list.readyOnlyProperty().get(), columns, sort);
        background.run(() -> {
            storage.save(view);
            return storage.load();
        }, this::show, e -> LOG.warn("View not saved: {}", e.toString()));
    }

    /** Shows {@code view}: the list's filter, search and quick filter; {@code layout} gets its columns and sort. */
    public void apply(SavedView view, Consumer<SavedView> layout) {
        list.filterProperty().set(view.filter());
        list.searchProperty().set(view.search());
        list.readyOnlyProperty().set(view.readyOnly());
        layout.accept(view);
    }

    private void show(List<SavedView> loaded) {
        views.setAll(loaded.stream().sorted(Comparator.comparing(SavedView::name, String.CASE_INSENSITIVE_ORDER)).toList());
    }
}
