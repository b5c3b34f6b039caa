package app.cosell.ui.main;

import app.cosell.ui.FxWait;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.model.Stage;
import app.cosell.model.TaskProgress;
import app.cosell.ui.ConsoleHarness;
import app.cosell.ui.common.SortKey;
import app.cosell.ui.opportunities.OpportunityFilter;
import app.cosell.ui.opportunities.OpportunityListModel;
import app.cosell.ui.settings.EmulatorAdmin;
import app.cosell.ui.settings.UiSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The main window of the real console on the embedded emulator: list, search, filters, detail, keys, errors. */
@Tag("ui")
class MainWindowTest {

    private static final int OPPORTUNITIES = 260;
    private static final List<OpportunitySummary> started = new CopyOnWriteArrayList<>();
    private static ConsoleHarness console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openConsole() throws Exception {
        console = ConsoleHarness.open(ConsoleHarness.newDataDir("main-window"), OPPORTUNITIES, Duration.ofMillis(20),
                stage -> new EngageLauncher() {
                    @Override public void openStartEngagement(OpportunitySummary o) { started.add(o); }
                    @Override public void openProgress(TaskProgress task) {}
                    @Override public Node runningTasksIndicator() { return new Region(); }
                    @Override public void resumeUnfinished(List<TaskProgress> unfinished) {}
                });
    }

    @AfterAll
    static void closeConsole() throws Exception {
        console.close();
    }

    @BeforeEach
    void resetView() throws Exception {
        started.clear();
        WaitForAsyncUtils.asyncFx(() -> {
            Window.getWindows().stream().filter(w -> w != console.stage).toList().forEach(Window::hide);
            search().clear();
            list().searchProperty().set("");
            list().filterProperty().set(OpportunityFilter.ANY);
            console.stage.toFront();
            console.stage.requestFocus();
            table().requestFocus();
        }).get();
        console.waitForFullList();
    }

    @Test
    void listsEveryOpportunityOfTheCatalogWithTheEmulatorBadge() {
        assertThat(list().rows()).hasSize(OPPORTUNITIES);
        assertThat(table().getItems()).hasSize(OPPORTUNITIES);
        assertThat(robot.lookup("#catalogBadge").queryAs(Label.class).getText()).isEqualTo("LOCAL EMULATOR");
        assertThat(robot.lookup("#connectionLabel").queryAs(Label.class).getText()).isEqualTo("Local emulator · Sandbox catalog");
        // No "Signed in" on the emulator: there is no account to be signed in to.
        assertThat(robot.lookup("#signInLabel").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void searchNarrowsTheTableAsYouType() throws Exception {
        OpportunitySummary target = list().rows().get(42);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(search().isFocused()).isTrue();

        robot.write(target.id());

        FxWait.until(5, TimeUnit.SECONDS, () -> table().getItems().size() == 1);
        assertThat(table().getItems().getFirst().id()).isEqualTo(target.id());
    }

    @Test
    void aStageFilterReloadsFromTheServer() throws Exception {
        robot.clickOn("#stageFilter");
        robot.clickOn(robot.lookup(".context-menu .label").match(LabeledMatchers.hasText("Qualified")).queryLabeled());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        FxWait.until(20, TimeUnit.SECONDS, () -> list().completeProperty().get()
                && list().filterProperty().get().stages().equals(Set.of(Stage.QUALIFIED)));
        assertThat(list().rows()).isNotEmpty().hasSizeLessThan(OPPORTUNITIES)
                .allMatch(s -> s.stage() == Stage.QUALIFIED);

        robot.clickOn("#clearFiltersButton");
        FxWait.until(20, TimeUnit.SECONDS, () -> list().completeProperty().get()
                && list().rows().size() == OPPORTUNITIES);
    }

    @Test
    void theDetailPaneShowsTheReadinessCheckOfTheSelectedOpportunity() throws Exception {
        select("O20000005"); // the emulator's "missing website" scenario
        FxWait.until(10, TimeUnit.SECONDS, () -> console.window.detailModel().opportunityProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.window.detailModel().findings()).anyMatch(f -> f.blocking() && f.problem().toLowerCase().contains("website"));
        assertThat(robot.lookup("#readinessFindings").queryAs(VBox.class).getChildren()).isNotEmpty();
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isNotBlank();
    }

    @Test
    void aWebsiteStaysOnOneLineWithTheWholeAddressInItsTooltip() throws Exception {
        select("O20000001"); // a seeded US customer: it has a website
        FxWait.until(10, TimeUnit.SECONDS, () -> console.window.detailModel().opportunityProperty().get() != null
                && console.window.detailModel().opportunityProperty().get().id().equals("O20000001"));
        WaitForAsyncUtils.waitForFxEvents();
        String url = console.window.detailModel().opportunityProperty().get().customer().websiteUrl();
        assertThat(url).startsWith("https://");

        Label site = robot.lookup(".web-address").queryAs(Label.class);
        assertThat(site.getText()).isEqualTo(url.substring("https://".length()));
        assertThat(site.isWrapText()).isFalse();
        assertThat(site.getTooltip().getText()).isEqualTo(url);
        assertThat(site.getHeight()).as("one line").isLessThan(site.getFont().getSize() * 2);
    }

    @Test
    void enterOnARowAndShortcutEBothOpenStartEngagement() throws Exception {
        select("O20000001");
        robot.clickOn("#opportunityTable");
        select("O20000001");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(started).extracting(OpportunitySummary::id).containsExactly("O20000001", "O20000001");
    }

    @Test
    void historyAndSettingsOpenFromTheKeyboard() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#historyWindow").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#historyWindow").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#settingsPane").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxWait.until(5, TimeUnit.SECONDS, () -> robot.lookup("#settingsPane").tryQuery().isEmpty());
    }

    @Test
    void aFailedLoadShowsOneReadableErrorWithCopyDetails() throws Exception {
        // The fault is set through the same admin endpoint the settings screen uses.
        new EmulatorAdmin(console.context.emulatorEndpoint(), console.context.json(),
                console.context.emulatorAdminToken())
                .apply(new UiSettings.EmulatorDemo(
                        UiSettings.Speed.INSTANT, "list:AccessDeniedException"));
        try {
            robot.press(KeyCode.F5).release(KeyCode.F5);
            FxWait.until(20, TimeUnit.SECONDS, () -> robot.lookup("#copyDetails").tryQuery()
                    .filter(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing()).isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            String message = robot.lookup("#errorMessage").queryAs(Label.class).getText();
            assertThat(message).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(robot.lookup("#copyDetails").tryQuery()).isPresent();
            robot.clickOn("#copyDetails");
            String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
            assertThat(copied).contains("AccessDeniedException").doesNotContain("\tat ");
        } finally {
            new EmulatorAdmin(console.context.emulatorEndpoint(), console.context.json(),
                console.context.emulatorAdminToken())
                    .apply(new UiSettings.EmulatorDemo(UiSettings.Speed.INSTANT, null));
            WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != console.stage).toList()
                    .forEach(Window::hide)).get();
            robot.press(KeyCode.F5).release(KeyCode.F5);
            console.waitForFullList();
        }
    }

