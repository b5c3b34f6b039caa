package app.cosell.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the opportunity editor opens: which fields the rep may change (empty: every field the review status allows),
 * which to highlight (e.g. the ones AWS's ReviewComments name), and which gets the keyboard first.
 *
 * @param editable    the fields that may change; empty means all of them
 * @param highlighted the fields to mark for the rep's attention
 * @param focus       the field focused when the editor opens, or null (the first highlighted, else the first)
 */
public record EditScope(Set<EditableField> editable, Set<EditableField> highlighted, EditableField focus) {

    public EditScope {
        editable = editable == null || editable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(editable));
        highlighted = highlighted == null || highlighted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(highlighted));
        if (focus == null && !highlighted.isEmpty()) focus = EnumSet.copyOf(highlighted).iterator().next();
    }

    /** Every field, nothing highlighted. */
    public static EditScope all() { return new EditScope(Set.of(), Set.of(), null); }

    /** Every field, with {@code field} highlighted and focused (a readiness finding's or a failure's "Fix it"). */
    public static EditScope focus(EditableField field) {
        return field == null ? all() : new EditScope(Set.of(), Set.of(field), field);
    }

    /**
     * Review status Action Required: only the fields the service lets a partner change then
     * ({@link EditableField#EDITABLE_WHEN_ACTION_REQUIRED}), with the ones AWS's comments name highlighted.
     */
    public static EditScope actionRequired(Set<EditableField> named) {
        return new EditScope(EditableField.EDITABLE_WHEN_ACTION_REQUIRED, named, null);
    }

    /** Whether the scope lets the rep change {@code field}. */
    public boolean allows(EditableField field) { return editable.isEmpty() || editable.contains(field); }
}
