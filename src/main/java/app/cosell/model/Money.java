package app.cosell.model;

import java.math.BigDecimal;

/** An amount with its ISO-4217 currency, as the service sends money (a decimal string plus a code). */
public record Money(BigDecimal amount, String currencyCode) {}
