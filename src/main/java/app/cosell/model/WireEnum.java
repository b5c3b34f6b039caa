package app.cosell.model;

/** An enum whose values travel as fixed strings on the Partner Central wire ("Co-Sell", "In review", ...). */
public interface WireEnum {
    String wire();

    /** The constant of {@code type} whose wire string is {@code value}, or {@code null} when none matches. */
    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String value) {
        if (value == null) return null;
        for (E e : type.getEnumConstants()) if (e.wire().equals(value)) return e;
        return null;
    }
}
