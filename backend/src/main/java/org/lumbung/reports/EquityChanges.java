package org.lumbung.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The statement of changes in equity (laporan perubahan ekuitas) of one currency for a period, beside the same
 * period a year earlier: for each equity account (simpanan pokok, simpanan wajib, grants, reserves, the current
 * year's surplus) its opening balance, what was added and taken away, the surplus of the period, and its closing
 * balance; the current year's surplus counts the income less expenses not yet closed, as on the balance sheet. Every
 * component and the total reconcile opening to closing exactly (asserted when it is made).
 */
public record EquityChanges(long cooperativeId, String currency, LocalDate from, LocalDate to, LocalDate previousFrom,
                            LocalDate previousTo, List<Component> components, Movement total, Movement previousTotal) {

    public EquityChanges {
        components = List.copyOf(components);
    }

    /** One equity account's movement in the period and in the comparative period. */
    public record Component(String code, String nameEn, String nameId, Movement now, Movement previous) {
        public String name(Locale locale) {
            return locale != null && "id".equals(locale.getLanguage()) ? nameId : nameEn;
        }
    }

    /** Opening + additions − reductions + surplus = closing, on the credit (normal) side of equity. */
    public record Movement(BigDecimal opening, BigDecimal additions, BigDecimal reductions, BigDecimal surplus,
                           BigDecimal closing) {

        public Movement {
            if (opening.add(additions).subtract(reductions).add(surplus).compareTo(closing) != 0) {
                throw new IllegalStateException("equity does not reconcile: " + opening + " + " + additions + " - "
                        + reductions + " + " + surplus + " != " + closing);
            }
        }

        Movement plus(Movement other) {
            return new Movement(opening.add(other.opening), additions.add(other.additions),
                    reductions.add(other.reductions), surplus.add(other.surplus), closing.add(other.closing));
        }
    }
}
