package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_PRODUCT;

/**
 * Mandatory dues (simpanan wajib) arrears as of any date. A month's dues fall due by the cooperative's
 * due day ({@link DuesRule}: by day N of the month, default the last day), from the month the rule says a
 * member starts to owe; a member is behind from the day after the due day; what was paid is what the member's mandatory account received
 * with a value date up to the date asked. Active and suspended members count (a suspension does not
 * waive dues); applicants and exited members do not. The amount is the product's current one.
 */
@Service
@PreAuthorize("@access.may('READ_SAVINGS')")
public class DuesService {

    /** A list longer than this is not read by anyone; the dashboard shows totals. */
    public static final int MAX_ROWS = 10_000;

    private final DSLContext dsl;

    public DuesService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Members behind on mandatory savings, most behind first. */
    public List<DuesArrears> arrears(long cooperativeId, LocalDate asOf) {
        DomainException.require(asOf != null, "savings.dues.date");
        DuesRule rule = rule(cooperativeId);
        var paidSum = DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT).otherwise(JOURNAL_LINE.AMOUNT.neg()));
        var paid = DSL.select(JOURNAL_LINE.ACCOUNT_ID, paidSum.as("paid")).from(JOURNAL_LINE)
                .join(SAVINGS_ACCOUNT).on(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(SAVINGS_PRODUCT).on(SAVINGS_PRODUCT.ID.eq(SAVINGS_ACCOUNT.PRODUCT_ID))
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(SAVINGS_PRODUCT.KIND.eq(SavingsKind.MANDATORY.name()))
                        .and(JOURNAL_LINE.VALUE_DATE.le(asOf)))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID).asTable("paid");
        var paidAccount = paid.field(JOURNAL_LINE.ACCOUNT_ID);
        var paidAmount = paid.field("paid", BigDecimal.class);
        List<DuesArrears> behind = new ArrayList<>();
        dsl.select(MEMBER.ID, MEMBER.MEMBER_NUMBER, MEMBER.FULL_NAME, MEMBER.VILLAGE, MEMBER.PHONE, MEMBER.JOINED_ON,
                        SAVINGS_PRODUCT.MANDATORY_AMOUNT, SAVINGS_PRODUCT.CURRENCY, paidAmount)
                .from(MEMBER)
                .join(SAVINGS_ACCOUNT).on(SAVINGS_ACCOUNT.MEMBER_ID.eq(MEMBER.ID))
                .join(SAVINGS_PRODUCT).on(SAVINGS_PRODUCT.ID.eq(SAVINGS_ACCOUNT.PRODUCT_ID)
                        .and(SAVINGS_PRODUCT.KIND.eq(SavingsKind.MANDATORY.name())))
                .leftJoin(paid).on(paidAccount.eq(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID))
                .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.STATUS.in("ACTIVE", "SUSPENDED"))
                        .and(MEMBER.JOINED_ON.le(asOf)))
                .forEach(r -> {
                    String currency = r.get(SAVINGS_PRODUCT.CURRENCY);
                    BigDecimal monthly = r.get(SAVINGS_PRODUCT.MANDATORY_AMOUNT);
                    int months = rule.monthsDue(r.get(MEMBER.JOINED_ON), asOf);
                    BigDecimal due = monthly.multiply(BigDecimal.valueOf(months));
                    BigDecimal received = r.get(paidAmount) == null ? BigDecimal.ZERO : r.get(paidAmount);
                    BigDecimal arrears = due.subtract(received);
                    if (arrears.signum() > 0) {
                        behind.add(new DuesArrears(r.get(MEMBER.ID), r.get(MEMBER.MEMBER_NUMBER), r.get(MEMBER.FULL_NAME),
                                r.get(MEMBER.VILLAGE), r.get(MEMBER.PHONE), months, Amounts.normalise(due, currency),
                                Amounts.normalise(received, currency), Amounts.normalise(arrears, currency),
                                arrears.divide(monthly, 0, RoundingMode.CEILING).intValueExact(), currency));
                    }
                });
        behind.sort(Comparator.comparing(DuesArrears::arrears).reversed().thenComparing(DuesArrears::memberNumber));
        return behind.size() > MAX_ROWS ? List.copyOf(behind.subList(0, MAX_ROWS)) : behind;
    }

    /** The cooperative's rule for when a month's dues fall due. */
    public DuesRule rule(long cooperativeId) {
        Short day = dsl.select(COOPERATIVE.DUES_DAY).from(COOPERATIVE).where(COOPERATIVE.ID.eq(cooperativeId))
                .fetchOptional(COOPERATIVE.DUES_DAY)
                .orElseThrow(() -> DomainException.notFound("cooperative.not-found", cooperativeId));
        return new DuesRule(day);
    }
}
