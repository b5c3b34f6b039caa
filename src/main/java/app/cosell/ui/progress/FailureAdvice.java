package app.cosell.ui.progress;

import app.cosell.model.FieldError;
import app.cosell.model.TaskStep;
import java.util.List;

/** STAND-IN mirroring {@code engagement.FailureAdvice} until it lands on main. */
public record FailureAdvice(String code, boolean known, String title, String whatHappened, String whatToDo,
                            boolean retryCanHelp, AdviceAction action, TaskStep step, String serviceMessage,
                            List<FieldError> fieldErrors) {
}
