package app.cosell.cli;

import app.cosell.engagement.FailureAdviceCatalogue;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The command line's values in the service's own spelling ({@code Co-Sell}, {@code Full}, {@code KEY=VALUE}). */
final class Converters {

    private Converters() {}

    static final class Involvement implements ITypeConverter<InvolvementType> {
        @Override
        public InvolvementType convert(String value) {
            for (InvolvementType t : InvolvementType.values())
                if (t.wire().equalsIgnoreCase(value.strip()) || t.name().equalsIgnoreCase(value.strip())) return t;
            throw new TypeConversionException("'" + value + "' is not Co-Sell or \"For Visibility Only\"");
        }
    }

    static final class VisibilityValue implements ITypeConverter<Visibility> {
        @Override
        public Visibility convert(String value) {
            for (Visibility v : Visibility.values()) if (v.wire().equalsIgnoreCase(value.strip())) return v;
            throw new TypeConversionException("'" + value + "' is not Full or Limited");
        }
    }

    /** {@code KEY=VALUE}, checked with the service's rules for one tag (see {@link #checkTags} for the list). */
    static final class TagValue implements ITypeConverter<Tag> {
        @Override
        public Tag convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) throw new TypeConversionException(text("cli.engage.tagFormat", value));
            Tag tag = new Tag(value.substring(0, eq), value.substring(eq + 1));
            List<Tag.Violation> problems = Tag.check(List.of(tag));
            if (!problems.isEmpty())
                throw new TypeConversionException(text("cli.engage.tagInvalid", value, problems.getFirst().problem().name()));
            return tag;
        }
    }

    /**
     * The rules for the tags as a whole (how many, no key twice), which no single {@code --tag} can check: a usage
     * error naming the first problem, before anything is sent.
     */
    static void checkTags(List<Tag> tags, CommandLine commandLine) {
        List<Tag.Violation> problems = Tag.check(tags);
        if (problems.isEmpty()) return;
        Tag.Violation v = problems.getFirst();
        String which = v.index() < 0 ? "" : tags.get(v.index()).key() + "=" + tags.get(v.index()).value();
        throw new CommandLine.ParameterException(commandLine, text("cli.engage.tagInvalid", which, v.problem().name()));
    }

    private static String text(String key, Object... args) {
        ResourceBundle messages = ResourceBundle.getBundle(FailureAdviceCatalogue.BUNDLE);
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(args);
    }
}
