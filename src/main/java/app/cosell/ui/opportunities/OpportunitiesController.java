package app.cosell.ui.opportunities;

import app.cosell.ui.common.EngagementState;

import app.cosell.model.Money;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TableLayout;
import app.cosell.ui.common.Views;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.UiSettings;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The opportunity list (toolbar, table) and the detail pane beside it. Thin: the models hold the state; this wires
 * controls to them and turns keys and clicks into calls.
 */
public final class OpportunitiesController {

    private final OpportunityListModel list;
    private final OpportunityDetailModel detail;
    private final SettingsKeeper settings;
    private final Consumer<OpportunitySummary> startEngagement;
    private final Consumer<TaskProgress> openProgress;
    private boolean showingFilter;

    /** Below this width the toolbar's secondary buttons go into the "More" menu. */
    static final double TOOLBAR_OVERFLOW_WIDTH = 1440;
    /** Below this width the detail pane moves under the table. */
    static final double DETAIL_BELOW_WIDTH = 1120;
    private final javafx.beans.property.BooleanProperty connecting =
            new javafx.beans.property.SimpleBooleanProperty(this, "connecting", true);

    @FXML private BorderPane root;
    @FXML private javafx.scene.layout.HBox toolbar;
    @FXML private MenuButton overflowButton;
    @FXML private CustomTextField searchField;
    @FXML private MenuButton stageFilter;
    @FXML private MenuButton reviewFilter;
    @FXML private TextField companyFilter;
    @FXML private Button clearFiltersButton;
    @FXML private MenuButton columnsButton;
    @FXML private Button refreshButton;
    @FXML private Button startButton;
    @FXML private SplitPane split;
    @FXML private TableView<OpportunitySummary> table;
    @FXML private Label placeholder;
    @FXML private ScrollPane detailScroll;
    @FXML private TableColumn<OpportunitySummary, String> idColumn;
    @FXML private TableColumn<OpportunitySummary, String> customerColumn;
    @FXML private TableColumn<OpportunitySummary, String> titleColumn;
    @FXML private TableColumn<OpportunitySummary, Stage> stageColumn;
    @FXML private TableColumn<OpportunitySummary, ReviewStatus> reviewColumn;
    @FXML private TableColumn<OpportunitySummary, LocalDate> closeColumn;
    @FXML private TableColumn<OpportunitySummary, Money> spendColumn;
    @FXML private TableColumn<OpportunitySummary, Instant> modifiedColumn;
    @FXML private TableColumn<OpportunitySummary, EngagementState> engagementColumn;

    public OpportunitiesController(OpportunityListModel list, OpportunityDetailModel detail, SettingsKeeper settings,
                                   Consumer<OpportunitySummary> startEngagement, Consumer<TaskProgress> openProgress) {
        this.list = list;
        this.detail = detail;
        this.settings = settings;
        this.startEngagement = startEngagement;
        this.openProgress = openProgress;
    }

    private OpportunityDetailController detailController;
    private OpportunityColumns columns;
    private TableSelection selection;
    /** The Views menu button, and the same menu in the "More" menu of narrow windows (null without saved views). */
    private MenuButton viewsButton;
    private javafx.scene.control.Menu viewsOverflow;

    /** The detail pane's controller (after {@link #load}). */
    public OpportunityDetailController detailController() { return detailController; }

    public BorderPane load() { return Views.load("/app/cosell/ui/opportunities/Opportunities.fxml", this); }

    public TableView<OpportunitySummary> table() { return table; }
    public TextField searchField() { return searchField; }

    /** True while the app connects (the empty table says so, not "no opportunities"); the main window sets it. */
    public javafx.beans.property.BooleanProperty connectingProperty() { return connecting; }

    /** The column chooser (show or hide columns), also opened by {@link app.cosell.ui.common.Shortcuts#COLUMNS}. */
    public MenuButton columnsButton() { return columnsButton; }

    /** Opens the column chooser with its first item focused, for the keyboard. */
    public void showColumnChooser() {
        columnsButton.requestFocus();
        columnsButton.show();
    }

