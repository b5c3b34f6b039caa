package app.cosell.ui.engage;

import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import java.util.List;

/** A half-filled Start-engagement form, kept per opportunity so closing the dialog loses nothing. */
public record FormDraft(InvolvementType involvementType, Visibility visibility, List<Tag> tags) {

    public FormDraft {
        tags = List.copyOf(tags == null ? List.of() : tags);
    }
}
