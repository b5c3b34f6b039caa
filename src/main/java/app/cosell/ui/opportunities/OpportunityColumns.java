package app.cosell.ui.opportunities;

import app.cosell.engagement.ListReadiness;
import app.cosell.model.Money;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.TaskProgress;
import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.ui.common.EngagementState;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Tweaks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Callback;

/**
 * The opportunity table's columns (what each cell shows, the Readiness column) and the menus about them: the column
 * chooser and its "Sort by". Built once by {@link OpportunitiesController}; the sort itself is the list model's.
 */
final class OpportunityColumns {

    private final TableView<OpportunitySummary> table;
    private final OpportunityListModel list;
    OpportunityColumns(TableView<OpportunitySummary> table, OpportunityListModel list) {
        this.table = table;
        this.list = list;
    }

    /** The FXML's columns: what each shows and how (the title fetched for the rows on screen). */
    void setUp(TableColumn<OpportunitySummary, String> idColumn, TableColumn<OpportunitySummary, String> customerColumn,
               TableColumn<OpportunitySummary, String> titleColumn, TableColumn<OpportunitySummary, Stage> stageColumn,
               TableColumn<OpportunitySummary, ReviewStatus> reviewColumn,
               TableColumn<OpportunitySummary, LocalDate> closeColumn, TableColumn<OpportunitySummary, Money> spendColumn,
               TableColumn<OpportunitySummary, Instant> modifiedColumn,
               TableColumn<OpportunitySummary, EngagementState> engagementColumn) {
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
                list.titles().addListener(new WeakMapChangeListener<>(titleArrived));
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
        engagementColumn.setCellFactory(c -> new RowKeyedCell<>(list.latestTasks(), list::engagementStateOf) {
            @Override
            protected void show(EngagementState item) {
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                if (item == null || item == EngagementState.NONE) {
                    setText(null);
                } else {
                    setText(Messages.of("engagement", item));
                    getStyleClass().add("state-" + item.name().toLowerCase(Locale.ROOT));
                }
            }
        });
    }

    /** The Readiness column, after the FXML's (before the layout is restored): each row's verdict, as it is known. */
    void addReadinessColumn() {
        TableColumn<OpportunitySummary, ListReadiness.Verdict> column =
                new TableColumn<>(Messages.get("opportunities.column.readiness"));
        column.setId("readiness");
        column.setPrefWidth(200);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(list.readinessOf(d.getValue())));
        column.setCellFactory(c -> new RowKeyedCell<>(list.readiness(), list::readinessOf) {
            @Override
            protected void show(ListReadiness.Verdict v) {
                getStyleClass().removeIf(s -> s.startsWith("readiness-"));
                if (v == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String text = readinessText(v);
                setText(text);
                setTooltip(new Tooltip(text));
                getStyleClass().add("readiness-" + v.state().name().toLowerCase(Locale.ROOT));
            }
        });
        column.setComparator(Comparator.comparing(ListReadiness.Verdict::state));
        table.getColumns().add(column);
    }

    /** The "Ready to submit" quick filter's toggle, its tooltip saying how many records were checked of the budget. */
    ToggleButton readyToggle() {
        ToggleButton readyOnly = new ToggleButton(Messages.get("opportunities.filter.ready"));
        readyOnly.setId("readyFilter");
        readyOnly.setMinWidth(Region.USE_PREF_SIZE);
        readyOnly.selectedProperty().bindBidirectional(list.readyOnlyProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> Messages.format(
                "opportunities.filter.ready.tooltip", list.recordsCheckedProperty().get(), list.recordBudgetProperty().get()),
                list.recordsCheckedProperty(), list.recordBudgetProperty()));
        readyOnly.setTooltip(tip);
        return readyOnly;
    }

    /** The same quick filter as an item of the "More" menu of narrow windows. */
    CheckMenuItem readyOverflowItem() {
        CheckMenuItem item = new CheckMenuItem(Messages.get("opportunities.filter.ready"));
        item.setId("overflowReady");
        item.selectedProperty().bindBidirectional(list.readyOnlyProperty());
        return item;
    }

    /** "Ready", "Blocked: why", or "Not yet checked". */
    static String readinessText(ListReadiness.Verdict v) {
        String reason = Messages.format(v.reasonKey(), v.args().toArray());
        return v.state() == ListReadiness.State.BLOCKED
                ? Messages.format("opportunities.readiness.blocked", reason) : reason;
    }

    /**
     * The column chooser: a check item per column, tied to the column's visibility (so the layout saved with the
     * settings remembers it, as it does the table's own header menu). The last visible column cannot be hidden.
     */
    void setUpColumnChooser(MenuButton columnsButton) {
        columnsButton.setGraphic(Icons.COLUMNS.create());
        // An icon only (its name in the tooltip and for screen readers): the toolbar keeps room for the search box.
        columnsButton.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        columnsButton.getItems().addAll(sortMenu(), new SeparatorMenuItem());
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
    private Menu sortMenu() {
        Menu menu = new Menu(Messages.get("opportunities.sort"));
        menu.setId("sortMenu");
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem none = new RadioMenuItem(Messages.get("opportunities.sort.none"));
        none.setId("sort-none");
        none.setToggleGroup(group);
        none.setOnAction(e -> table.getSortOrder().clear());
        menu.getItems().add(none);
        for (TableColumn<OpportunitySummary, ?> col : table.getColumns()) {
            RadioMenuItem item = new RadioMenuItem();
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
                    table.getSortOrder().setAll(List.of(col));
                }
                showSort(menu);
            });
            menu.getItems().add(item);
        }
        table.getSortOrder().addListener((InvalidationListener) o -> showSort(menu));
        showSort(menu);
        return menu;
    }

    /** Ticks the sort menu's item of the table's first sort column ("Not sorted" when none). */
    private void showSort(Menu menu) {
        String id = table.getSortOrder().isEmpty() ? "none" : table.getSortOrder().getFirst().getId();
        for (MenuItem i : menu.getItems()) {
            ((RadioMenuItem) i).setSelected(("sort-" + id).equals(i.getId()));
        }
    }

    private static <T> Callback<TableColumn.CellDataFeatures<OpportunitySummary, T>, ObservableValue<T>>
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