    @FXML
    private void initialize() {
        columns = new OpportunityColumns(table, list);
        setUpReadiness();
        columns.setUp(idColumn, customerColumn, titleColumn, stageColumn, reviewColumn, closeColumn, spendColumn,
                modifiedColumn, engagementColumn);
        // The model keeps the rows in the table's order (a keystroke never sorts 100,000 rows): a click on a header,
        // the sort menu or a restored layout asks it to re-order them.
        table.setItems(list.visibleRows());
        table.setSortPolicy(t -> {
            // The model's lists are the FX thread's: a sort asked elsewhere re-orders on it, a turn later.
            if (Platform.isFxApplicationThread()) list.sortBy(t.getComparator());
            else Platform.runLater(() -> list.sortBy(t.getComparator()));
            return true;
        });
        // Several rows can be chosen for a batch; the detail pane follows the row selected last.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(26); // uniform rows: the virtual flow never measures 100,000 cells
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> connecting.get()
                        ? Messages.get("opportunities.placeholder.connecting")
                        : list.loadingProperty().get()
                        ? Messages.get("opportunities.placeholder.loading")
                        : list.rows().isEmpty() ? Messages.get(list.filterProperty().get().isAny()
                                ? "opportunities.placeholder.noneInCatalog" : "opportunities.placeholder.none")
                        : Messages.get("opportunities.placeholder.noMatch"),
                connecting, list.loadingProperty(), list.loadedProperty(), list.filterProperty()));

        selection = new TableSelection(table, detail);
        list.setPublisher(selection::keeping);
        // Nothing is selected for the rep when rows arrive (the detail pane would show an opportunity nobody chose):
        // the table has the keyboard focus on its first row, and Down or Space selects it.
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                startSelected();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<OpportunitySummary> row = new TableRow<>() {
                @Override
                protected void updateItem(OpportunitySummary item, boolean empty) {
                    super.updateItem(item, empty);
                    // Near the end of the rows shown, rows held back by a load under way come (after this pass).
                    if (!empty) list.rowShown(getIndex());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) startSelected();
            });
            return row;
        });
        list.setOnShowRow(this::showRow);
        list.setOnRecordRefreshed(detail::showRefreshed);
        detail.opportunityProperty().addListener((o, was, now) -> {
            if (now != null && now.project() != null) list.rememberTitle(now.id(), now.project().title());
        });

        SearchBox.wire(searchField, list.searchProperty(), this::focusTable);

        setUpFilters();
        refreshButton.setGraphic(Icons.REFRESH.create());
        startButton.setGraphic(Icons.START.create());
        startButton.getStyleClass().add(Styles.ACCENT);
        startButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(detail.startBlockedProperty()));

        detailController = new OpportunityDetailController(detail, this::startSelected, openProgress);
        detailScroll.setContent(Views.load("/app/cosell/ui/opportunities/OpportunityDetail.fxml", detailController));

        // The columns share the table's width (the rep's widths kept as proportions): no horizontal scrolling at
        // 1280 px; below the columns' minimum widths the scroll bar comes back.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        setUpNarrowLayout();

        UiSettings s = settings.get();
        TableLayout.apply(table, s.columns(), s.sort());
        TableLayout.watch(table, (cols, sort) -> settings.update(x -> x.withColumns(cols).withSort(sort)));
        columns.setUpColumnChooser(columnsButton);
    }

    /**
     * Narrow windows (half a 1920 px screen): below {@link #TOOLBAR_OVERFLOW_WIDTH} Refresh, Clear filters, the
     * saved views and the column chooser move into a "More" menu; below {@link #DETAIL_BELOW_WIDTH} the detail pane moves under the table.
     */
    private void setUpNarrowLayout() {
        overflowButton.setGraphic(Icons.MORE.create());
        overflowButton.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        javafx.scene.control.MenuItem refreshItem = new javafx.scene.control.MenuItem(Messages.get("opportunities.refresh.menu"));
        refreshItem.setId("overflowRefresh");
        refreshItem.setOnAction(e -> refresh());
        javafx.scene.control.MenuItem clearItem = new javafx.scene.control.MenuItem(Messages.get("opportunities.filter.clear"));
        clearItem.setId("overflowClearFilters");
        clearItem.disableProperty().bind(clearFiltersButton.disableProperty());
        clearItem.setOnAction(e -> clearFilters());
        javafx.scene.control.MenuItem columnsItem = new javafx.scene.control.MenuItem(Messages.get("opportunities.columns.menu"));
        columnsItem.setId("overflowColumns");
        // The chooser is a menu of its own: it opens from its button, shown for the moment at the toolbar's end.
        columnsItem.setOnAction(e -> Platform.runLater(() -> {
            columnsButton.setManaged(true);
            columnsButton.setVisible(true);
            columnsButton.setOnHidden(h -> { columnsButton.setOnHidden(null); fitToWidth(root.getWidth()); });
            showColumnChooser();
        }));
        overflowButton.getItems().setAll(refreshItem, clearItem, columnsItem);
        if (readyOverflow != null) overflowButton.getItems().add(readyOverflow);
        if (viewsOverflow != null) overflowButton.getItems().add(viewsOverflow);
        // The width picks the layout, so the pane must take the width it is given: at the wide toolbar's minimum
        // (1419 px), a window going straight to 1280 px kept it 1419 px wide (see FirstHourTest at1280...).
        root.setMinWidth(0);
        root.widthProperty().addListener((o, was, now) -> fitToWidth(now.doubleValue()));
        fitToWidth(root.getWidth());
    }

    private void fitToWidth(double width) {
        if (width <= 0) return;
        boolean narrow = width < TOOLBAR_OVERFLOW_WIDTH;
        for (javafx.scene.Node n : new javafx.scene.Node[] {refreshButton, clearFiltersButton, columnsButton, viewsButton,
                readyToggle}) {
            if (n == null || columnsButton.isShowing() && n == columnsButton) continue;
            n.setVisible(!narrow);
            n.setManaged(!narrow);
        }
        overflowButton.setVisible(narrow);
        overflowButton.setManaged(narrow);
        searchField.setPrefColumnCount(narrow ? 12 : 20);
        javafx.geometry.Orientation o = width < DETAIL_BELOW_WIDTH
                ? javafx.geometry.Orientation.VERTICAL : javafx.geometry.Orientation.HORIZONTAL;
        if (split.getOrientation() != o) {
            split.setOrientation(o);
            split.setDividerPositions(o == javafx.geometry.Orientation.VERTICAL ? 0.55 : 0.72);
        }
    }




    /** Selects {@code row}, scrolls to it, focuses the table and makes sure the detail pane can be seen. */
    private void showRow(OpportunitySummary row) {
        selection.select(row);
        table.requestFocus();
        double[] dividers = split.getDividerPositions();
        if (dividers.length > 0 && dividers[0] > 0.9) {
            split.setDividerPositions(split.getOrientation() == javafx.geometry.Orientation.VERTICAL ? 0.55 : 0.72);
        }
    }



    // --- Readiness column and the "Ready to submit" quick filter (store feature) ---------------------------------

    /** The Readiness column (last, before the layout is restored) and the quick filter beside the filters. */
    private void setUpReadiness() {
        columns.addReadinessColumn();
        // The record the detail pane fetched on selection checks the row too.
        detail.opportunityProperty().addListener((o, was, now) -> list.recordFetched(now));

        readyToggle = columns.readyToggle();
        var bar = ((javafx.scene.layout.Pane) clearFiltersButton.getParent()).getChildren();
        bar.add(bar.indexOf(clearFiltersButton), readyToggle);
        readyOverflow = columns.readyOverflowItem(); // narrow windows: the same quick filter in the "More" menu
        if (overflowButton != null && !overflowButton.getItems().contains(readyOverflow))
            overflowButton.getItems().add(readyOverflow);
        SavedViewsModel views = list.savedViews();
        if (!views.isAvailable()) return;
        SavedViewsMenus menus = new SavedViewsMenus(table, views);
        viewsButton = menus.button();
        viewsOverflow = menus.overflow();
        bar.add(bar.indexOf(columnsButton), viewsButton);
        if (overflowButton != null && !overflowButton.getItems().contains(viewsOverflow))
            overflowButton.getItems().add(viewsOverflow);
        fitToWidth(root.getWidth());
        views.load();
    }

    /** The "Ready to submit" quick filter, and the same in the "More" menu of narrow windows. */
    private javafx.scene.control.ToggleButton readyToggle;
    private javafx.scene.control.CheckMenuItem readyOverflow;

    private void setUpFilters() {
        UiSettings.LastFilter last = settings.get().filter();
        for (int i = 0; i < FilterMenus.STAGES.size(); i++) stageFilter.getItems().add(check(FilterMenus.stageText(i)));
        for (int i = 0; i < FilterMenus.REVIEW_STATUSES.size(); i++) reviewFilter.getItems().add(check(FilterMenus.reviewText(i)));
        companyFilter.setText(last.company());
        companyFilter.setOnAction(e -> applyFilters());
        companyFilter.focusedProperty().addListener((o, was, focused) -> { if (!focused) applyFilters(); });
        clearFiltersButton.setGraphic(Icons.CLEAR.create());
        clearFiltersButton.disableProperty().bind(Bindings.createBooleanBinding(() -> list.filterProperty().get().isAny(),
                list.filterProperty()));
        stageFilter.setGraphic(Icons.FILTER.create());
        reviewFilter.setGraphic(Icons.FILTER.create());
        list.filterProperty().set(new OpportunityFilter(last.stages(), last.reviewStatuses(), last.company()));
        list.filterProperty().addListener((o, was, now) -> {
            showFilter(now);
            settings.update(s -> s.withFilter(new UiSettings.LastFilter(now.stages(), now.reviewStatuses(), now.company())));
        });
        showFilter(list.filterProperty().get());
    }

    private CheckMenuItem check(String text) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.selectedProperty().addListener((o, was, now) -> { if (!showingFilter) applyFilters(); });
        return item;
    }

    /** The filter controls show {@code f} (it may have been set by code, or restored). */
    private void showFilter(OpportunityFilter f) {
        showingFilter = true;
        try {
            tick(stageFilter, FilterMenus.stageTicks(f));
            tick(reviewFilter, FilterMenus.reviewTicks(f));
            if (!companyFilter.isFocused()) companyFilter.setText(f.company());
            stageFilter.setText(FilterMenus.stageLabel(f));
            reviewFilter.setText(FilterMenus.reviewLabel(f));
        } finally {
            showingFilter = false;
        }
    }

    private void applyFilters() {
        list.filterProperty().set(FilterMenus.filterOf(ticks(stageFilter), ticks(reviewFilter), companyFilter.getText()));
    }

    private static void tick(MenuButton menu, java.util.List<Boolean> ticks) {
        for (int i = 0; i < ticks.size(); i++) ((CheckMenuItem) menu.getItems().get(i)).setSelected(ticks.get(i));
    }

    private static java.util.List<Boolean> ticks(MenuButton menu) {
        return menu.getItems().stream().map(item -> ((CheckMenuItem) item).isSelected()).toList();
    }

    @FXML
    private void clearFilters() {
        companyFilter.clear();
        list.filterProperty().set(OpportunityFilter.ANY);
    }

    @FXML
    public void refresh() { list.refresh(); }

    /**
     * What a batch takes: the chosen rows when several are selected, else every row the list shows (all matching
     * the filters and search), in the table's order.
     */
    public java.util.List<String> chosenIds() {
        var selected = table.getSelectionModel().getSelectedItems();
        var rows = selected.size() > 1 ? selected : table.getItems();
        return rows.stream().map(OpportunitySummary::id).toList();
    }

    /** Shift+F5: a full reload; asks first when it would use more than a tenth of the day's read budget. */
    public void reload() {
        if (list.fullReloadNeedsConfirmation() && !ReloadConfirmation.ask(table.getScene().getWindow(), list)) return;
        list.reload();
    }

    @FXML
    private void startEngagement() { startSelected(); }

    /** Opens the Start-engagement form for the selected row (no-op without a selection). */
    public void startSelected() {
        OpportunitySummary s = table.getSelectionModel().getSelectedItem();
        if (s != null) startEngagement.accept(s);
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
            table.getFocusModel().focus(0);
        }
    }


}
