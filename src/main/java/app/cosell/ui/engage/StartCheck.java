package app.cosell.ui.engage;

import app.cosell.model.InvolvementType;
import app.cosell.model.StartVerdict;
import java.util.Map;

/**
 * The start guard as the Start form asks it: the verdict per involvement type for one opportunity (its full record
 * read, and whether a task of ours still runs for it). Blocking: called in the background.
 */
@FunctionalInterface
public interface StartCheck {

    Map<InvolvementType, StartVerdict> check(String opportunityId);

    /** No guard (tests of the form alone): every start is allowed. */
    StartCheck NONE = id -> Map.of(InvolvementType.CO_SELL, StartVerdict.ready(),
            InvolvementType.FOR_VISIBILITY_ONLY, StartVerdict.ready());
}
