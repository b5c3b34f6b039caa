package app.cosell.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the rep changed in the editor: the opportunity as they want it, and which fields they touched. The gateway
 * sends UpdateOpportunity with the whole current record (the service clears what is omitted) and only the touched
 * fields replaced, guarded by the {@code LastModifiedDate} the rep's copy was read at.
 *
 * @param edited  the record as read, with the rep's values in the touched fields; its {@code lastModifiedDate} is
 *                the one the edit is based on
 * @param touched the fields to write; every other field is sent back as the service has it
 */
public record OpportunityUpdate(Opportunity edited, Set<EditableField> touched) {

    public OpportunityUpdate {
        Objects.requireNonNull(edited, "edited");
        touched = touched == null || touched.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(touched));
    }
}
