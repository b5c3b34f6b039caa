package app.cosell.engagement;

import app.cosell.model.EditableField;
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
 * @param offered        the actions to offer as buttons, the primary one first; a retry only where trying again can
 *                       help by itself (decided by the catalogue, so the views only show them)
 * @param field          the field the failure names that the app's editor can fix (for {@link AdviceAction#FIX_IT}),
 *                       or null
 * @param alreadyCreated what the failed task left behind that a new start reuses (engagement, snapshot job), in
 *                       words; null when nothing was created
 */
public record FailureAdvice(String code, boolean known, String title, String whatHappened, String whatToDo,
                            boolean retryCanHelp, AdviceAction action, TaskStep step, String serviceMessage,
                            List<FieldError> fieldErrors, List<AdviceAction> offered, EditableField field,
                            String alreadyCreated) {

    /** The Partner Central console, the one address the service's documentation gives (ListOpportunities). */
    public static final String PARTNER_CENTRAL_URL = "https://partnercentral.awspartner.com/";

    public FailureAdvice {
        fieldErrors = List.copyOf(fieldErrors == null ? List.of() : fieldErrors);
        offered = List.copyOf(offered == null ? List.of() : offered);
    }

    /** Advice without buttons decided beyond its first action (older callers). */
    public FailureAdvice(String code, boolean known, String title, String whatHappened, String whatToDo,
                         boolean retryCanHelp, AdviceAction action, TaskStep step, String serviceMessage,
                         List<FieldError> fieldErrors) {
        this(code, known, title, whatHappened, whatToDo, retryCanHelp, action, step, serviceMessage, fieldErrors,
                List.of(action), null, null);
    }

    /** The button to make the default one, or null. */
    public AdviceAction primary() { return offered.isEmpty() ? null : offered.getFirst(); }

    /** Whether a retry is among the buttons. */
    public boolean offersRetry() { return offered.stream().anyMatch(AdviceAction::isRetry); }

    /** The same advice with what the failed task left behind, said in words. */
    public FailureAdvice withAlreadyCreated(String text) {
        return new FailureAdvice(code, known, title, whatHappened, whatToDo, retryCanHelp, action, step,
                serviceMessage, fieldErrors, offered, field, text);
    }
}
