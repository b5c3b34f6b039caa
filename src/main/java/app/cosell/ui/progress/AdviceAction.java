package app.cosell.ui.progress;

/** STAND-IN mirroring {@code engagement.AdviceAction} until it lands on main. */
public enum AdviceAction {
    RETRY_WITH_NEW_TOKEN, OPEN_OPPORTUNITY, FIX_FIELDS, WAIT_AND_RETRY, SIGN_IN, CONTACT_AWS_TEAM, COPY_DIAGNOSTICS
}
