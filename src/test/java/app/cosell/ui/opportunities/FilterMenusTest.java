package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterMenusTest {

    @Test
    void theMenusHaveAnItemPerValueInTheEnumsOrder() {
        assertThat(FilterMenus.STAGES).containsExactly(Stage.values());
        assertThat(FilterMenus.REVIEW_STATUSES).containsExactly(ReviewStatus.values());
        assertThat(FilterMenus.stageText(0)).isNotBlank();
        assertThat(FilterMenus.reviewText(FilterMenus.REVIEW_STATUSES.size() - 1)).isNotBlank();
    }

    @Test
    void aFilterTicksItsItemsAndTheTicksMakeTheSameFilterBack() {
        Stage stage = FilterMenus.STAGES.get(2);
        ReviewStatus review = FilterMenus.REVIEW_STATUSES.getLast();
        OpportunityFilter f = new OpportunityFilter(Set.of(stage), Set.of(FilterMenus.REVIEW_STATUSES.getFirst(), review), "Acme");

        List<Boolean> stageTicks = FilterMenus.stageTicks(f);
        List<Boolean> reviewTicks = FilterMenus.reviewTicks(f);

        assertThat(stageTicks).hasSize(FilterMenus.STAGES.size());
        assertThat(stageTicks.indexOf(true)).isEqualTo(2);
        assertThat(Collections.frequency(stageTicks, true)).isEqualTo(1);
        assertThat(reviewTicks.getFirst()).isTrue();
        assertThat(reviewTicks.getLast()).isTrue();
        assertThat(Collections.frequency(reviewTicks, true)).isEqualTo(2);
        assertThat(FilterMenus.filterOf(stageTicks, reviewTicks, "Acme")).isEqualTo(f);
    }

    @Test
    void nothingTickedIsAnyAndTheLabelsCountTheChoices() {
        List<Boolean> none = new ArrayList<>(Collections.nCopies(FilterMenus.STAGES.size(), false));
        List<Boolean> noReview = Collections.nCopies(FilterMenus.REVIEW_STATUSES.size(), false);
        assertThat(FilterMenus.filterOf(none, noReview, "")).isEqualTo(OpportunityFilter.ANY);
        assertThat(FilterMenus.stageLabel(OpportunityFilter.ANY)).isEqualTo("Stage: any");
        assertThat(FilterMenus.reviewLabel(OpportunityFilter.ANY)).isEqualTo("Review: any");

        none.set(0, true);
        none.set(1, true);
        OpportunityFilter two = FilterMenus.filterOf(none, noReview, "");
        assertThat(two.stages()).containsExactlyInAnyOrder(FilterMenus.STAGES.get(0), FilterMenus.STAGES.get(1));
        assertThat(FilterMenus.stageLabel(two)).isEqualTo("Stage: 2 selected");
    }
}
