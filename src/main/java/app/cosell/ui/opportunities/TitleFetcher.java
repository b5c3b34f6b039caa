package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.ui.common.Background;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Project titles by id: ListOpportunities carries none, so the titles of the rows on screen are fetched
 * (GetOpportunity, in the background), and titles are learnt from records fetched for other reasons. FX thread.
 */
final class TitleFetcher {

    /** Titles fetched at once, and the most wanted titles kept waiting. */
    static final int FETCHES = 2;
    static final int BACKLOG = 60;

    private final OpportunitySource source;
    private final Background background;
    /** Told each record fetched for its title (its readiness is known now). */
    private final Consumer<Opportunity> onRecord;
    private final ObservableMap<String, String> titles = FXCollections.observableHashMap();
    private final Deque<String> wanted = new ArrayDeque<>();
    private final Set<String> asked = new HashSet<>();
    private int fetching;

    TitleFetcher(OpportunitySource source, Background background, Consumer<Opportunity> onRecord) {
        this.source = source;
        this.background = background;
        this.onRecord = onRecord;
    }

    ObservableMap<String, String> titles() { return titles; }

    String titleOf(String id) { return titles.get(id); }

    void remember(String id, String title) {
        if (title != null && !title.equals(titles.get(id))) titles.put(id, title);
    }

    /** Learns the title of a full record (may be null). */
    void remember(Opportunity o) {
        if (o != null && o.project() != null) remember(o.id(), o.project().title());
    }

    /**
     * A row showing on screen has no title yet: fetch it. The newest requests go first and only the last
     * {@value #BACKLOG} are kept, so scrolling fast through 100,000 rows fetches what is on screen, not everything
     * passed.
     */
    void want(String id) {
        if (titles.containsKey(id) || !asked.add(id)) return;
        wanted.addFirst(id);
        while (wanted.size() > BACKLOG) asked.remove(wanted.removeLast());
        fetchNext();
    }

    private void fetchNext() {
        if (fetching >= FETCHES || wanted.isEmpty()) return;
        String id = wanted.removeFirst();
        fetching++;
        background.run(() -> source.get(id), o -> {
            fetching--;
            if (o.project() != null) remember(id, o.project().title());
            onRecord.accept(o);
            fetchNext();
        }, e -> {
            fetching--; // not asked again this session: a failing record must not be fetched in a loop
            fetchNext();
        });
    }
}
