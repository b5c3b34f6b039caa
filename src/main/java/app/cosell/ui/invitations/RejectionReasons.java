package app.cosell.ui.invitations;

import java.util.regex.Pattern;

/** The rule of RejectEngagementInvitation's free-text RejectionReason: 1 to 80 printable characters, one line. */
final class RejectionReasons {

    /** The model's pattern of {@code RejectionReasonString}. */
    private static final Pattern REASON = Pattern.compile("[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}");

    private RejectionReasons() {}

    /** Whether {@code text} (surrounding blanks dropped) is a reason the service accepts. */
    static boolean isValid(String text) {
        return text != null && !text.isBlank() && REASON.matcher(text.strip()).matches();
    }
}
