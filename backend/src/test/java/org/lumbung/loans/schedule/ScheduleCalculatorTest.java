package org.lumbung.loans.schedule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples, one per method and per feature of the formula. The source of every number is written next to
 * it: the formula of {@link ScheduleCalculator} evaluated by hand (a spreadsheet's row-by-row calculation),
 * and for the annuity the spreadsheet function PMT.
 */
class ScheduleCalculatorTest {

    /**
     * Bunga flat: Rp 10,000,000, 1.5 % a month, 12 monthly instalments, 30/360, rounded to Rp 100.
     * Interest every month on the original principal: 10,000,000 × 0.015 = 150,000.00.
     * Principal share P/12 = 833,333.33…; total = round100(833,333.33 + 150,000) = 983,300 (9,833.33 → 9,833);
     * principal = 983,300 − 150,000 = 833,300. Eleven such: 11 × 833,300 = 9,166,300; the last repays
     * 10,000,000 − 9,166,300 = 833,700 and totals 983,700. Total interest 12 × 150,000 = 1,800,000.
     */
    @Test
    void flatInterestIsOnTheOriginalPrincipalAndTheLastInstalmentTakesTheRemainder() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.rounding = "100";
        Schedule s = f.schedule();

        assertThat(s.instalments()).hasSize(12);
        for (Instalment i : s.instalments().subList(0, 11)) {
            assertRow(i, "833300.00", "150000.00", "983300.00");
        }
        assertRow(s.instalments().get(11), "833700.00", "150000.00", "983700.00");
        assertThat(s.totalInterest()).isEqualByComparingTo("1800000.00");
        assertThat(s.totalPrincipal()).isEqualByComparingTo("10000000.00");
        assertThat(s.instalments().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(s.instalments().get(11).dueDate()).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    /**
     * Annuity: Rp 10,000,000, 18 % a year (r = 0.18 / 12 = 0.015 a month), 12 monthly, 30/360, rounded to Rp 100.
     * A = P·r·(1+r)^12 / ((1+r)^12 − 1) = 916,799.93 (a spreadsheet's =PMT(0.015;12;-10000000) gives the same),
     * rounded to 916,800. Row by row, I = balance × 0.015, principal = 916,800 − I:
     * 1: 10,000,000.00 × 0.015 = 150,000.00, principal 766,800.00, balance 9,233,200.00;
     * 2: 9,233,200.00 × 0.015 = 138,498.00, principal 778,302.00, balance 8,454,898.00;
     * 3: 8,454,898.00 × 0.015 = 126,823.47, principal 789,976.53, balance 7,664,921.47; …
     * 11: 1,793,153.03 × 0.015 = 26,897.30 (26,897.295 half-even), principal 889,902.70, balance 903,250.33;
     * 12: 903,250.33 × 0.015 = 13,548.75, principal 903,250.33 (all that is left), total 916,799.08.
     * Total interest 1,001,599.08.
     */
    @Test
    void annuityHasEqualInstalmentsRoundedToTheMultiple() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.method = InterestMethod.DECLINING_ANNUITY;
        f.rate = "18";
        f.ratePeriod = RatePeriod.YEAR;
        f.rounding = "100";
        List<Instalment> rows = f.schedule().instalments();

        assertRow(rows.get(0), "766800.00", "150000.00", "916800.00");
        assertRow(rows.get(1), "778302.00", "138498.00", "916800.00");
        assertRow(rows.get(2), "789976.53", "126823.47", "916800.00");
        assertRow(rows.get(10), "889902.70", "26897.30", "916800.00");
        assertRow(rows.get(11), "903250.33", "13548.75", "916799.08");
        assertThat(f.schedule().totalInterest()).isEqualByComparingTo("1001599.08");
    }

    /**
     * Equal principal: Rp 12,000,000, 12 % a year (1 % a month), 6 monthly, 30/360, rounded to Rp 1.
     * Principal 12,000,000 / 6 = 2,000,000 each; interest 1 % of the balance before the instalment:
     * 120,000; 100,000; 80,000; 60,000; 40,000; 20,000 — total 420,000.
     */
    @Test
    void equalPrincipalInterestDeclinesWithTheBalance() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.method = InterestMethod.DECLINING_EQUAL_PRINCIPAL;
        f.principal = "12000000";
        f.rate = "12";
        f.ratePeriod = RatePeriod.YEAR;
        f.instalments = 6;
        Schedule s = f.schedule();

        String[] interest = {"120000.00", "100000.00", "80000.00", "60000.00", "40000.00", "20000.00"};
        for (int k = 0; k < 6; k++) {
            BigDecimal total = new BigDecimal("2000000.00").add(new BigDecimal(interest[k]));
            assertRow(s.instalments().get(k), "2000000.00", interest[k], total.toPlainString());
        }
        assertThat(s.totalInterest()).isEqualByComparingTo("420000.00");
    }

    /**
     * Annuity, actual/365 over the leap February of 2028: USD 1,000.00, 12 % a year, 3 monthly, disbursed
     * 15 Jan 2028, due 15 Feb, 15 Mar, 15 Apr; rounded to 0.01. Nominal r = 0.01:
     * A = 1000 × 0.01 × 1.01³ / (1.01³ − 1) = 340.0221… → 340.02. Interest by actual days / 365:
     * 1: 1,000.00 × 0.12 × 31/365 = 10.1918 → 10.19, principal 329.83, balance 670.17;
     * 2: 670.17 × 0.12 × 29/365 (15 Feb → 15 Mar 2028, leap year) = 6.3896 → 6.39, principal 333.63, balance 336.54;
     * 3: 336.54 × 0.12 × 31/365 = 3.4299 → 3.43, principal 336.54, total 339.97.
     */
    @Test
    void actualDaysSetEachPeriodsInterestAndTheLastInstalmentAbsorbsTheDifference() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.currency = "USD";
        f.principal = "1000";
        f.method = InterestMethod.DECLINING_ANNUITY;
        f.rate = "12";
        f.ratePeriod = RatePeriod.YEAR;
        f.instalments = 3;
        f.dayCount = DayCount.ACTUAL_365;
        f.rounding = "0.01";
        f.disbursement = LocalDate.of(2028, 1, 15);
        f.firstDue = LocalDate.of(2028, 2, 15);
        List<Instalment> rows = f.schedule().instalments();

        assertRow(rows.get(0), "329.83", "10.19", "340.02");
        assertRow(rows.get(1), "333.63", "6.39", "340.02");
        assertRow(rows.get(2), "336.54", "3.43", "339.97");
    }

    /**
     * Actual/360 on a flat loan: Rp 3,600,000, 12 % a year, 2 monthly, disbursed 31 Jan 2028, first due
     * 29 Feb 2028, then 29 Mar 2028 (anchored on the first due date). Interest = 3,600,000 × 0.12 × days / 360:
     * 1: 29 days → 34,800.00; 2: 29 days (29 Feb → 29 Mar) → 34,800.00.
     * Principal 1,800,000 each (rounded to 1). Under actual/365 the same loan would charge 34,323.29.
     */
    @Test
    void actual360UsesTheActualDaysOverA360DayYear() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.principal = "3600000";
        f.rate = "12";
        f.ratePeriod = RatePeriod.YEAR;
        f.instalments = 2;
        f.dayCount = DayCount.ACTUAL_360;
        f.disbursement = LocalDate.of(2028, 1, 31);
        f.firstDue = LocalDate.of(2028, 2, 29);
        List<Instalment> rows = f.schedule().instalments();

        assertThat(rows.get(1).dueDate()).isEqualTo(LocalDate.of(2028, 3, 29));
        assertRow(rows.get(0), "1800000.00", "34800.00", "1834800.00");
        assertRow(rows.get(1), "1800000.00", "34800.00", "1834800.00");
        f.dayCount = DayCount.ACTUAL_365;
        // 3,600,000 × 0.12 × 29 / 365 = 34,323.287… → 34,323.29
        assertThat(f.schedule().instalments().get(0).interest()).isEqualByComparingTo("34323.29");
    }

    /**
     * 30/360 with a broken first period: a weekly flat loan of Rp 520,000 at 52 % a year (1 % a week nominal),
     * 2 instalments, disbursed 1 Mar 2026, first due 11 Mar (10 days, not one week). First interest
     * 520,000 × 0.52 × 10/360 = 7,511.11; the second is a regular week: 520,000 × 0.52 / 52 = 5,200.00.
     */
    @Test
    void aBrokenFirstPeriodUnder30360CountsItsDays() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.principal = "520000";
        f.rate = "52";
        f.ratePeriod = RatePeriod.YEAR;
        f.instalments = 2;
        f.frequency = RepaymentFrequency.WEEKLY;
        f.disbursement = LocalDate.of(2026, 3, 1);
        f.firstDue = LocalDate.of(2026, 3, 11);
        List<Instalment> rows = f.schedule().instalments();

        assertThat(rows.get(0).interest()).isEqualByComparingTo("7511.11");
        assertThat(rows.get(1).interest()).isEqualByComparingTo("5200.00");
        assertThat(rows.get(1).dueDate()).isEqualTo(LocalDate.of(2026, 3, 18));
    }

    /**
     * Grace: Rp 6,000,000 flat at 2 % a month, 6 monthly, 2 instalments of grace on principal and 1 on interest.
     * Interest 6,000,000 × 0.02 = 120,000 a month. Instalment 1 collects nothing (its interest is deferred);
     * 2 collects 2 × 120,000 = 240,000 and no principal; 3 to 6 repay 6,000,000 / 4 = 1,500,000 each plus
     * 120,000. Total interest 720,000, as without the grace on interest.
     */
    @Test
    void graceDefersPrincipalAndCollectsDeferredInterestAfterwards() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.principal = "6000000";
        f.rate = "2";
        f.instalments = 6;
        f.graceOnPrincipal = 2;
        f.graceOnInterest = 1;
        Schedule s = f.schedule();

        assertRow(s.instalments().get(0), "0.00", "0.00", "0.00");
        assertRow(s.instalments().get(1), "0.00", "240000.00", "240000.00");
        for (int k = 2; k < 6; k++) {
            assertRow(s.instalments().get(k), "1500000.00", "120000.00", "1620000.00");
        }
        assertThat(s.totalInterest()).isEqualByComparingTo("720000.00");
    }

    /**
     * Annuity after two months' grace on principal: Rp 10,000,000 at 1.5 % a month, 14 monthly, 2 of them grace.
     * The grace instalments are interest only (150,000.00); the annuity then runs over the remaining 12 exactly as
     * in {@link #annuityHasEqualInstalmentsRoundedToTheMultiple}: 916,800 with 150,000.00 interest first.
     */
    @Test
    void annuityRunsOverTheInstalmentsAfterThePrincipalGrace() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.method = InterestMethod.DECLINING_ANNUITY;
        f.instalments = 14;
        f.graceOnPrincipal = 2;
        f.rounding = "100";
        List<Instalment> rows = f.schedule().instalments();

        assertRow(rows.get(0), "0.00", "150000.00", "150000.00");
        assertRow(rows.get(1), "0.00", "150000.00", "150000.00");
        assertRow(rows.get(2), "766800.00", "150000.00", "916800.00");
        assertRow(rows.get(13), "903250.33", "13548.75", "916799.08");
    }

    /** Without interest every method repays P/n: Rp 1,000,000 over 3 at Rp 1 → 333,333; 333,333; 333,334. */
    @Test
    void zeroRateRepaysThePrincipalOnly() {
        for (InterestMethod method : InterestMethod.values()) {
            LoanTermsFixture f = LoanTermsFixture.idr();
            f.method = method;
            f.principal = "1000000";
            f.rate = "0";
            f.instalments = 3;
            List<Instalment> rows = f.schedule().instalments();
            assertRow(rows.get(0), "333333.00", "0.00", "333333.00");
            assertRow(rows.get(2), "333334.00", "0.00", "333334.00");
        }
    }

    /** Due dates stay anchored on the first: 31 Jan → 29 Feb 2028 → 31 Mar → 30 Apr. */
    @Test
    void monthlyDueDatesDoNotDriftAfterAShortMonth() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.instalments = 4;
        f.disbursement = LocalDate.of(2027, 12, 31);
        f.firstDue = LocalDate.of(2028, 1, 31);
        assertThat(f.schedule().instalments()).extracting(Instalment::dueDate).containsExactly(
                LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30));
    }

    static void assertRow(Instalment row, String principal, String interest, String total) {
        assertThat(row.principal()).as("principal of %s", row.number()).isEqualByComparingTo(principal);
        assertThat(row.interest()).as("interest of %s", row.number()).isEqualByComparingTo(interest);
        assertThat(row.total()).as("total of %s", row.number()).isEqualByComparingTo(total);
        assertThat(row.total().scale()).isEqualTo(2);
    }
}
