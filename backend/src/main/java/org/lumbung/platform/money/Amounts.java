package org.lumbung.platform.money;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.UnknownCurrencyException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money rules for all of Lumbung.
 *
 * <ul>
 *   <li>An amount always travels with its ISO 4217 currency and is exact ({@link BigDecimal}), never
 *       {@code double}.</li>
 *   <li>An amount entered by a person or a client may carry at most the currency's ISO minor units
 *       (IDR, KHR, LAK, THB, MYR, USD: 2; JPY, KRW: 0). More digits are refused, never silently rounded.</li>
 *   <li>The single rounding rule, for amounts Lumbung computes itself (conversions, interest, shares):
 *       {@link #ROUNDING} = HALF_EVEN (banker's rounding) to the currency's minor units, so that rounding
 *       errors do not drift in one direction over many postings.</li>
 *   <li>No single amount exceeds {@link #MAX_AMOUNT} (10^15) in its currency.</li>
 * </ul>
 */
public final class Amounts {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    /** The most decimals of any ISO 4217 currency, and what journal_line.amount (numeric(24,4)) keeps. */
    public static final int MAX_SCALE = 4;
    private static final int SHOWN_DIGITS = 40;

    private Amounts() {
    }

    /** Moneta's currency lookup walks its providers on every call; the ISO list does not change at run time. */
    private static final Map<String, CurrencyUnit> CURRENCIES = new ConcurrentHashMap<>();

    public static CurrencyUnit currency(@Nullable String code) {
        if (code == null) {
            throw DomainException.invalid("money.currency.unknown", "null");
        }
        CurrencyUnit known = CURRENCIES.get(code);
        if (known != null) {
            return known;
        }
        try {
            CurrencyUnit unit = Monetary.getCurrency(code);
            CURRENCIES.put(code, unit);
            return unit;
        } catch (UnknownCurrencyException e) {
            throw DomainException.invalid("money.currency.unknown", code);
        }
    }

    public static int minorUnits(String currencyCode) {
        return Math.max(0, currency(currencyCode).getDefaultFractionDigits());
    }

    /**
     * Checks an entered amount: positive, within the limit and with no more decimals than the currency
     * has; returns it scaled to exactly the currency's minor units.
     */
    public static BigDecimal requireEntered(BigDecimal amount, String currencyCode) {
        requireBounded(amount);
        int digits = minorUnits(currencyCode);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw DomainException.invalid("money.amount.too-many-decimals", shown(amount), currencyCode, digits);
        }
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /**
     * The checks that need no currency, safe on any BigDecimal: present, positive, at most {@link #MAX_AMOUNT}
     * and at most {@link #MAX_SCALE} decimals. Nothing is expanded on the way: {@code 1E+2147483600} and
     * {@code 1E-2147483600} are refused without writing out their two billion digits. The amount is written
     * out for the message only when it is refused: every line of a batch passes here.
     */
    public static void requireBounded(BigDecimal amount) {
        DomainException.require(amount != null, "money.amount.missing");
        if (amount.signum() <= 0) {
            throw DomainException.invalid("money.amount.not-positive", shown(amount));
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw DomainException.invalid("money.amount.too-large", shown(amount));
        }
        if (amount.scale() > MAX_SCALE && amount.stripTrailingZeros().scale() > MAX_SCALE) {
            throw DomainException.invalid("money.amount.too-precise", shown(amount), MAX_SCALE);
        }
    }

    /** An amount for a message: plain when it has a sane number of digits, else in its short scientific form. */
    public static String shown(BigDecimal amount) {
        return amount.precision() <= SHOWN_DIGITS && Math.abs(amount.scale()) <= SHOWN_DIGITS
                ? amount.toPlainString() : amount.toString();
    }

    /** Rounds a computed amount by the one rounding rule. */
    public static BigDecimal round(BigDecimal computed, String currencyCode) {
        return computed.setScale(minorUnits(currencyCode), ROUNDING);
    }

    /** Normalises a stored amount (numeric(24,4)) to the currency's minor units without rounding. */
    public static BigDecimal normalise(BigDecimal stored, String currencyCode) {
        return stored.setScale(minorUnits(currencyCode), RoundingMode.UNNECESSARY);
    }
}