    @Test
    void theColumnChooserOpensFromTheKeyboardAndItsChoiceIsRemembered() throws Exception {
        MenuButton chooser = robot.lookup("#columnsButton").queryAs(MenuButton.class);
        assertThat(chooser.getAccessibleText()).isEqualTo("Show or hide columns, sort (Ctrl+Shift+C)");
        assertThat(chooser.getItems()).hasSize(table().getColumns().size() + 2); // Sort by, a separator, the columns
        String first = table().getColumns().getFirst().getId();
        assertThat(table().getColumns().getFirst().isVisible()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(5, TimeUnit.SECONDS, chooser::isShowing);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);   // "Sort by"
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);   // the first column's item
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // hide it

        FxWait.until(5, TimeUnit.SECONDS, () -> !table().getColumns().getFirst().isVisible());
        FxWait.until(5, TimeUnit.SECONDS, () -> console.context.settings().get().columns().stream()
                .anyMatch(c -> c.id().equals(first) && !c.visible()));
        assertThat(table().getVisibleLeafColumns()).hasSize(table().getColumns().size() - 1);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(5, TimeUnit.SECONDS, chooser::isShowing);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // show it again
        FxWait.until(5, TimeUnit.SECONDS, () -> table().getColumns().getFirst().isVisible());
        FxWait.until(5, TimeUnit.SECONDS, () -> console.context.settings().get().columns().stream()
                .anyMatch(c -> c.id().equals(first) && c.visible()));
    }

    @Test
    void theTableSortsFromTheKeyboardThroughTheColumnChooserAndTheSortIsRemembered() throws Exception {
        MenuButton chooser = robot.lookup("#columnsButton").queryAs(MenuButton.class);
        String first = table().getColumns().getFirst().getId();
        try {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
            FxWait.until(5, TimeUnit.SECONDS, chooser::isShowing);
            robot.press(KeyCode.DOWN).release(KeyCode.DOWN);   // "Sort by"
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // its submenu: "Not sorted" first
            robot.press(KeyCode.DOWN).release(KeyCode.DOWN);   // the first column
            robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

            FxWait.until(5, TimeUnit.SECONDS, () -> table().getSortOrder().size() == 1
                    && table().getSortOrder().getFirst().getId().equals(first)
                    && table().getSortOrder().getFirst().getSortType() == TableColumn.SortType.ASCENDING);
            FxWait.until(5, TimeUnit.SECONDS, () -> console.context.settings().get().sort()
                    .equals(List.of(new SortKey(first, true))));

            WaitForAsyncUtils.asyncFx(() -> chooser.getItems().getFirst() instanceof Menu m
                    ? m.getItems().stream().filter(i -> ("sort-" + first).equals(i.getId())).findFirst().orElseThrow() : null)
                    .get().fire(); // chosen again: descending
            FxWait.until(5, TimeUnit.SECONDS, () -> table().getSortOrder().getFirst().getSortType()
                    == TableColumn.SortType.DESCENDING);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> table().getSortOrder().clear()).get();
        }
    }

    @Test
    void theLastVisibleColumnCannotBeHidden() throws Exception {
        MenuButton chooser = robot.lookup("#columnsButton").queryAs(MenuButton.class);
        try {
            WaitForAsyncUtils.asyncFx(() -> table().getColumns().stream().skip(1).forEach(c -> c.setVisible(false))).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(chooser.getItems().stream().filter(i -> i.getId() != null && i.getId().startsWith("column-")))
                    .extracting(MenuItem::isDisable).containsExactly(true, false, false, false, false,
                            false, false, false, false, false); // the tenth: Readiness
        } finally {
            WaitForAsyncUtils.asyncFx(() -> table().getColumns().forEach(c -> c.setVisible(true))).get();
        }
    }

    private void select(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            OpportunitySummary row = table().getItems().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            table().getSelectionModel().select(row);
            table().scrollTo(row);
            table().requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static OpportunityListModel list() { return console.window.listModel(); }

    @SuppressWarnings("unchecked")
    private TableView<OpportunitySummary> table() { return robot.lookup("#opportunityTable").queryAs(TableView.class); }

    private TextField search() { return robot.lookup("#searchField").queryAs(TextField.class); }
}
