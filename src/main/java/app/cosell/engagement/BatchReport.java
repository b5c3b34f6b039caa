package app.cosell.engagement;

import app.cosell.model.BatchItem;
import app.cosell.model.BatchItemState;
import app.cosell.model.TaskProgress;
import java.io.IOException;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A batch's results as CSV (RFC 4180, through Commons CSV): one row per opportunity with customer, ids, outcome and
 * reason. Safe to open in a spreadsheet: a cell that would start a formula is written as text.
 */
public final class BatchReport {

    static final String[] HEADER = {"Opportunity", "Customer", "Outcome", "Task id", "Engagement id",
            "Invitation id", "Snapshot job id", "Reason code", "Reason", "Tags"};

    private BatchReport() {}

    public static void writeCsv(Appendable out, Iterable<BatchItem> items, IntFunction<Optional<TaskProgress>> tasks)
            throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (BatchItem item : items) {
                TaskProgress task = tasks.apply(item.position()).orElse(null);
                String reason = item.state() == BatchItemState.BLOCKED ? item.blockedReason() : item.message();
                String tags = task == null ? "" : task.request().tags().stream()
                        .map(t -> t.key() + "=" + t.value()).collect(Collectors.joining("; "));
                csv.printRecord(text(item.opportunityId()), text(item.customer()), item.state().name(),
                        text(item.taskId()), text(task == null ? null : task.engagementId()),
                        text(task == null ? null : task.engagementInvitationId()),
                        text(task == null ? null : task.resourceSnapshotJobId()), text(item.outcome()), text(reason),
                        text(tags));
            }
        }
    }

    /**
     * A cell as text: one that a spreadsheet would read as a formula ({@code = + - @}, or a tab or carriage return
     * first) gets a leading apostrophe, as OWASP advises against CSV injection.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

}
