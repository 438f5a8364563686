package org.lumbung.loans;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.money.Amounts;
import org.lumbung.reports.FiscalYear;
import org.lumbung.reports.PatronageContributor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;

import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_TRANSACTION;

/**
 * The loans' part of each member's patronage (jasa usaha): the loan interest she paid in the fiscal year — the
 * interest parts of her repayments and prepayments with a value date in the year, less those of reversed ones —
 * in the cooperative's base currency. One query over the year's loan transactions.
 */
@Component
public class LoanInterestPatronage implements PatronageContributor {

    private final DSLContext dsl;

    public LoanInterestPatronage(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String key() {
        return "loans.interest";
    }

    @Override
    public Map<Long, BigDecimal> patronage(Cooperative cooperative, Year year) {
        FiscalYear fy = FiscalYear.of(cooperative, year.getValue());
        Field<BigDecimal> signed = DSL.when(LOAN_TRANSACTION.KIND.eq("REVERSAL"), LOAN_TRANSACTION.INTEREST_PART.neg())
                .otherwise(LOAN_TRANSACTION.INTEREST_PART);
        Map<Long, BigDecimal> paid = new HashMap<>();
        dsl.select(LOAN.MEMBER_ID, DSL.sum(signed)).from(LOAN_TRANSACTION).join(LOAN).on(LOAN.ID.eq(LOAN_TRANSACTION.LOAN_ID))
                .where(LOAN_TRANSACTION.COOPERATIVE_ID.eq(cooperative.id())
                        .and(LOAN.CURRENCY.eq(cooperative.baseCurrency()))
                        .and(LOAN_TRANSACTION.KIND.in("REPAYMENT", "PREPAYMENT", "REVERSAL"))
                        .and(LOAN_TRANSACTION.VALUE_DATE.between(fy.first(), fy.last())))
                .groupBy(LOAN.MEMBER_ID)
                .forEach(r -> {
                    if (r.value2().signum() > 0) {
                        paid.put(r.value1(), Amounts.normalise(r.value2(), cooperative.baseCurrency()));
                    }
                });
        return paid;
    }
}
