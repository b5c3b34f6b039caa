package app.cosell.ui.common;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The user-visible text of the app (the one message bundle), for code; FXML reads the same bundle as {@code %key}. */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.cosell.i18n.messages");

    private Messages() {}

    public static ResourceBundle bundle() { return BUNDLE; }

    public static String get(String key) { return BUNDLE.getString(key); }

    public static String format(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), BUNDLE.getLocale()).format(args);
    }

    /** The text for an enum constant: key {@code prefix.CONSTANT}. */
    public static String of(String prefix, Enum<?> value) {
        return value == null ? "" : get(prefix + "." + value.name());
    }
}
