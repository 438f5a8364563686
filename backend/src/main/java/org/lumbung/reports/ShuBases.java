package org.lumbung.reports;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.lumbung.platform.money.Amounts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * The members' capital bases of a fiscal year, read from the ledger in one query: the balances of each member's
 * sub-accounts under the share-capital and mandatory-savings control accounts (pokok + wajib), at the year's end or
 * as the average of the twelve month-end balances (each line counts once for every month end of the year on or after
 * its date; the average is rounded half-even to the minor unit). Called by {@link ShuService}, which checks access.
 */
@Component
class ShuBases {

    /** A member as the SHU list names her. */
    record Member(long id, int number, String fullName) {
    }

    private static final BigDecimal MONTHS = new BigDecimal("12");

    private final DSLContext dsl;

    ShuBases(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<Long, BigDecimal> capital(long cooperativeId, Collection<Long> controlAccountIds, FiscalYear year,
                                  ShuSplit.CapitalBase base, String currency) {
        Field<BigDecimal> signed = DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT).otherwise(JOURNAL_LINE.AMOUNT.neg());
        Field<BigDecimal> weighted = base == ShuSplit.CapitalBase.YEAR_END ? signed : signed.mul(monthEndsOnOrAfter(year));
        Map<Long, BigDecimal> bases = new HashMap<>();
        dsl.select(LEDGER_ACCOUNT.MEMBER_ID, DSL.sum(weighted)).from(JOURNAL_LINE)
                .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNotNull())
                        .and(LEDGER_ACCOUNT.PARENT_ID.in(controlAccountIds)).and(JOURNAL_LINE.VALUE_DATE.le(year.last())))
                .groupBy(LEDGER_ACCOUNT.MEMBER_ID)
                .forEach(r -> {
                    BigDecimal sum = base == ShuSplit.CapitalBase.YEAR_END ? r.value2()
                            : r.value2().divide(MONTHS, Amounts.minorUnits(currency), RoundingMode.HALF_EVEN);
                    if (sum.signum() > 0) {
                        bases.put(r.value1(), Amounts.round(sum, currency));
                    }
                });
        return bases;
    }

    /** How many of the year's twelve month ends lie on or after a line's date: 12 before the year, 1 in its last month. */
    private static Field<Integer> monthEndsOnOrAfter(FiscalYear year) {
        int firstMonth = year.first().getYear() * 12 + year.first().getMonthValue();
        return DSL.field("case when {0} < {1} then 12 else 12 - ((extract(year from {0})::int * 12 + extract(month from {0})::int) - {2}) end",
                Integer.class, JOURNAL_LINE.VALUE_DATE, DSL.val(year.first()), DSL.val(firstMonth));
    }

    /** The members by id, with their numbers and names. */
    Map<Long, Member> members(long cooperativeId, Collection<Long> ids) {
        Map<Long, Member> members = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            dsl.select(MEMBER.ID, MEMBER.MEMBER_NUMBER, MEMBER.FULL_NAME).from(MEMBER)
                    .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.ID.in(chunk)))
                    .forEach(r -> members.put(r.value1(), new Member(r.value1(), r.value2(), r.value3())));
        }
        return members;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        int size = 10_000;
        return IntStream.range(0, (ids.size() + size - 1) / size)
                .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size))).toList();
    }
}
