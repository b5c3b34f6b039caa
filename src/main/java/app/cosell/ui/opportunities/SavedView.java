package app.cosell.ui.opportunities;

import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.ui.settings.UiSettings;
import java.util.List;
import java.util.Set;

/**
 * A named view of the opportunity list the rep saved: the filter, the search, the "Ready to submit" quick filter,
 * the columns (order, width, visibility) and the sort. Kept in the app's store (saved_views).
 */
public record SavedView(String name, Set<Stage> stages, Set<ReviewStatus> reviewStatuses, String company, String search,
                        boolean readyOnly, List<app.cosell.ui.common.ColumnLayout> columns, List<app.cosell.ui.common.SortKey> sort) {

    public SavedView {
        stages = Set.copyOf(stages == null ? Set.of() : stages);
        reviewStatuses = Set.copyOf(reviewStatuses == null ? Set.of() : reviewStatuses);
        company = company == null ? "" : company;
        search = search == null ? "" : search;
        columns = List.copyOf(columns == null ? List.of() : columns);
        sort = List.copyOf(sort == null ? List.of() : sort);
    }

    public OpportunityFilter filter() { return new OpportunityFilter(stages, reviewStatuses, company); }

    /** Where saved views are kept (blocking; called off the FX thread). */
    public interface Storage {
        List<SavedView> load() throws Exception;

        void save(SavedView view) throws Exception;

        void delete(String name) throws Exception;
    }
}
