package app.cosell.ui.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.OpportunitySummary;
import app.cosell.ui.common.Background;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A search keystroke over 100,000 loaded rows (budget: 16 ms p95, issue #14): what the table gets, i.e. the search,
 * the rows in the table's order (sorted by a column: last modified, newest first) and the one change published to
 * the table's list, measured on the calling thread as the FX thread runs it. Drawing the visible cells is not
 * included. {@code ./mvnw -B -Pbench test -Dtest=SearchKeystrokeBenchmark}
 */
@Tag("benchmark")
class SearchKeystrokeBenchmark {

    @Test
    void searchKeystrokeOverAHundredThousandRows() {
        FakeOpportunities source = new FakeOpportunities(100_000);
        OpportunityListModel model = new OpportunityListModel(source, Background.DIRECT);
        model.refresh();
        Comparator<OpportunitySummary> newestFirst = Comparator.comparing(OpportunitySummary::lastModifiedDate).reversed();
        long sortStart = System.nanoTime();
        model.sortBy(newestFirst); // a click on the header: once, not per keystroke
        long sortNanos = System.nanoTime() - sortStart;
        assertThat(model.rows()).hasSize(100_000);
        assertThat(model.visibleRows()).hasSize(100_000).isSortedAccordingTo(newestFirst);
        int[] changes = new int[1];
        model.visibleRows().addListener((ListChangeListener<OpportunitySummary>) c -> changes[0]++); // as the table
        List<String> typed = new ArrayList<>();
        for (String word : List.of("acme", "customer 12", "project 9", "o00042", "p-7777", "seattle", "health")) {
            for (int i = 1; i <= word.length(); i++) typed.add(word.substring(0, i));
            typed.add("");
        }
        for (int warm = 0; warm < 3; warm++) for (String q : typed) model.searchProperty().set(q);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[typed.size() * 5];
        long[] nanos = new long[typed.size() * 5];
        int n = 0;
        for (int round = 0; round < 5; round++) {
            for (String q : typed) {
                changes[0] = 0;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                model.searchProperty().set(q);
                int shown = model.visibleRows().size(); // the list the table reads is up to date, in its order
                nanos[n] = System.nanoTime() - start;
                cpu[n++] = threads.getCurrentThreadCpuTime() - cpuStart;
                assertThat(shown).isGreaterThanOrEqualTo(0);
                assertThat(changes[0]).isLessThanOrEqualTo(1);
            }
        }
        model.searchProperty().set("customer 12");
        assertThat(model.visibleRows()).isSortedAccordingTo(newestFirst)
                .allMatch(s -> s.customerCompanyName().toLowerCase().contains("customer 12"));
        Arrays.sort(nanos, 0, n);
        Arrays.sort(cpu, 0, n);
        // Wall time is what the rep waits; the thread's CPU time leaves out other processes taking the cores.
        System.out.printf("BENCH search keystroke over 100,000 rows (search + table order + publish): p50 %.1f ms, "
                        + "p95 %.1f ms (budget 16 ms), max %.1f ms; CPU time p50 %.1f ms, p95 %.1f ms; "
                        + "a sort by a column once: %.1f ms%n",
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[n - 1] / 1e6,
                cpu[n / 2] / 1e6, cpu[(int) (n * 0.95)] / 1e6, sortNanos / 1e6);
    }
}
