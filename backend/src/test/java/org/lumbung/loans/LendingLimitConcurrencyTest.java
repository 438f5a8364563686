package org.lumbung.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.Movement;
import org.lumbung.savings.SavingsAccount;

import java.math.BigDecimal;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal lending limit under real concurrency: two loans of one borrower, each within the limit alone,
 * disbursed in two transactions at once. The first stays open (posted, not committed) until the second
 * waits on a lock; without the borrower's row lock the second reads the exposure without the first loan,
 * passes, and only then queues behind the ledger's head lock, so both would be paid out. Likewise a withdrawal
 * of the savings a loan requires, while the loan is being disbursed.
 */
class LendingLimitConcurrencyTest extends LoanTestBase {

    Member siti;

    @BeforeEach
    void setUp() {
        setUpCooperative("limit");
        siti = member("Siti Aminah");
    }

    @Test
    void aWithdrawalDuringTheDisbursementCannotTakeTheRequiredSavings() throws Exception {
        LoanProduct secured = products.create(coop.id(), product("SECURED", org.lumbung.loans.schedule.InterestMethod.FLAT, null,
                BigDecimal.TEN, 1));
        SavingsAccount sukarela = voluntary(siti);
        deposit(sukarela, "1000000");
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, secured, "5000000", 10, sukarela.id())));
        as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        // the loan holds 500,000; a withdrawal of 800,000 alone would leave 200,000 (minimum 10,000)
        Throwable withdrawal = race(() -> disburse(applied),
                () -> savings.withdraw(coop.id(), new Movement(sukarela.id(), new BigDecimal("800000"), today, null, key())));
        assertThat(withdrawal).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("savings.withdrawal.held"));
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("1000000");
    }

    @Test
    void twoConcurrentDisbursementsCannotBothTakeTheBorrowerBeyondTheLimit() throws Exception {
        // own capital 100,000,000 → limit 20,000,000; each loan 12,000,000, both 24,000,000
        Loan first = approved("12000000");
        Loan second = approved("12000000");
        Throwable secondOutcome = race(() -> disburse(first), () -> disburse(second));
        assertThat(secondOutcome).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("loans.limit.exceeded"));
        assertThat(loans.loan(coop.id(), first.id()).status()).isEqualTo(LoanStatus.ACTIVE);
        assertThat(loans.loan(coop.id(), second.id()).status()).isEqualTo(LoanStatus.APPROVED);
        assertThat(limits.exposure(coop.id(), siti.id())).isEqualByComparingTo("12000000");
    }

    private Loan approved(String amount) {
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, flat, amount, 10, null)));
        return as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
    }

    private void disburse(Loan loan) {
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), loan.id(), new Disbursement(today, Channel.CASH, key())));
    }
}
