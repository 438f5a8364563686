package org.lumbung.loans.schedule;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each order on the same two late instalments (given newest first, to show they are settled oldest first):
 * #1 due 15 Jan: penalty 10, fees 5, interest 100, principal 1,000 (1,115 in all);
 * #2 due 15 Feb: interest 90, principal 1,010 (1,100). A payment of 1,050 splits differently under each order.
 */
class RepaymentAllocatorTest {

    private static final DueParts FIRST = due(1, LocalDate.of(2026, 1, 15), "10", "5", "100", "1000");
    private static final DueParts SECOND = due(2, LocalDate.of(2026, 2, 15), "0", "0", "90", "1010");
    private static final List<DueParts> LATE = List.of(SECOND, FIRST);

    @Test
    void defaultOrderSettlesTheOldestInstalmentPenaltyFeesInterestThenPrincipal() {
        Allocation a = allocate("1050", AllocationOrder.PENALTY_FEES_INTEREST_PRINCIPAL);
        // 10 + 5 + 100 = 115 of charges, then 1,050 − 115 = 935 of #1's principal; nothing reaches #2
        totals(a, "10", "5", "100", "935", "0");
        assertThat(a.parts()).extracting(AllocatedPart::instalment).containsExactly(1);
    }

    @Test
    void interestPrincipalPenaltyFeesLeavesTheChargesLast() {
        Allocation a = allocate("1050", AllocationOrder.INTEREST_PRINCIPAL_PENALTY_FEES);
        // #1 interest 100, then principal 950; penalty and fees get nothing
        totals(a, "0", "0", "100", "950", "0");
    }

    @Test
    void principalInterestPenaltyFeesRepaysPrincipalBeforeInterestPerInstalment() {
        Allocation a = allocate("1050", AllocationOrder.PRINCIPAL_INTEREST_PENALTY_FEES);
        // #1 principal 1,000, then #1 interest 50
        totals(a, "0", "0", "50", "1000", "0");
    }

    @Test
    void horizontalChargesFirstSettlesEveryInstalmentsChargesBeforeAnyPrincipal() {
        Allocation a = allocate("1050", AllocationOrder.ALL_PENALTY_FEES_INTEREST_THEN_PRINCIPAL);
        // penalties 10, fees 5, interest 100 + 90 = 190, then principal 1,050 − 205 = 845 of #1
        totals(a, "10", "5", "190", "845", "0");
        assertThat(a.parts()).extracting(AllocatedPart::instalment).containsExactly(1, 2);
        assertThat(a.parts().get(1).interest()).isEqualByComparingTo("90");
    }

    @Test
    void principalFirstRepaysAllPrincipalOldestFirst() {
        Allocation a = allocate("1050", AllocationOrder.PRINCIPAL_FIRST);
        // principal of #1 1,000, then 50 of #2's principal
        totals(a, "0", "0", "0", "1050", "0");
        assertThat(a.parts().get(1).principal()).isEqualByComparingTo("50");
    }

    @Test
    void whatNothingCanTakeIsExcessAndTheSplitSumsToThePayment() {
        for (AllocationOrder order : AllocationOrder.values()) {
            Allocation a = allocate("3000", order);
            // everything outstanding is 1,115 + 1,100 = 2,215; 3,000 − 2,215 = 785
            totals(a, "10", "5", "190", "2010", "785");
            BigDecimal sum = a.penalty().add(a.fees()).add(a.interest()).add(a.principal()).add(a.excess());
            assertThat(sum).isEqualByComparingTo("3000");
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> allocate("0", AllocationOrder.PRINCIPAL_FIRST)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RepaymentAllocator.allocate(new BigDecimal("10"), "IDR",
                List.of(due(1, LocalDate.of(2026, 1, 1), "0", "0", "-1", "0")), AllocationOrder.PRINCIPAL_FIRST))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("loans.schedule.allocation.invalid-due"));
    }

    private static Allocation allocate(String payment, AllocationOrder order) {
        return RepaymentAllocator.allocate(new BigDecimal(payment), "IDR", LATE, order);
    }

    private static void totals(Allocation a, String penalty, String fees, String interest, String principal,
                               String excess) {
        assertThat(a.penalty()).as("penalty").isEqualByComparingTo(penalty);
        assertThat(a.fees()).as("fees").isEqualByComparingTo(fees);
        assertThat(a.interest()).as("interest").isEqualByComparingTo(interest);
        assertThat(a.principal()).as("principal").isEqualByComparingTo(principal);
        assertThat(a.excess()).as("excess").isEqualByComparingTo(excess);
    }

    private static DueParts due(int n, LocalDate date, String penalty, String fees, String interest, String principal) {
        return new DueParts(n, date, new BigDecimal(penalty), new BigDecimal(fees), new BigDecimal(interest),
                new BigDecimal(principal));
    }
}
