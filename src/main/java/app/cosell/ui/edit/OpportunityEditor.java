package app.cosell.ui.edit;

import app.cosell.model.EditScope;

/**
 * Opens the opportunity editor: from a readiness finding or a failure's "Fix it" ({@code EditScope.focus(field)}),
 * or from AWS's review ({@code EditScope.actionRequired(fieldsTheCommentsName)}: only the fields the review status
 * leaves editable, the named ones highlighted). One window per opportunity; opening it again brings it forward.
 * FX thread; returns at once (the record is read in the background).
 */
@FunctionalInterface
public interface OpportunityEditor {

    void open(String opportunityId, EditScope scope);

    /** Until the editor is wired: does nothing. */
    OpportunityEditor NONE = (id, scope) -> {};
}
