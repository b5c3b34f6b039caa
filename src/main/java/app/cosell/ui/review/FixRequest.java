package app.cosell.ui.review;

import java.util.List;

/**
 * "Fix in the app" on an Action Required review: opens the opportunity's editor on only the fields the API leaves
 * editable, focused on the ones AWS's comments name. Saving there (UpdateOpportunity) sends the opportunity back into
 * review; the panel follows it. Called on the FX thread; returns at once.
 */
@FunctionalInterface
public interface FixRequest {

    /**
     * @param editableFields API paths the rep may change (e.g. {@code Customer.Account.WebsiteUrl})
     * @param focusFields    the subset AWS's comments name, to focus first (may be empty)
     */
    void fix(String opportunityId, List<String> editableFields, List<String> focusFields);
}
