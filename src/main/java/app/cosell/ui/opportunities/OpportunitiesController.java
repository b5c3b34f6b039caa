package app.cosell.ui.opportunities;

import app.cosell.ui.common.EngagementState;

import app.cosell.model.Money;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.TableLayout;
import app.cosell.ui.common.Views;
import app.cosell.ui.settings.SettingsKeeper;
import app.cosell.ui.settings.UiSettings;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

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
    /** A row this close to the end of the rows shown asks for the rows held back by a load under way. */
    private static final int NEAR_END_ROWS = 40;

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
        setUpReadiness();
        setUpColumns();
        // The model keeps the rows in the table's order (a keystroke never sorts 100,000 rows): a click on a header,
        // the sort menu or a restored layout asks it to re-order them.
        table.setItems(list.visibleRows());
        table.setSortPolicy(t -> {
            list.sortBy(t.getComparator());
            return true;
        });
        list.setPublisher(this::keepingSelection);
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

        detail.selectedProperty().set(table.getSelectionModel().getSelectedItem());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!publishing) followSelection(was, now);
        });
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
                    // Near the end of the rows shown while more are held back: they go to the table (after this
                    // layout pass, which must not see the items change).
                    if (!empty && list.hasHeldRows() && getIndex() >= getTableView().getItems().size() - NEAR_END_ROWS) {
                        javafx.application.Platform.runLater(list::showAllLoaded);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) startSelected();
            });
            return row;
        });
        list.latestTasks().addListener((MapChangeListener<String, TaskProgress>) c -> table.refresh());
        list.setOnShowRow(this::showRow);
        list.setOnRecordRefreshed(detail::showRefreshed);
        detail.opportunityProperty().addListener((o, was, now) -> {
            if (now != null && now.project() != null) list.rememberTitle(now.id(), now.project().title());
        });

        searchField.setLeft(Icons.SEARCH.create());
        Button clearSearch = new Button(null, Icons.CLEAR.create());
        clearSearch.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clearSearch.setAccessibleText(Messages.get("opportunities.search.clear"));
        clearSearch.setFocusTraversable(false);
        clearSearch.visibleProperty().bind(searchField.textProperty().isNotEmpty());
        clearSearch.setOnAction(e -> searchField.clear());
        searchField.setRight(clearSearch);
        // Instant search, but one re-filter per pause in typing rather than per key on 100,000 rows.
        PauseTransition typing = new PauseTransition(Duration.millis(120));
        typing.setOnFinished(e -> list.searchProperty().set(searchField.getText()));
        searchField.textProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) list.searchProperty().set("");
            else typing.playFromStart();
        });
        searchField.setOnAction(e -> { typing.stop(); list.searchProperty().set(searchField.getText()); focusTable(); });
        // Down from the search box goes to the results, on their first row (selected, so Enter starts it).
        searchField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                typing.stop();
                list.searchProperty().set(searchField.getText());
                focusTable();
                e.consume();
            }
        });
        // The search cleared for the rep (to show an opened opportunity): the box says so too.
        list.searchProperty().addListener((o, was, now) -> {
            if (now.isEmpty() && !searchField.getText().isEmpty()) {
                typing.stop();
                searchField.clear();
            }
        });

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
        setUpColumnChooser();
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
        columnsItem.setOnAction(e -> javafx.application.Platform.runLater(() -> {
            columnsButton.setManaged(true);
            columnsButton.setVisible(true);
            columnsButton.setOnHidden(h -> { columnsButton.setOnHidden(null); fitToWidth(root.getWidth()); });
            showColumnChooser();
        }));
        overflowButton.getItems().setAll(refreshItem, clearItem, columnsItem);
        if (readyOverflow != null) overflowButton.getItems().add(readyOverflow);
        if (viewsOverflow != null) overflowButton.getItems().add(viewsOverflow);
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

    /**
     * The column chooser: a check item per column, tied to the column's visibility (so the layout saved with the
     * settings remembers it, as it does the table's own header menu). The last visible column cannot be hidden.
     */
    private void setUpColumnChooser() {
        columnsButton.setGraphic(Icons.COLUMNS.create());
        // An icon only (its name in the tooltip and for screen readers): the toolbar keeps room for the search box.
        columnsButton.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        columnsButton.getItems().addAll(sortMenu(), new javafx.scene.control.SeparatorMenuItem());
        for (TableColumn<OpportunitySummary, ?> col : table.getColumns()) {
            CheckMenuItem item = new CheckMenuItem();
            item.textProperty().bind(col.textProperty());
            item.setId("column-" + col.getId());
            item.selectedProperty().bindBidirectional(col.visibleProperty());
            item.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> col.isVisible() && table.getVisibleLeafColumns().size() <= 1, table.getVisibleLeafColumns(),
                    col.visibleProperty()));
            columnsButton.getItems().add(item);
        }
    }

    /**
     * "Sort by", the keyboard's way to what a click on a column header does: a column chosen once sorts ascending,
     * chosen again descending; "Not sorted" keeps the server's order. The sort is remembered with the column layout.
     */
    private javafx.scene.control.Menu sortMenu() {
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu(Messages.get("opportunities.sort"));
        menu.setId("sortMenu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem none = new javafx.scene.control.RadioMenuItem(Messages.get("opportunities.sort.none"));
        none.setId("sort-none");
        none.setToggleGroup(group);
        none.setOnAction(e -> table.getSortOrder().clear());
        menu.getItems().add(none);
        for (TableColumn<OpportunitySummary, ?> col : table.getColumns()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem();
            item.setId("sort-" + col.getId());
            item.setToggleGroup(group);
            item.textProperty().bind(Bindings.createStringBinding(() -> !table.getSortOrder().isEmpty()
                            && table.getSortOrder().getFirst() == col
                            ? Messages.format(col.getSortType() == TableColumn.SortType.ASCENDING
                                    ? "opportunities.sort.ascending" : "opportunities.sort.descending", col.getText())
                            : col.getText(),
                    table.getSortOrder(), col.sortTypeProperty(), col.textProperty()));
            item.setOnAction(e -> {
                if (!table.getSortOrder().isEmpty() && table.getSortOrder().getFirst() == col) {
                    col.setSortType(col.getSortType() == TableColumn.SortType.ASCENDING
                            ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                } else {
                    col.setSortType(TableColumn.SortType.ASCENDING);
                    table.getSortOrder().setAll(java.util.List.of(col));
                }
                showSort(menu);
            });
            menu.getItems().add(item);
        }
        table.getSortOrder().addListener((javafx.beans.InvalidationListener) o -> showSort(menu));
        showSort(menu);
        return menu;
    }

    /** Ticks the sort menu's item of the table's first sort column ("Not sorted" when none). */
    private void showSort(javafx.scene.control.Menu menu) {
        String id = table.getSortOrder().isEmpty() ? "none" : table.getSortOrder().getFirst().getId();
        for (javafx.scene.control.MenuItem i : menu.getItems()) {
            ((javafx.scene.control.RadioMenuItem) i).setSelected(("sort-" + id).equals(i.getId()));
        }
    }

    /** True while the model changes the table's rows (the selection is restored after it). */
    private boolean publishing;

    /**
     * Runs a change of the table's rows (a search, a sort, a reload, a refreshed row) keeping the selection on the
     * rows still shown: matched by id, so a row's fresher copy stays selected; the focused row too.
     */
    private void keepingSelection(Runnable change) {
        var sm = table.getSelectionModel();
        OpportunitySummary was = sm.getSelectedItem();
        java.util.Set<String> selectedIds = new java.util.HashSet<>();
        for (OpportunitySummary s : sm.getSelectedItems()) if (s != null) selectedIds.add(s.id());
        OpportunitySummary focused = table.getFocusModel().getFocusedItem();
        publishing = true;
        try {
            change.run();
            if (!selectedIds.isEmpty() || focused != null) {
                var items = table.getItems();
                int lead = -1;
                int focusAt = -1;
                java.util.List<Integer> at = new java.util.ArrayList<>();
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
        followSelection(was, sm.getSelectedItem());
    }

    /** The detail pane follows the row selected last. */
    private void followSelection(OpportunitySummary was, OpportunitySummary now) {
        // A row replaced by its fresher copy, or a reload, loses the selection for a moment: the detail pane keeps
        // showing it (and is not rebuilt when the same row is selected again).
        if (now == null && was != null && list.isReplacing(was.id())) return;
        // The same row again (a reload brought an equal copy): the detail pane is not filled again.
        if (now != null && now.equals(detail.selectedProperty().get())) return;
        detail.selectedProperty().set(now);
    }

    /** Selects {@code row}, scrolls to it, focuses the table and makes sure the detail pane can be seen. */
    private void showRow(OpportunitySummary row) {
        select(row);
        table.requestFocus();
        double[] dividers = split.getDividerPositions();
        if (dividers.length > 0 && dividers[0] > 0.9) {
            split.setDividerPositions(split.getOrientation() == javafx.geometry.Orientation.VERTICAL ? 0.55 : 0.72);
        }
    }

    private void select(OpportunitySummary row) {
        int i = table.getItems().indexOf(row);
        if (i < 0) return;
        table.getSelectionModel().clearAndSelect(i);
        table.getFocusModel().focus(i);
        table.scrollTo(Math.max(0, i - 3));
    }

    private void setUpColumns() {
        idColumn.setCellValueFactory(value(OpportunitySummary::id));
        customerColumn.setCellValueFactory(value(OpportunitySummary::customerCompanyName));
        // ListOpportunities carries no project title: titles are fetched for the rows on screen, and learnt from
        // opened opportunities. A title arriving later updates its own cell only: each cell (a few dozen) listens to
        // the titles for its row, rather than a binding per cell value (thousands, one per re-layout, all notified).
        titleColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().projectTitle() != null
                ? d.getValue().projectTitle() : list.titleOf(d.getValue().id())));
        titleColumn.setCellFactory(c -> new TableCell<>() {
            private String rowId;
            private final MapChangeListener<String, String> titleArrived = change -> {
                if (rowId != null && rowId.equals(change.getKey()) && change.wasAdded() && getText() == null) {
                    setText(change.getValueAdded());
                }
            };

            {
                list.titles().addListener(new javafx.collections.WeakMapChangeListener<>(titleArrived));
            }

            @Override
            protected void updateItem(String title, boolean empty) {
                super.updateItem(title, empty);
                setText(empty ? null : title);
                int i = getIndex();
                boolean onScreen = !empty && i >= 0 && i < getTableView().getItems().size();
                rowId = onScreen ? getTableView().getItems().get(i).id() : null;
                if (onScreen && title == null) list.wantTitle(rowId); // on screen: fetch it
            }
        });
        stageColumn.setCellValueFactory(value(OpportunitySummary::stage));
        stageColumn.setCellFactory(c -> textCell(v -> Messages.of("stage", v)));
        reviewColumn.setCellValueFactory(value(OpportunitySummary::reviewStatus));
        reviewColumn.setCellFactory(c -> textCell(v -> Messages.of("review", v)));
        closeColumn.setCellValueFactory(value(OpportunitySummary::targetCloseDate));
        closeColumn.setCellFactory(c -> textCell(Formats::date));
        spendColumn.setCellValueFactory(value(OpportunitySummary::expectedMonthlySpend));
        spendColumn.setCellFactory(c -> {
            TableCell<OpportunitySummary, Money> cell = textCell(Formats::money);
            cell.getStyleClass().add(Tweaks.ALIGN_RIGHT);
            return cell;
        });
        spendColumn.setComparator(Comparator.nullsFirst(Comparator.comparing(Money::amount,
                Comparator.nullsFirst(BigDecimal::compareTo))));
        modifiedColumn.setCellValueFactory(value(OpportunitySummary::lastModifiedDate));
        modifiedColumn.setCellFactory(c -> textCell(Formats::day));
        engagementColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(list.engagementStateOf(d.getValue())));
        engagementColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(EngagementState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                if (empty || item == null || item == EngagementState.NONE) {
                    setText(null);
                } else {
                    setText(Messages.of("engagement", item));
                    getStyleClass().add("state-" + item.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
    }

    // --- Readiness column and the "Ready to submit" quick filter (store feature) ---------------------------------

    /** The Readiness column (last, before the layout is restored) and the quick filter beside the filters. */
    private void setUpReadiness() {
        TableColumn<OpportunitySummary, app.cosell.engagement.ListReadiness.Verdict> column =
                new TableColumn<>(Messages.get("opportunities.column.readiness"));
        column.setId("readiness");
        column.setPrefWidth(200);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(list.readinessOf(d.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(app.cosell.engagement.ListReadiness.Verdict v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeIf(s -> s.startsWith("readiness-"));
                if (empty || v == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String text = readinessText(v);
                setText(text);
                setTooltip(new javafx.scene.control.Tooltip(text));
                getStyleClass().add("readiness-" + v.state().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        column.setComparator(java.util.Comparator.comparing(app.cosell.engagement.ListReadiness.Verdict::state));
        table.getColumns().add(column);
        list.readiness().addListener((MapChangeListener<String, app.cosell.engagement.ListReadiness.Verdict>) c -> table.refresh());
        // The record the detail pane fetched on selection checks the row too.
        detail.opportunityProperty().addListener((o, was, now) -> list.recordFetched(now));

        javafx.scene.control.ToggleButton readyOnly = new javafx.scene.control.ToggleButton(Messages.get("opportunities.filter.ready"));
        readyOnly.setId("readyFilter");
        readyOnly.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        readyOnly.selectedProperty().bindBidirectional(list.readyOnlyProperty());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Messages.format(
                "opportunities.filter.ready.tooltip", list.recordsCheckedProperty().get(), list.recordBudgetProperty().get()),
                list.recordsCheckedProperty(), list.recordBudgetProperty()));
        readyOnly.setTooltip(tip);
        var bar = ((javafx.scene.layout.Pane) clearFiltersButton.getParent()).getChildren();
        bar.add(bar.indexOf(clearFiltersButton), readyOnly);
        readyToggle = readyOnly;
        // Narrow windows: the same quick filter in the "More" menu.
        readyOverflow = new javafx.scene.control.CheckMenuItem(Messages.get("opportunities.filter.ready"));
        readyOverflow.setId("overflowReady");
        readyOverflow.selectedProperty().bindBidirectional(list.readyOnlyProperty());
        if (overflowButton != null && !overflowButton.getItems().contains(readyOverflow))
            overflowButton.getItems().add(readyOverflow);
        setUpSavedViews(bar);
    }

    /** The "Ready to submit" quick filter, and the same in the "More" menu of narrow windows. */
    private javafx.scene.control.ToggleButton readyToggle;
    private javafx.scene.control.CheckMenuItem readyOverflow;

    /** The Views menu button, and the same menu in the "More" menu of narrow windows (null without saved views). */
    private MenuButton viewsButton;
    private javafx.scene.control.Menu viewsOverflow;

    /** The Views menu: each saved view (applies it) and "Save current view…". */
    private void setUpSavedViews(javafx.collections.ObservableList<javafx.scene.Node> bar) {
        SavedViewsModel views = list.savedViews();
        if (!views.isAvailable()) return;
        MenuButton menu = new MenuButton(Messages.get("opportunities.views"));
        menu.setId("viewsButton");
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        viewsButton = menu;
        viewsOverflow = new javafx.scene.control.Menu(Messages.get("opportunities.views"));
        viewsOverflow.setId("overflowViews");
        Runnable rebuild = () -> {
            fillViewsMenu(menu.getItems(), views, "");
            fillViewsMenu(viewsOverflow.getItems(), views, "overflow-");
        };
        views.views().addListener((javafx.collections.ListChangeListener<SavedView>) c -> rebuild.run());
        rebuild.run();
        bar.add(bar.indexOf(columnsButton), menu);
        if (overflowButton != null && !overflowButton.getItems().contains(viewsOverflow))
            overflowButton.getItems().add(viewsOverflow);
        fitToWidth(root.getWidth());
        views.load();
    }

    /** The saved views (each applies itself) and "Save current view…", into {@code items}. */
    private void fillViewsMenu(javafx.collections.ObservableList<javafx.scene.control.MenuItem> items, SavedViewsModel views,
                               String idPrefix) {
        items.clear();
        for (SavedView v : views.views()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(v.name());
            item.setId(idPrefix + "view-" + v.name());
            item.setOnAction(e -> views.apply(v, x -> TableLayout.apply(table, x.columns(), x.sort())));
            items.add(item);
        }
        if (!views.views().isEmpty()) items.add(new javafx.scene.control.SeparatorMenuItem());
        javafx.scene.control.MenuItem save = new javafx.scene.control.MenuItem(Messages.get("opportunities.views.save"));
        save.setId(idPrefix + "saveViewItem");
        save.setOnAction(e -> {
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
            ask.initOwner(table.getScene().getWindow());
            ask.setTitle(Messages.get("opportunities.views.save.title"));
            ask.setHeaderText(Messages.get("opportunities.views.save.header"));
            ask.getDialogPane().setId("saveViewDialog");
            ask.showAndWait().ifPresent(name -> views.saveCurrent(name, TableLayout.columns(table), TableLayout.sort(table)));
        });
        items.add(save);
    }

    /** "Ready", "Blocked: why", or "Not yet checked". */
    static String readinessText(app.cosell.engagement.ListReadiness.Verdict v) {
        String reason = Messages.format(v.reasonKey(), v.args().toArray());
        return v.state() == app.cosell.engagement.ListReadiness.State.BLOCKED
                ? Messages.format("opportunities.readiness.blocked", reason) : reason;
    }

    private void setUpFilters() {
        UiSettings.LastFilter last = settings.get().filter();
        for (Stage s : Stage.values()) stageFilter.getItems().add(check(Messages.of("stage", s), last.stages().contains(s)));
        for (ReviewStatus r : ReviewStatus.values()) reviewFilter.getItems().add(check(Messages.of("review", r), last.reviewStatuses().contains(r)));
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

    private CheckMenuItem check(String text, boolean selected) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setSelected(selected);
        item.selectedProperty().addListener((o, was, now) -> { if (!showingFilter) applyFilters(); });
        return item;
    }

    /** The filter controls show {@code f} (it may have been set by code, or restored). */
    private void showFilter(OpportunityFilter f) {
        showingFilter = true;
        try {
            for (int i = 0; i < Stage.values().length; i++) {
                ((CheckMenuItem) stageFilter.getItems().get(i)).setSelected(f.stages().contains(Stage.values()[i]));
            }
            for (int i = 0; i < ReviewStatus.values().length; i++) {
                ((CheckMenuItem) reviewFilter.getItems().get(i)).setSelected(f.reviewStatuses().contains(ReviewStatus.values()[i]));
            }
            if (!companyFilter.isFocused()) companyFilter.setText(f.company());
            updateFilterLabels();
        } finally {
            showingFilter = false;
        }
    }

    private void applyFilters() {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (int i = 0; i < Stage.values().length; i++) {
            if (((CheckMenuItem) stageFilter.getItems().get(i)).isSelected()) stages.add(Stage.values()[i]);
        }
        Set<ReviewStatus> reviews = EnumSet.noneOf(ReviewStatus.class);
        for (int i = 0; i < ReviewStatus.values().length; i++) {
            if (((CheckMenuItem) reviewFilter.getItems().get(i)).isSelected()) reviews.add(ReviewStatus.values()[i]);
        }
        list.filterProperty().set(new OpportunityFilter(stages, reviews, companyFilter.getText()));
    }

    private void updateFilterLabels() {
        OpportunityFilter f = list.filterProperty().get();
        stageFilter.setText(label("opportunities.filter.stage", f.stages().size()));
        reviewFilter.setText(label("opportunities.filter.review", f.reviewStatuses().size()));
    }

    private static String label(String key, int selected) {
        return selected == 0 ? Messages.get(key + ".any") : Messages.format(key + ".some", selected);
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
        if (list.fullReloadNeedsConfirmation()) {
            javafx.scene.control.ButtonType ok = new javafx.scene.control.ButtonType(
                    Messages.get("opportunities.reload.confirm"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            var usage = list.usageProperty().get();
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    Messages.format("opportunities.reload.text", Formats.count(list.fullReloadReads()),
                            usage == null ? "?" : Formats.count(usage.readsLeft())), ok, javafx.scene.control.ButtonType.CANCEL);
            alert.initOwner(table.getScene().getWindow());
            alert.setTitle(Messages.get("opportunities.reload.title"));
            alert.setHeaderText(Messages.get("opportunities.reload.header"));
            alert.getDialogPane().setId("fullReloadConfirmation");
            if (alert.showAndWait().filter(b -> b == ok).isEmpty()) return;
        }
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

    private static <T> javafx.util.Callback<TableColumn.CellDataFeatures<OpportunitySummary, T>, javafx.beans.value.ObservableValue<T>>
            value(Function<OpportunitySummary, T> getter) {
        return d -> new ReadOnlyObjectWrapper<>(getter.apply(d.getValue()));
    }

    private static <T> TableCell<OpportunitySummary, T> textCell(Function<T, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
