package app.cosell.ui.opportunities;

import app.cosell.model.ReviewStatus;
import app.cosell.model.Stage;
import app.cosell.ui.common.Messages;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the Stage and Review status filter menus stand for: one check item per value, in the order of {@link #STAGES}
 * and {@link #REVIEW_STATUSES}; which items a filter ticks, the filter the ticks make, and the menus' labels. No
 * controls: the controller only copies ticks to and from its check items by index.
 */
final class FilterMenus {

    /** The Stage menu's items, in order. */
    static final List<Stage> STAGES = List.of(Stage.values());
    /** The Review status menu's items, in order. */
    static final List<ReviewStatus> REVIEW_STATUSES = List.of(ReviewStatus.values());

    private FilterMenus() {}

    /** The ticks of the Stage menu's items showing {@code f}. */
    static List<Boolean> stageTicks(OpportunityFilter f) { return ticks(STAGES, f.stages()); }

    /** The ticks of the Review status menu's items showing {@code f}. */
    static List<Boolean> reviewTicks(OpportunityFilter f) { return ticks(REVIEW_STATUSES, f.reviewStatuses()); }

    /** The filter the menus' ticks (by item index) and the company box make. */
    static OpportunityFilter filterOf(List<Boolean> stageTicks, List<Boolean> reviewTicks, String company) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        Set<ReviewStatus> reviews = EnumSet.noneOf(ReviewStatus.class);
        for (int i = 0; i < STAGES.size() && i < stageTicks.size(); i++) if (stageTicks.get(i)) stages.add(STAGES.get(i));
        for (int i = 0; i < REVIEW_STATUSES.size() && i < reviewTicks.size(); i++) {
            if (reviewTicks.get(i)) reviews.add(REVIEW_STATUSES.get(i));
        }
        return new OpportunityFilter(stages, reviews, company);
    }

    /** The Stage menu's label: "any", or how many stages are chosen. */
    static String stageLabel(OpportunityFilter f) { return label("opportunities.filter.stage", f.stages().size()); }

    /** The Review status menu's label: "any", or how many statuses are chosen. */
    static String reviewLabel(OpportunityFilter f) { return label("opportunities.filter.review", f.reviewStatuses().size()); }

    /** The text of the Stage menu's item {@code i}. */
    static String stageText(int i) { return Messages.of("stage", STAGES.get(i)); }

    /** The text of the Review status menu's item {@code i}. */
    static String reviewText(int i) { return Messages.of("review", REVIEW_STATUSES.get(i)); }

    private static <E> List<Boolean> ticks(List<E> items, Set<E> chosen) {
        List<Boolean> out = new ArrayList<>(items.size());
        for (E e : items) out.add(chosen.contains(e));
        return out;
    }

    private static String label(String key, int selected) {
        return selected == 0 ? Messages.get(key + ".any") : Messages.format(key + ".some", selected);
    }
}
