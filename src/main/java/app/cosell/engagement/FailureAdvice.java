package app.cosell.engagement;

import app.cosell.model.FieldError;
import app.cosell.model.TaskStep;

import java.util.List;

/**
 * What the console tells the rep about one failure, in plain words, with the service's raw code kept visible.
 *
 * @param code           the raw ReasonCode or exception name as the service sent it (or NetworkError / SignInNeeded)
 * @param known          false when the code is one this app does not know (a newer service); the text is then generic
 * @param title          a short plain title
 * @param whatHappened   what probably happened
 * @param whatToDo       what the rep can do about it
 * @param retryCanHelp   whether trying again (as offered by {@code action}) may succeed without changing anything else
 * @param action         the action to offer first
 * @param step           the step that failed, or null for failures outside a task's steps
 * @param serviceMessage the service's own message, shown as details (may be null)
 * @param fieldErrors    for validation failures: the fields the service listed
 */
public record FailureAdvice(String code, boolean known, String title, String whatHappened, String whatToDo,
                            boolean retryCanHelp, AdviceAction action, TaskStep step, String serviceMessage,
                            List<FieldError> fieldErrors) {

    public FailureAdvice {
        fieldErrors = List.copyOf(fieldErrors == null ? List.of() : fieldErrors);
    }
}
