package org.lumbung.loans.schedule;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a repayment over what is outstanding, in an {@link AllocationOrder}. Pure: the caller decides which
 * instalments are offered (the due and overdue ones for an ordinary repayment, all of them for a payoff);
 * they are settled oldest due date first (then lowest number). Nothing is rounded: every amount is already at
 * the currency's minor units, and the split sums exactly to the payment.
 */
public final class RepaymentAllocator {

    private RepaymentAllocator() {
    }

    public static Allocation allocate(BigDecimal payment, String currency, List<DueParts> outstanding,
                                      AllocationOrder order) {
        BigDecimal remaining = Amounts.requireEntered(payment, currency);
        List<DueParts> oldestFirst = checked(outstanding, currency);
        List<Map<Component, BigDecimal>> taken = new ArrayList<>();
        oldestFirst.forEach(d -> taken.add(new EnumMap<>(Component.class)));
        for (Step step : steps(oldestFirst.size(), order)) {
            BigDecimal due = oldestFirst.get(step.index).of(step.component);
            BigDecimal settled = due.min(remaining);
            taken.get(step.index).merge(step.component, settled, BigDecimal::add);
            remaining = remaining.subtract(settled);
        }
        return summed(currency, oldestFirst, taken, remaining);
    }

    private record Step(int index, Component component) {
    }

    /** The visiting order: instalment by instalment (vertical) or component by component (horizontal). */
    private static List<Step> steps(int count, AllocationOrder order) {
        List<Step> steps = new ArrayList<>();
        if (order.horizontal()) {
            order.components().forEach(c -> {
                for (int i = 0; i < count; i++) {
                    steps.add(new Step(i, c));
                }
            });
        } else {
            for (int i = 0; i < count; i++) {
                for (Component c : order.components()) {
                    steps.add(new Step(i, c));
                }
            }
        }
        return steps;
    }

    private static List<DueParts> checked(List<DueParts> outstanding, String currency) {
        DomainException.require(outstanding != null && outstanding.size() <= LoanTerms.MAX_INSTALMENTS,
                "loans.schedule.allocation.too-many-instalments", LoanTerms.MAX_INSTALMENTS);
        int digits = Amounts.minorUnits(currency);
        List<DueParts> normalised = new ArrayList<>();
        for (DueParts d : outstanding) {
            normalised.add(new DueParts(d.instalment(), d.dueDate(), due(d.penalty(), digits), due(d.fees(), digits),
                    due(d.interest(), digits), due(d.principal(), digits)));
        }
        normalised.sort(Comparator.comparing(DueParts::dueDate).thenComparingInt(DueParts::instalment));
        return normalised;
    }

    private static BigDecimal due(BigDecimal amount, int digits) {
        DomainException.require(amount != null && amount.signum() >= 0 && amount.compareTo(Amounts.MAX_AMOUNT) <= 0
                        && (amount.scale() <= digits || amount.stripTrailingZeros().scale() <= digits),
                "loans.schedule.allocation.invalid-due", amount == null ? "null" : Amounts.shown(amount));
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    private static Allocation summed(String currency, List<DueParts> dues, List<Map<Component, BigDecimal>> taken,
                                     BigDecimal excess) {
        BigDecimal zero = excess.subtract(excess);
        Map<Component, BigDecimal> totals = new EnumMap<>(Component.class);
        List<AllocatedPart> parts = new ArrayList<>();
        for (int i = 0; i < dues.size(); i++) {
            Map<Component, BigDecimal> t = taken.get(i);
            AllocatedPart part = new AllocatedPart(dues.get(i).instalment(), dues.get(i).dueDate(),
                    t.getOrDefault(Component.PENALTY, zero), t.getOrDefault(Component.FEES, zero),
                    t.getOrDefault(Component.INTEREST, zero), t.getOrDefault(Component.PRINCIPAL, zero));
            t.forEach((c, v) -> totals.merge(c, v, BigDecimal::add));
            if (part.total().signum() > 0) {
                parts.add(part);
            }
        }
        return new Allocation(currency, parts, totals.getOrDefault(Component.PENALTY, zero),
                totals.getOrDefault(Component.FEES, zero), totals.getOrDefault(Component.INTEREST, zero),
                totals.getOrDefault(Component.PRINCIPAL, zero), excess);
    }
}
