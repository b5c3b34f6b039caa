package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.services.partnercentralselling.model.ExpectedCustomerSpend;

/**
 * The service's loosely typed values read into the model the one lenient way: a value the service sends blank or
 * malformed reads as absent (or as the connection's catalog), never as a failure of the whole record.
 */
final class WireValues {

    private WireValues() {}

    /** The catalog named by {@code wire}; {@code fallback} when absent or not one the app knows. */
    static Catalog catalog(String wire, Catalog fallback) {
        try {
            return wire == null ? fallback : Catalog.fromWire(wire);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The spend with its amount; a blank or malformed amount reads as no amount. */
    static Money money(ExpectedCustomerSpend s) {
        BigDecimal amount;
        try {
            amount = s.amount() == null || s.amount().isBlank() ? null : new BigDecimal(s.amount());
        } catch (NumberFormatException e) {
            amount = null;
        }
        return new Money(amount, s.currencyCodeAsString());
    }

    /** An ISO date ({@code yyyy-MM-dd}); null when blank or malformed. */
    static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
