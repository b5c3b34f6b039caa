package app.cosell.ui.opportunities;

/**
 * One finding of the readiness check as the detail pane shows it: what would fail when starting the engagement,
 * and how to fix it. {@code blocking} findings would make the task fail; the others are warnings.
 */
public record ReadinessItem(boolean blocking, String problem, String fix) {

    /** The readiness check the detail pane runs (backed by the engagement package's check). */
    @FunctionalInterface
    public interface Check {
        java.util.List<ReadinessItem> check(app.cosell.model.Opportunity opportunity);
    }
}
