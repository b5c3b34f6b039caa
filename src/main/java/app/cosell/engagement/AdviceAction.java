package app.cosell.engagement;

/** The one action a failure screen offers first (copying diagnostics is always offered as well). */
public enum AdviceAction {
    /** Start a new attempt with a fresh client token ({@link EngagementRunner#retry}). */
    RETRY_WITH_NEW_TOKEN,
    /** Open the opportunity (in Partner Central) to correct or check it. */
    OPEN_OPPORTUNITY,
    /** Correct the fields the service listed, then try again. */
    FIX_FIELDS,
    /** Wait a little, then retry ({@link EngagementRunner#retry} keeps the token of an unanswered start). */
    WAIT_AND_RETRY,
    /** Sign in to IAM Identity Center for the profile, then resume. */
    SIGN_IN,
    /** Ask the partner's AWS team (Partner Development Manager / support case). */
    CONTACT_AWS_TEAM,
    /** Copy the failure details for an administrator or a support case. */
    COPY_DIAGNOSTICS,
    /** Open the app's opportunity editor on the field the failure names ({@link FailureAdvice#field()}). */
    FIX_IT,
    /** Open the Partner Central console ({@link FailureAdvice#PARTNER_CENTRAL_URL}) for what the app cannot change. */
    OPEN_IN_PARTNER_CENTRAL,
    /** Bring forward the task already running for the opportunity instead of starting another. */
    SHOW_RUNNING_TASK;

    /** Whether this action starts the task again. */
    public boolean isRetry() { return this == RETRY_WITH_NEW_TOKEN || this == WAIT_AND_RETRY; }
}
