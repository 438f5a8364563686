package org.lumbung.reports;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One line of a financial statement: an account with its amount on its side of the statement (an asset's
 * debit balance, a liability's credit balance; a contra account such as the allowance for loan losses is
 * negative) and the amount of the comparative period.
 */
public record StatementLine(String code, String nameEn, String nameId, BigDecimal amount, BigDecimal previous) {

    public String name(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? nameId : nameEn;
    }
}
