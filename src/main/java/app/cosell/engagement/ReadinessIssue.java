package app.cosell.engagement;

import app.cosell.model.ReasonCode;

import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One thing about an opportunity that would probably make the engagement task fail, and how to fix it. The text is in
 * the message bundle ({@code readiness.<problem>.what} and {@code .fix}, formatted with {@code args}).
 *
 * @param field      the opportunity field as the service names it (e.g. {@code Customer.Account.WebsiteUrl})
 * @param problem    the bundle key stem, e.g. {@code readiness.websiteMissing}
 * @param args       values for the texts' placeholders
 * @param reasonCode the ReasonCode (or exception) the task would probably end with
 * @param severity   how sure the check is that the task would fail
 */
public record ReadinessIssue(String field, String problem, List<String> args, ReasonCode reasonCode, Severity severity) {

    /** How sure the check is. None of them blocks a start: the service has the last word. */
    public enum Severity {
        /** The documented rules say the task will fail. */
        WILL_FAIL,
        /** The task may fail, or AWS will probably send it back for action. */
        MAY_FAIL,
        /** Worth a look; the task should still run. */
        NOTE
    }

    public ReadinessIssue {
        args = List.copyOf(args == null ? List.of() : args);
    }

    public String what(ResourceBundle bundle) { return format(bundle, problem + ".what"); }

    public String fix(ResourceBundle bundle) { return format(bundle, problem + ".fix"); }

    private String format(ResourceBundle bundle, String key) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args.toArray());
    }
}
