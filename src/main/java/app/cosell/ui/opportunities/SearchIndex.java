package app.cosell.ui.opportunities;

import app.cosell.model.OpportunitySummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;

/**
 * The instant search over the loaded rows (issue #14: a keystroke over 100,000 rows within a frame). Holds the rows in
 * the table's order, sorted again only when the order or the rows change, never per keystroke, beside a parallel array
 * of each row's searched text in lower case. A query that extends the previous one (the rep typed one more letter)
 * scans only the previous matches; any other scans every row with one {@code contains} each. The result is already in
 * the table's order: nothing sorts it afterwards. FX thread.
 *
 * <p>Searched: id, customer, project title, CRM id (partner reference), industry, city, and the extra text the app
 * knows for a row by id (a title learnt from its full record).
 */
final class SearchIndex {

    /** No match across two fields: a query never contains it. */
    private static final char SEPARATOR = '\u0000';

    private final Function<String, String> extraText;
    /** Null: the order the rows were added in (the server's). */
    private Comparator<? super OpportunitySummary> order;
    private OpportunitySummary[] rows = new OpportunitySummary[0];
    private String[] haystacks = new String[0];
    private int size;
    /** Incremented by every change of the rows, their order or their text: the last matches no longer hold. */
    private long version;

    // The last search: what was asked, against which version, and which positions matched (null: every row).
    private String lastQuery;
    private Predicate<? super OpportunitySummary> lastAlso;
    private long lastVersion = -1;
    private int[] lastMatches;
    private int lastCount;
    /** How many rows the last search looked at (tests). */
    private int lastScanned;

    /** {@code extraText}: more searched text for a row by id (may answer null). */
    SearchIndex(Function<String, String> extraText) {
        this.extraText = extraText;
    }

    /** The rows in order. */
    int size() { return size; }

    Comparator<? super OpportunitySummary> order() { return order; }

    /** Orders the rows by {@code order} (null: the order they were added in; a stable sort keeps ties so). */
    void setOrder(Comparator<? super OpportunitySummary> order) {
        this.order = order;
        if (order != null && size > 1) sortAll();
        version++;
    }

    /** Every row anew, in the given (server) order, then sorted. */
    void reset(List<OpportunitySummary> all) {
        rows = all.toArray(new OpportunitySummary[0]);
        size = rows.length;
        haystacks = new String[Math.max(size, 16)];
        rows = Arrays.copyOf(rows, haystacks.length);
        for (int i = 0; i < size; i++) haystacks[i] = haystack(rows[i]);
        if (order != null && size > 1) sortAll();
        version++;
    }

    /**
     * Rows arriving after the others: appended when there is no order, else each put in its place (after its equals,
     * as the server order would have it), in one pass over the rows held.
     */
    void add(List<OpportunitySummary> more) {
        if (more.isEmpty()) return;
        int k = more.size();
        OpportunitySummary[] newRows = more.toArray(new OpportunitySummary[0]);
        String[] newHay = new String[k];
        for (int i = 0; i < k; i++) newHay[i] = haystack(newRows[i]);
        ensureCapacity(size + k);
        if (order == null) {
            System.arraycopy(newRows, 0, rows, size, k);
            System.arraycopy(newHay, 0, haystacks, size, k);
            size += k;
        } else {
            Integer[] byOrder = sortedPositions(newRows, k);
            // Where each new row goes among the rows held (binary search), then one merge from the end.
            int[] at = new int[k];
            for (int j = 0; j < k; j++) at[j] = upperBound(newRows[byOrder[j]]);
            int write = size + k - 1;
            int read = size - 1;
            for (int j = k - 1; j >= 0; j--) {
                while (read >= at[j]) {
                    rows[write] = rows[read];
                    haystacks[write--] = haystacks[read--];
                }
                rows[write] = newRows[byOrder[j]];
                haystacks[write--] = newHay[byOrder[j]];
            }
            size += k;
        }
        version++;
    }

    /** A row replaced by its fresher copy (same id): moved to where the copy belongs. Unknown rows are ignored. */
    void replace(OpportunitySummary old, OpportunitySummary fresh) {
        int i = positionOf(old);
        if (i < 0) return;
        String hay = haystack(fresh);
        if (order == null || isInPlace(i, fresh)) {
            rows[i] = fresh;
            haystacks[i] = hay;
        } else {
            System.arraycopy(rows, i + 1, rows, i, size - i - 1);
            System.arraycopy(haystacks, i + 1, haystacks, i, size - i - 1);
            size--;
            int at = upperBound(fresh);
            System.arraycopy(rows, at, rows, at + 1, size - at);
            System.arraycopy(haystacks, at, haystacks, at + 1, size - at);
            rows[at] = fresh;
            haystacks[at] = hay;
            size++;
        }
        version++;
    }

    /** The next search scans every row (what its test answers has changed, e.g. a row's readiness). */
    void forgetLastSearch() { version++; }

