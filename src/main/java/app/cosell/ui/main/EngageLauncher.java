package app.cosell.ui.main;

import app.cosell.model.Opportunity;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.ui.edit.OpportunityEditor;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * What the main window asks of the engagement screens (implemented in {@code ui.engage} / {@code ui.progress}):
 * open the Start-engagement form for a row, show a task's live progress, and a node for the status bar that shows
 * the tasks running now. All three are called on the FX thread and must return at once.
 */
public interface EngageLauncher {

    /** "Start engagement…" on a row (button, Enter, Shortcut+E). */
    void openStartEngagement(OpportunitySummary opportunity);

    /**
     * "Start engagement…" with what the readiness check of the opportunity expects to fail (shown at the top of the
     * form). Without an implementation of its own it opens the form alone.
     */
    default void openStartEngagement(OpportunitySummary opportunity, List<String> readinessWarnings) {
        openStartEngagement(opportunity);
    }

    /** "Open progress" on a task in the detail pane or the history. */
    void openProgress(TaskProgress task);

    /** Placed at the right of the main window's status bar; called once. */
    Node runningTasksIndicator();

    /**
     * Called once, after the first connection, with the tasks the history holds unfinished (the app was closed while
     * they ran): follow them again (e.g. {@code EngagementRunner.resume} in a Service). FX thread; return at once.
     */
    void resumeUnfinished(List<TaskProgress> unfinished);

    /**
     * Where the engagement screens send "Open the opportunity" (an action of a failed task's advice): the main window
     * shows that opportunity (by id). Called once, when the main window is built.
     */
    default void setOnOpenOpportunity(Consumer<String> open) {}

    /**
     * The opportunity editor ("Fix it" from a readiness finding, a failure's advice, or AWS's review comments):
     * {@code editor().open(opportunityId, EditScope)}.
     */
    default OpportunityEditor editor() { return OpportunityEditor.NONE; }

    /** Where a record saved in the editor goes (the main window shows it fresh). Called once. */
    default void setOnOpportunitySaved(Consumer<Opportunity> saved) {}

    /**
     * The tasks this session follows that have not ended yet, one line each in the rep's words ("O2… · Customer —
     * Running"): what quitting would leave to the next launch. FX thread.
     */
    default List<String> runningTaskLines() { return List.of(); }

    /**
     * Starts a task of any kind (e.g. accepting or rejecting an AWS referral) through the start policy, shows its live
     * progress when {@code showProgress}, and calls {@code onEnded} on the FX thread with its last snapshot when it
     * ends. FX thread; returns at once.
     */
    default void startTask(StartEngagementRequest request, String title, boolean showProgress,
                           Consumer<TaskProgress> onEnded) {}

    /** Follows again an unfinished task (shown live), calling {@code onEnded} when it ends. FX thread. */
    default void resumeTask(TaskProgress unfinished, String title, Consumer<TaskProgress> onEnded) {
        openProgress(unfinished);
    }

    /** Until the engagement screens are wired: tells nothing, shows nothing. */
    EngageLauncher NONE = new EngageLauncher() {
        @Override public void openStartEngagement(OpportunitySummary opportunity) {}
        @Override public void openProgress(TaskProgress task) {}
        @Override public Node runningTasksIndicator() { return new Region(); }
        @Override public void resumeUnfinished(List<TaskProgress> unfinished) {}
    };
}
