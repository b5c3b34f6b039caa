package app.cosell.cli;

import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import java.util.List;
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

    /** {@code KEY=VALUE}, checked with the service's tag rules. */
    static final class TagValue implements ITypeConverter<Tag> {
        @Override
        public Tag convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) throw new TypeConversionException("'" + value + "' is not KEY=VALUE");
            Tag tag = new Tag(value.substring(0, eq), value.substring(eq + 1));
            List<Tag.Violation> problems = Tag.check(List.of(tag));
            if (!problems.isEmpty())
                throw new TypeConversionException("Tag '" + value + "': " + problems.getFirst().problem());
            return tag;
        }
    }
}
