package app.cosell.ui.progress;

import java.util.List;

/**
 * STAND-IN until {@code engagement.FailureAdvice} lands on main: what the rep is told about a failure.
 */
public record FailureAdvice(String code, String title, String whatHappened, String whatToDo, boolean retryHelps,
                            List<AdviceAction> actions) {

    /** What the rep can do about a failure. */
    public enum AdviceAction {
        RETRY_WITH_NEW_TOKEN, OPEN_OPPORTUNITY, FIX_FIELDS, WAIT_AND_RETRY, SIGN_IN, CONTACT_AWS_TEAM, COPY_DIAGNOSTICS
    }
}
