package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements on a small ledger worked by hand, with last year's figures beside this year's. */
class FinancialStatementsTest extends DatabaseTest {

    @Autowired
    FinancialStatements statements;
    @Autowired
    LedgerService ledger;

    @Test
    void aBalanceSheetAndAStatementOfSurplusWorkedByHand() {
        Cooperative c = newCooperative("fs-hand");
        // 2024: pokok 1,000,000 in cash; loan interest 300,000; staff 100,000 — surplus 200,000
        post(c, "fs-hand-1", LocalDate.of(2024, 3, 1), "1100", "3100", "1000000");
        post(c, "fs-hand-2", LocalDate.of(2024, 6, 1), "1100", "4100", "300000");
        post(c, "fs-hand-3", LocalDate.of(2024, 6, 2), "5300", "1100", "100000");
        // 2025: voluntary savings 500,000; an allowance of 50,000 (contra asset); fee income 20,000
        post(c, "fs-hand-4", LocalDate.of(2025, 2, 1), "1100", "2100", "500000");
        post(c, "fs-hand-5", LocalDate.of(2025, 3, 1), "5500", "1310", "50000");
        post(c, "fs-hand-6", LocalDate.of(2025, 4, 1), "1100", "4200", "20000");

        BalanceSheet sheet = statements.balanceSheet(c.id(), LocalDate.of(2025, 6, 30), "IDR");
        assertThat(sheet.previousAsOf()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(sheet.assets()).extracting(StatementLine::code, l -> l.amount().toPlainString(), l -> l.previous().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1100", "1720000.00", "1200000.00"),
                        org.assertj.core.groups.Tuple.tuple("1310", "-50000.00", "0.00"));
        assertThat(sheet.liabilities()).extracting(StatementLine::code).containsExactly("2100");
        // SHU tahun berjalan: 200,000 of 2024 (not closed) + 20,000 - 50,000 of 2025
        assertThat(sheet.equity()).extracting(StatementLine::code, l -> l.amount().toPlainString(), l -> l.previous().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3100", "1000000.00", "1000000.00"),
                        org.assertj.core.groups.Tuple.tuple("3500", "170000.00", "200000.00"));
        assertThat(sheet.totals()).isEqualTo(new BalanceSheet.Totals(new BigDecimal("1670000.00"),
                new BigDecimal("500000.00"), new BigDecimal("1170000.00")));

        IncomeStatement year = statements.income(c.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "IDR");
        assertThat(year.income()).extracting(StatementLine::code, l -> l.amount().toPlainString(), l -> l.previous().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("4100", "0.00", "300000.00"),
                        org.assertj.core.groups.Tuple.tuple("4200", "20000.00", "0.00"));
        assertThat(year.totals().surplus()).isEqualByComparingTo("-30000");
        assertThat(year.previousTotals().surplus()).isEqualByComparingTo("200000");
    }

    @Test
    void anUnknownCurrencyOrAPeriodTurnedAroundIsRefused() {
        Cooperative c = newCooperative("fs-refuse");
        assertThatThrownBy(() -> statements.balanceSheet(c.id(), LocalDate.of(2025, 1, 1), "USD"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.currency.unknown");
        assertThatThrownBy(() -> statements.income(c.id(), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), "IDR"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.period.invalid");
        assertThatThrownBy(() -> statements.income(c.id(), LocalDate.of(1990, 1, 1), LocalDate.of(2025, 1, 1), "IDR"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.period.invalid");
    }

    private void post(Cooperative c, String key, LocalDate day, String debit, String credit, String amount) {
        ledger.post(new PostingRequest(c.id(), key, day, "statements test", "MANUAL", null,
                List.of(PostingLine.debit(debit, new BigDecimal(amount)), PostingLine.credit(credit, new BigDecimal(amount))), "t"));
    }
}
