package app.cosell.ui.common;

import app.cosell.model.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** How the console writes dates, times and money for people. Blank for missing values. */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private Formats() {}

    public static String date(LocalDate d) { return d == null ? "" : DATE.format(d); }

    /** The calendar day of an instant, in this computer's time zone. */
    public static String day(Instant t) { return t == null ? "" : DATE.format(t.atZone(ZoneId.systemDefault())); }

    public static String dateTime(Instant t) { return t == null ? "" : DATE_TIME.format(t); }

    public static String money(Money m) {
        if (m == null || m.amount() == null) return "";
        NumberFormat f = MONEY.get().computeIfAbsent(m.currencyCode() + (m.amount().scale() > 0 ? ".2" : ".0"), k -> {
            NumberFormat n = NumberFormat.getCurrencyInstance(Locale.getDefault());
            try {
                n.setCurrency(Currency.getInstance(m.currencyCode()));
            } catch (RuntimeException unknownCurrency) {
                return null;
            }
            n.setMaximumFractionDigits(m.amount().scale() > 0 ? 2 : 0);
            return n;
        });
        return f == null ? m.amount().toPlainString() + " " + m.currencyCode() : f.format(m.amount());
    }

    public static String count(long n) { return COUNT.get().format(n); }

    // Formats are made once per thread and currency (table cells format on every re-layout); they are not thread-safe.
    private static final ThreadLocal<Map<String, NumberFormat>> MONEY = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<NumberFormat> COUNT = ThreadLocal.withInitial(NumberFormat::getIntegerInstance);
}
