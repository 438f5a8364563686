package org.lumbung.loans;

import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.lumbung.reports.FiscalYear;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loans' patronage for the SHU: each member's loan interest paid in the fiscal year — Siti pays 600,000 of which
 * 100,000 is interest (instalment 1's 75,000 and 25,000 of instalment 2's), Ani pays 50,000, all of it interest;
 * Dewi borrowed but paid nothing and has no patronage; the year before, nobody paid anything.
 */
class LoanInterestPatronageTest extends LoanTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    LoanInterestPatronage patronage;

    @Test
    void eachMembersLoanInterestPaidInTheYear() {
        setUpCooperative("patronage");
        Member siti = member("Siti Aminah");
        Member ani = member("Ani Rahayu");
        Member dewi = member("Dewi Lestari");
        Loan sitisLoan = activeLoan(siti, flat, "5000000", 10, null);
        Loan anisLoan = activeLoan(ani, flat, "5000000", 10, null);
        activeLoan(dewi, flat, "2000000", 10, null);
        as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), sitisLoan.id(),
                new Repayment(new BigDecimal("600000"), today, Channel.CASH, null, key())));
        as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), anisLoan.id(),
                new Repayment(new BigDecimal("50000"), today, Channel.CASH, null, key())));
        int year = FiscalYear.containing(coop, today).year();

        Map<Long, BigDecimal> paid = patronage.patronage(coop, Year.of(year));

        assertThat(paid).containsOnlyKeys(siti.id(), ani.id());
        assertThat(paid.get(siti.id())).isEqualByComparingTo("100000");
        assertThat(paid.get(ani.id())).isEqualByComparingTo("50000");
        assertThat(patronage.patronage(coop, Year.of(year - 1))).isEmpty();
        assertThat(patronage.key()).isEqualTo("loans.interest");
    }
}
