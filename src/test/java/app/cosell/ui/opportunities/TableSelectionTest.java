package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.Background;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's selection across the list model's published changes, on a real TableView (FX thread): a keystroke,
 * a sort by a column header and a refreshed row keep the selected row while it is still shown.
 */
class TableSelectionTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // starts the toolkit
    }

    @Test
    void theSelectedRowStaysSelectedWhileItStillMatchesAndTheDetailPaneFollows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            FakeOpportunities source = new FakeOpportunities(300);
            OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
            OpportunityDetailModel detail = new OpportunityDetailModel(source, o -> List.of(), Background.DIRECT);
            TableView<OpportunitySummary> table = new TableView<>(model.visibleRows());
            TableColumn<OpportunitySummary, String> customer = new TableColumn<>("Customer");
            customer.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().customerCompanyName()));
            table.getColumns().add(customer);
            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            table.setSortPolicy(t -> {
                model.sortBy(t.getComparator());
                return true;
            });
            TableSelection selection = new TableSelection(table, detail);
            model.setPublisher(selection::keeping);
            model.refresh();

            OpportunitySummary chosen = model.rows().get(151); // Customer 151
            selection.select(chosen);
            assertThat(detail.selectedProperty().get()).isSameAs(chosen);

            model.searchProperty().set("customer 15"); // still matches
            assertThat(table.getItems()).hasSize(10);
            assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);
            assertThat(detail.selectedProperty().get()).isSameAs(chosen);

            customer.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(customer)); // a click on the header: the model re-orders
            assertThat(table.getItems()).isSortedAccordingTo(
                    Comparator.comparing(OpportunitySummary::customerCompanyName).reversed());
            assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);

            model.searchProperty().set("customer 151"); // refines
            assertThat(table.getItems()).containsExactly(chosen);
            assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);

            model.searchProperty().set("acme"); // no longer shown: nothing selected, the detail pane empties
            assertThat(table.getSelectionModel().getSelectedItems()).isEmpty();
            assertThat(detail.selectedProperty().get()).isNull();
            return null;
        }).get();
    }
}
