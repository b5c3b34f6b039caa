package app.cosell.ui.opportunities;

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
import javafx.collections.transformation.SortedList;
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
    private boolean refreshPending;

    @FXML private BorderPane root;
    @FXML private CustomTextField searchField;
    @FXML private MenuButton stageFilter;
    @FXML private MenuButton reviewFilter;
    @FXML private TextField companyFilter;
    @FXML private Button clearFiltersButton;
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

    public BorderPane load() { return Views.load("/app/cosell/ui/opportunities/Opportunities.fxml", this); }

    public TableView<OpportunitySummary> table() { return table; }

    public TextField searchField() { return searchField; }

    @FXML
    private void initialize() {
        setUpColumns();
        SortedList<OpportunitySummary> sorted = new SortedList<>(list.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(26); // uniform rows: the virtual flow never measures 100,000 cells
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> list.loadingProperty().get()
                        ? Messages.get("opportunities.placeholder.loading")
                        : list.rows().isEmpty() ? Messages.get("opportunities.placeholder.none")
                        : Messages.get("opportunities.placeholder.noMatch"),
                list.loadingProperty(), list.loadedProperty()));

        detail.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        // The first row is selected once rows arrive, so Enter / Shortcut+E work straight away from the keyboard.
        list.loadedProperty().addListener((o, was, now) -> {
            if (was.intValue() == 0 && now.intValue() > 0 && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().selectFirst();
                table.getFocusModel().focus(0);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                startSelected();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<OpportunitySummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) startSelected();
            });
            return row;
        });
        list.latestTasks().addListener((MapChangeListener<String, TaskProgress>) c -> table.refresh());
        list.titles().addListener((MapChangeListener<String, String>) c -> refreshSoon());
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
        searchField.setOnAction(e -> { typing.stop(); list.searchProperty().set(searchField.getText()); table.requestFocus(); });

        setUpFilters();
        refreshButton.setGraphic(Icons.REFRESH.create());
        startButton.setGraphic(Icons.START.create());
        startButton.getStyleClass().add(Styles.ACCENT);
        startButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        OpportunityDetailController detailController = new OpportunityDetailController(detail, this::startSelected, openProgress);
        detailScroll.setContent(Views.load("/app/cosell/ui/opportunities/OpportunityDetail.fxml", detailController));

        UiSettings s = settings.get();
        TableLayout.apply(table, s.columns(), s.sort());
        TableLayout.watch(table, (cols, sort) -> settings.update(x -> x.withColumns(cols).withSort(sort)));
    }

    private void setUpColumns() {
        idColumn.setCellValueFactory(value(OpportunitySummary::id));
        customerColumn.setCellValueFactory(value(OpportunitySummary::customerCompanyName));
        // ListOpportunities carries no project title: titles appear as opportunities are opened (detail pane).
        titleColumn.setCellValueFactory(value(s -> s.projectTitle() != null ? s.projectTitle() : list.titleOf(s.id())));
        titleColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String title, boolean empty) {
                super.updateItem(title, empty);
                setText(empty ? null : title);
                int i = getIndex();
                if (!empty && title == null && i >= 0 && i < getTableView().getItems().size()) {
                    list.wantTitle(getTableView().getItems().get(i).id()); // on screen: fetch it
                }
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

    /** One table refresh per pulse however many titles arrive in it. */
    private void refreshSoon() {
        if (refreshPending) return;
        refreshPending = true;
        javafx.application.Platform.runLater(() -> {
            refreshPending = false;
            table.refresh();
        });
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
