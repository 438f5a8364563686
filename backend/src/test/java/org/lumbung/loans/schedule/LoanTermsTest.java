package org.lumbung.loans.schedule;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;

import java.time.LocalDate;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every field of the terms is checked where it enters, with a key that names the field, translated. */
class LoanTermsTest {

    @Test
    void eachInvalidFieldIsRefusedWithItsOwnKey() {
        refused(f -> f.principal = "0", "loans.terms.principal.invalid");
        refused(f -> f.principal = "1000.001", "loans.terms.principal.invalid");
        refused(f -> f.principal = "1E+2147483600", "loans.terms.principal.invalid");
        refused(f -> f.principal = "1000000000000000.01", "loans.terms.principal.invalid");
        refused(f -> f.currency = "XYZ", "loans.terms.currency.unknown");
        refused(f -> f.method = null, "loans.terms.method.missing");
        refused(f -> f.rate = "-0.1", "loans.terms.rate.out-of-range");
        refused(f -> f.rate = "100.000001", "loans.terms.rate.out-of-range");
        refused(f -> f.rate = "1.0000001", "loans.terms.rate.out-of-range");
        refused(f -> f.rate = "1E-2147483600", "loans.terms.rate.out-of-range");
        refused(f -> f.instalments = 0, "loans.terms.instalments.out-of-range");
        refused(f -> f.instalments = 521, "loans.terms.instalments.out-of-range");
        refused(f -> f.firstDue = f.disbursement, "loans.terms.first-due-date.out-of-range");
        refused(f -> f.firstDue = f.disbursement.plusDays(367), "loans.terms.first-due-date.out-of-range");
        refused(f -> f.disbursement = LocalDate.of(1899, 12, 31), "loans.terms.disbursement-date.out-of-range");
        refused(f -> {
            f.disbursement = LocalDate.of(2199, 1, 1);
            f.firstDue = LocalDate.of(2199, 2, 1);
        }, "loans.terms.instalments.beyond-calendar");
        refused(f -> f.graceOnPrincipal = 12, "loans.terms.grace-principal.out-of-range");
        refused(f -> f.graceOnInterest = -1, "loans.terms.grace-interest.out-of-range");
        refused(f -> f.rounding = "0", "loans.terms.rounding.invalid");
        refused(f -> f.rounding = "0.001", "loans.terms.rounding.invalid");
        refused(f -> f.rounding = "10000001", "loans.terms.rounding.invalid");
        refused(f -> f.dayCount = null, "loans.terms.day-count.missing");
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.rate = "100";
        f.instalments = 520;
        f.frequency = RepaymentFrequency.WEEKLY;
        f.principal = "1000000000000000";
        f.graceOnPrincipal = 519;
        f.graceOnInterest = 519;
        assertThat(f.schedule().instalments()).hasSize(520);
        f.rate = "1200";
        f.ratePeriod = RatePeriod.YEAR;
        assertThat(f.terms().principal()).isEqualByComparingTo("1000000000000000");
    }

    @Test
    void amountsAreKeptAtTheCurrencysMinorUnits() {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.principal = "5E+6";
        assertThat(f.terms().principal().toPlainString()).isEqualTo("5000000.00");
        assertThat(f.terms().instalmentRounding().toPlainString()).isEqualTo("1.00");
        assertThat(LoanTerms.defaultRounding("IDR")).isEqualByComparingTo("1");
        assertThat(LoanTerms.defaultRounding("USD")).isEqualByComparingTo("0.01");
        assertThat(LoanTerms.defaultRounding("JPY")).isEqualByComparingTo("1");
        assertThat(LoanTerms.defaultDisbursementDate(LocalDate.of(2028, 3, 31), RepaymentFrequency.MONTHLY))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    private static void refused(Consumer<LoanTermsFixture> change, String key) {
        LoanTermsFixture f = LoanTermsFixture.idr();
        change.accept(f);
        assertThatThrownBy(f::terms).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(Messages.of(e, Messages.ENGLISH)).doesNotStartWith("!");
            assertThat(Messages.of(e, Messages.INDONESIAN)).doesNotStartWith("!");
        });
    }
}
