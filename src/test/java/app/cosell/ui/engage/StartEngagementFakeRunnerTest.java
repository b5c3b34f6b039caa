package app.cosell.ui.engage;

import app.cosell.engagement.FailureAdvice;
import app.cosell.engagement.AdviceAction;
import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.Catalog;
import app.cosell.model.OpportunitySummary;
import app.cosell.model.StartEngagementRequest;
import app.cosell.model.TaskProgress;
import app.cosell.model.TaskStep;
import app.cosell.ui.progress.ProgressWindows;
import app.cosell.ui.progress.RunningTasks;
import app.cosell.ui.progress.Snapshots;
import app.cosell.ui.progress.TaskRunner;
import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The form and the progress view driven by a scripted runner (each snapshot released by the test). */
@ExtendWith(ApplicationExtension.class)
class StartEngagementFakeRunnerTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("app.cosell.i18n.messages");
    private static final OpportunitySummary OPP = new OpportunitySummary("O1234567", "arn:opp", Catalog.Sandbox, null,
            "Acme Corp", "US", "Data platform migration", null, null, null, null, null, null, null, null);

    private final Semaphore permits = new Semaphore(0);
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-app-executor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failFirst;
    private Stage main;
    private EngageWindows windows;

    /** Emits the requested snapshot, then each step as the test releases permits, ending COMPLETE. */
    private final TaskRunner runner = new TaskRunner() {
        @Override
        public TaskProgress start(StartEngagementRequest r, Consumer<TaskProgress> onChange) throws Exception {
            onChange.accept(Snapshots.requested(r));
            if (failFirst) {
                failFirst = false;
                permits.acquire();
                onChange.accept(Snapshots.runningAt(r, TaskStep.CREATE_ENGAGEMENT));
                permits.acquire();
                return Snapshots.failedAt(r, TaskStep.CREATE_ENGAGEMENT, "EngagementValidationFailed",
                        "The engagement title exceeds 255 characters.");
            }
            for (TaskStep s : TaskStep.values()) {
                permits.acquire();
                onChange.accept(Snapshots.runningAt(r, s));
            }
            permits.acquire();
            return Snapshots.complete(r);
        }

        @Override
        public TaskProgress retry(TaskProgress failed, Consumer<TaskProgress> onChange) throws Exception {
            return start(failed.request(), onChange);
        }

        @Override
        public TaskProgress resume(TaskProgress unfinished, Consumer<TaskProgress> onChange) throws Exception {
            return start(unfinished.request(), onChange);
        }
    };

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        main = stage;
        RunningTasks tasks = new RunningTasks(executor, runner);
        FailureAdvice advice = new FailureAdvice("EngagementValidationFailed", true,
                "Partner Central could not create the engagement",
                "The engagement it builds from the opportunity did not pass validation (title, description or context).",
                "Check the opportunity's project title and description in Partner Central, then retry with a new token.",
                true, AdviceAction.RETRY_WITH_NEW_TOKEN, TaskStep.CREATE_ENGAGEMENT, null, List.of());
        ProgressWindows progress = new ProgressWindows(tasks, MESSAGES, p -> advice, f -> advice, id -> {}, "test",
                () -> main, Clock.fixed(Snapshots.T0.plusSeconds(4), ZoneOffset.UTC));
        windows = new EngageWindows(() -> main, MESSAGES, tasks, progress, new FormDrafts(),
                () -> AwsCliText.Target.defaultRegion(), () -> "cosell-engage-test");
        BorderPane root = new BorderPane(new Label("main"));
        root.setBottom(windows.runningTasksIndicator());
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void formThenLiveProgressThenComplete(FxRobot robot) throws Exception {
        robot.interact(() -> windows.openStartEngagement(OPP));
        robot.clickOn("#addTag");
        robot.write("team");
        robot.clickOn("#tagValue1").write("Sales East");
        robot.clickOn("#addTag");
        robot.write("team");
        assertThat(robot.lookup(".tag-key-error").queryAllAs(Label.class))
                .extracting(Label::getText).contains("This key is already used by another tag.");
        Stage form = (Stage) robot.lookup("#tagKey1").query().getScene().getWindow();
        robot.clickOn("#tagKey2").eraseText(4).write("env");

        robot.clickOn("#start");
        permits.release(3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#step-CREATE_RESOURCE_SNAPSHOT.running").tryQuery().isPresent());
        Window progress = robot.lookup("#step-GET_OPPORTUNITY").query().getScene().getWindow();

        permits.release(10);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#engagementId").queryAs(Label.class).getText().equals("eng-1"));
    }

    @Test
    void aFailedTaskShowsTheAdviceAndRetryRunsANewAttempt(FxRobot robot) throws Exception {
        failFirst = true;
        robot.interact(() -> windows.openStartEngagement(OPP));
        robot.clickOn("#start");
        permits.release(2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#retry").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Window progress = robot.lookup("#step-GET_OPPORTUNITY").query().getScene().getWindow();
        assertThat(robot.lookup("#reasonCode").queryAs(Label.class).getText()).isEqualTo("EngagementValidationFailed");
        assertThat(robot.lookup("#step-CREATE_ENGAGEMENT").query().getStyleClass()).contains("failed");

        robot.clickOn("#retry");
        permits.release(10);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#engagementId").queryAs(Label.class).getText().equals("eng-1"));
        assertThat(robot.lookup("#retry").tryQuery()).isEmpty();
    }
}
