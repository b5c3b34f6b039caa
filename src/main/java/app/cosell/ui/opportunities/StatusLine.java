package app.cosell.ui.opportunities;

import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Messages;
import java.time.Instant;

/** The list's status line: "[notice · ][N matching · ]N opportunities[ · as of <time>]". */
final class StatusLine {

    private StatusLine() {}

    /**
     * @param matching the rows the search and quick filter let through, or -1 when neither is on
     * @param asOf     when the stored rows shown were last synced, or null when they are current
     */
    static String of(int loaded, boolean loading, boolean failed, int matching, Instant asOf, String notice) {
        String count = Formats.count(loaded);
        String text = Messages.format(failed ? "opportunities.status.failed"
                : loading ? "opportunities.status.loading" : "opportunities.status.loaded", count);
        if (matching >= 0) text = Messages.format("opportunities.status.matching", Formats.count(matching)) + " · " + text;
        if (asOf != null) text = text + " · " + Messages.format("opportunities.status.asOf", Formats.dateTime(asOf));
        if (!notice.isEmpty()) text = notice + " · " + text;
        return text;
    }
}
