package org.lumbung.remittance;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.MoneyArgument;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of an allocation that need no database: 1 to {@value #MAX_PARTS} parts, each a positive amount in the
 * cooperative's currency with at most its minor units, an account or loan for savings and repayments and none for
 * cash and fee, cash and fee at most once each, and the parts adding up <em>exactly</em> to the amount received.
 */
public final class AllocationRules {

    public static final int MAX_PARTS = 20;
    private static final Set<AllocationKind> ONCE = EnumSet.of(AllocationKind.CASH, AllocationKind.FEE);
    private static final int MAX_REFERENCE = 40;

    private AllocationRules() {
    }

    /** The parts' amounts, scaled to the currency's minor units; refused unless they add up to {@code received}. */
    public static List<BigDecimal> check(List<NewAllocation> parts, BigDecimal received, String currency) {
        DomainException.require(parts != null && !parts.isEmpty() && parts.size() <= MAX_PARTS,
                "remittance.allocation.count", MAX_PARTS);
        for (AllocationKind kind : ONCE) {
            DomainException.require(parts.stream().filter(p -> p != null && p.kind() == kind).count() <= 1,
                    "remittance.allocation.once", kind.name());
        }
        List<BigDecimal> amounts = parts.stream().map(p -> part(p, currency)).toList();
        BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        DomainException.require(total.compareTo(received) == 0, "remittance.allocation.sum",
                MoneyArgument.of(total, currency), MoneyArgument.of(received, currency),
                MoneyArgument.of(received.subtract(total), currency));
        return amounts;
    }

    /** What is left to allocate (negative when the parts exceed the amount): the form shows it live. */
    public static BigDecimal remaining(BigDecimal received, List<BigDecimal> entered) {
        return entered.stream().reduce(received, BigDecimal::subtract);
    }

    private static BigDecimal part(NewAllocation p, String currency) {
        DomainException.require(p != null && p.kind() != null, "remittance.allocation.kind");
        boolean needsReference = p.kind() == AllocationKind.SAVINGS || p.kind() == AllocationKind.LOAN_REPAYMENT;
        boolean hasReference = p.account() != null && !p.account().isBlank();
        DomainException.require(needsReference == hasReference,
                needsReference ? "remittance.allocation.account.missing" : "remittance.allocation.account.unexpected", p.kind().name());
        DomainException.require(!hasReference || Objects.requireNonNull(p.account()).length() <= MAX_REFERENCE,
                "remittance.allocation.account.too-long", MAX_REFERENCE);
        return Amounts.requireEntered(p.amount(), currency);
    }
}