    /** Takes a change of the rows in: appended rows merge in, a replaced row moves, anything else re-reads {@code all}. */
    void follow(ListChangeListener.Change<? extends OpportunitySummary> c, List<OpportunitySummary> all) {
        boolean incremental = true;
        List<Runnable> steps = new ArrayList<>();
        while (c.next()) {
            if (c.wasReplaced() && c.getRemovedSize() == 1 && c.getAddedSize() == 1) {
                OpportunitySummary old = c.getRemoved().getFirst();
                OpportunitySummary fresh = c.getAddedSubList().getFirst();
                steps.add(() -> replace(old, fresh));
            } else if (c.wasAdded() && !c.wasRemoved() && c.getTo() == c.getList().size()) {
                List<OpportunitySummary> added = List.copyOf(c.getAddedSubList());
                steps.add(() -> add(added));
            } else {
                incremental = false;
            }
        }
        if (incremental) steps.forEach(Runnable::run);
        else reset(all);
    }

    /** The extra text of the rows of {@code id} changed (a title was learnt): they are indexed again. */
    void extraTextChanged(String id) {
        for (int i = 0; i < size; i++) {
            if (rows[i].id().equals(id)) {
                haystacks[i] = haystack(rows[i]);
                version++;
            }
        }
    }

    /**
     * The rows, in order, whose searched text contains {@code query} (ignoring case and the spaces around it) and
     * that pass {@code also} (null: no further test). Scans only the last matches when the query extends the last
     * query over the same rows.
     */
    List<OpportunitySummary> search(String query, Predicate<? super OpportunitySummary> also) {
        String q = normalize(query);
        boolean refines = lastVersion == version && also == lastAlso && lastQuery != null && q.contains(lastQuery);
        int[] matches;
        int count = 0;
        if (q.isEmpty() && also == null) {
            matches = null;
            count = size;
        } else if (refines && lastMatches != null) {
            matches = new int[lastCount];
            for (int m = 0; m < lastCount; m++) {
                int i = lastMatches[m];
                if (contains(haystacks[i], q)) matches[count++] = i;
            }
        } else {
            matches = new int[size];
            String[] h = haystacks;
            if (also == null) {
                for (int i = 0; i < size; i++) if (contains(h[i], q)) matches[count++] = i;
            } else {
                for (int i = 0; i < size; i++) if (contains(h[i], q) && also.test(rows[i])) matches[count++] = i;
            }
        }
        lastScanned = matches == null ? 0 : refines && lastMatches != null ? lastCount : size;
        lastQuery = q;
        lastAlso = also;
        lastVersion = version;
        lastMatches = matches;
        lastCount = count;
        OpportunitySummary[] out = new OpportunitySummary[count];
        if (matches == null) System.arraycopy(rows, 0, out, 0, size);
        else for (int m = 0; m < count; m++) out[m] = rows[matches[m]];
        return Arrays.asList(out);
    }

    /** A one-letter query (the first keystroke, matching most rows) is looked for as a char: several times faster. */
    private static boolean contains(String haystack, String q) {
        return q.length() == 1 ? haystack.indexOf(q.charAt(0)) >= 0 : haystack.contains(q);
    }

    /** How many rows the last search looked at: fewer than all when it refined the one before. */
    int lastScanned() { return lastScanned; }

    /** The query as searched: stripped, lower case. */
    static String normalize(String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    /** The row's searched fields, lower case, one string (see the class comment). */
    String haystack(OpportunitySummary s) {
        StringBuilder b = new StringBuilder(128);
        for (String f : new String[] {s.id(), s.customerCompanyName(), s.projectTitle(), s.partnerOpportunityIdentifier(),
                s.industry(), s.city(), s.id() == null ? null : extraText.apply(s.id())}) {
            if (f != null) b.append(f.toLowerCase(Locale.ROOT));
            b.append(SEPARATOR);
        }
        return b.toString();
    }

    private void sortAll() {
        Integer[] byOrder = sortedPositions(rows, size);
        OpportunitySummary[] r = new OpportunitySummary[rows.length];
        String[] h = new String[haystacks.length];
        for (int i = 0; i < size; i++) {
            r[i] = rows[byOrder[i]];
            h[i] = haystacks[byOrder[i]];
        }
        rows = r;
        haystacks = h;
    }

    /** The positions 0..n-1 of {@code a}, stably sorted by the order of their rows. */
    private Integer[] sortedPositions(OpportunitySummary[] a, int n) {
        Integer[] p = new Integer[n];
        for (int i = 0; i < n; i++) p[i] = i;
        if (order != null) Arrays.sort(p, (x, y) -> order.compare(a[x], a[y]));
        return p;
    }

    /** The first position whose row sorts after {@code s} (so {@code s} goes after its equals). */
    private int upperBound(OpportunitySummary s) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(rows[mid], s) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private boolean isInPlace(int i, OpportunitySummary s) {
        return (i == 0 || order.compare(rows[i - 1], s) <= 0) && (i == size - 1 || order.compare(s, rows[i + 1]) <= 0);
    }

    private int positionOf(OpportunitySummary s) {
        for (int i = 0; i < size; i++) if (rows[i] == s) return i;
        for (int i = 0; i < size; i++) if (rows[i].equals(s)) return i;
        return -1;
    }

    private void ensureCapacity(int n) {
        if (n <= rows.length) return;
        int cap = Math.max(n, rows.length + (rows.length >> 1) + 16);
        rows = Arrays.copyOf(rows, cap);
        haystacks = Arrays.copyOf(haystacks, cap);
    }
}
