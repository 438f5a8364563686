package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Builds terms for the tests: a monthly IDR loan by default, each field changeable. */
final class LoanTermsFixture {

    String principal = "10000000";
    String currency = "IDR";
    InterestMethod method = InterestMethod.FLAT;
    String rate = "1.5";
    RatePeriod ratePeriod = RatePeriod.MONTH;
    int instalments = 12;
    RepaymentFrequency frequency = RepaymentFrequency.MONTHLY;
    LocalDate disbursement = LocalDate.of(2026, 1, 15);
    LocalDate firstDue = LocalDate.of(2026, 2, 15);
    int graceOnPrincipal;
    int graceOnInterest;
    DayCount dayCount = DayCount.THIRTY_360;
    String rounding = "1";

    static LoanTermsFixture idr() {
        return new LoanTermsFixture();
    }

    LoanTerms terms() {
        return new LoanTerms(new BigDecimal(principal), currency, method, new BigDecimal(rate), ratePeriod, instalments,
                frequency, disbursement, firstDue, graceOnPrincipal, graceOnInterest, dayCount, new BigDecimal(rounding));
    }

    Schedule schedule() {
        return ScheduleCalculator.schedule(terms());
    }
}
