package org.lumbung.savings;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a month's dues fall due, around month ends, the 1st, February, and for a member who joins today. */
class DuesRuleTest {

    static final DuesRule LAST_DAY = new DuesRule(DuesRule.LAST_DAY);
    static final DuesRule TENTH = new DuesRule(10);
    static final BigDecimal WAJIB = new BigDecimal("25000");

    @Test
    void byTheLastDayAMonthIsDueOnItsLastDayAndFebruaryOnThe28thOr29th() {
        assertThat(LAST_DAY.dueDate(YearMonth.of(2026, 11))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(LAST_DAY.dueDate(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(LAST_DAY.dueDate(YearMonth.of(2028, 2))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(new DuesRule(30).dueDate(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(TENTH.dueDate(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 10));
    }

    /** The issue: on 1 December every member appeared behind, the member's page said "by 1 January". */
    @Test
    void onTheFirstOfAMonthOnlyTheMonthBeforeHasFallenDue() {
        LocalDate joined = LocalDate.of(2026, 3, 2);
        // March to November: nine months, the December dues are not late before 31 December
        assertThat(LAST_DAY.monthsDue(joined, LocalDate.of(2026, 12, 1))).isEqualTo(9);
        assertThat(LAST_DAY.monthsDue(joined, LocalDate.of(2026, 11, 30))).as("30 November: November still in time").isEqualTo(8);
        assertThat(LAST_DAY.monthsDue(joined, LocalDate.of(2026, 12, 31))).isEqualTo(9);
        assertThat(LAST_DAY.monthsDue(joined, LocalDate.of(2027, 1, 1))).isEqualTo(10);
        assertThat(TENTH.monthsDue(joined, LocalDate.of(2026, 12, 10))).isEqualTo(9);
        assertThat(TENTH.monthsDue(joined, LocalDate.of(2026, 12, 11))).isEqualTo(10);
    }

    @Test
    void februaryIsLateFromTheFirstOfMarch() {
        LocalDate joined = LocalDate.of(2026, 1, 15);
        assertThat(LAST_DAY.monthsDue(joined, LocalDate.of(2026, 2, 28))).isEqualTo(1);
        assertThat(LAST_DAY.monthsDue(joined, LocalDate.of(2026, 3, 1))).isEqualTo(2);
        assertThat(new DuesRule(30).monthsDue(joined, LocalDate.of(2026, 3, 1))).isEqualTo(2);
    }

    @Test
    void aMemberWhoJoinsTodayIsNotBehindAndOwesFromTheMonthTheRuleSays() {
        for (LocalDate today : new LocalDate[]{LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11)}) {
            assertThat(LAST_DAY.monthsDue(today, today)).isZero();
            assertThat(TENTH.monthsDue(today, today)).isZero();
        }
        // by the last day: the month of joining, due by its last day
        assertThat(LAST_DAY.firstMonth(LocalDate.of(2026, 11, 30))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(LAST_DAY.nextDueDate(LocalDate.of(2026, 11, 30), BigDecimal.ZERO, WAJIB)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(LAST_DAY.monthsDue(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1))).isEqualTo(1);
        // by the 10th: joining on the 10th owes this month, on the 11th from the next
        assertThat(TENTH.firstMonth(LocalDate.of(2026, 12, 10))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(TENTH.firstMonth(LocalDate.of(2026, 12, 11))).isEqualTo(YearMonth.of(2027, 1));
        assertThat(TENTH.nextDueDate(LocalDate.of(2026, 12, 11), BigDecimal.ZERO, WAJIB)).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void theNextDueDateIsTheFirstMonthThePaymentsDoNotCover() {
        LocalDate joined = LocalDate.of(2026, 3, 2);
        assertThat(LAST_DAY.nextDueDate(joined, new BigDecimal("225000"), WAJIB)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(LAST_DAY.nextDueDate(joined, new BigDecimal("240000"), WAJIB)).as("a part payment covers no month")
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(LAST_DAY.nextDueDate(joined, new BigDecimal("25000"), WAJIB)).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void aDayOutsideOneToThirtyOneIsRefused() {
        assertThatThrownBy(() -> new DuesRule(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new DuesRule(32)).isInstanceOf(DomainException.class);
    }
}
