package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerQueries;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cash flow (indirect method) and the changes in equity on a small ledger worked by hand.
 *
 * <pre>
 * 2024  cash 1,000,000 pokok; cash 300,000 loan interest; salaries 100,000 from cash      → surplus 200,000
 * 2025  cash 200,000 wajib; cash 500,000 voluntary savings; loan 400,000 paid out in cash;
 *       allowance 50,000 (provision expense); fixed assets 150,000 bought in cash; 100,000 cash to the bank;
 *       fee income 20,000 in cash; a leaving member takes back 100,000 pokok in cash     → surplus −30,000
 *
 * cash flow 2025: operating  −30,000 + 50,000 (allowance) − 400,000 (loans) + 500,000 (savings) = 120,000
 *                 investing  −150,000; financing −100,000 (pokok) + 200,000 (wajib) = 100,000
 *                 cash 1,200,000 (1100 + 1200 at the end of 2024) + 70,000 = 1,270,000 (1,170,000 + 100,000)
 * equity 2025:    3100 1,000,000 − 100,000 = 900,000; 3200 0 + 200,000 = 200,000;
 *                 3500 200,000 − 30,000 = 170,000; total 1,200,000 → 1,270,000 (the balance sheet's equity)
 * </pre>
 */
class FlowStatementsTest extends DatabaseTest {

    @Autowired
    FlowStatements flows;
    @Autowired
    FinancialStatements statements;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerQueries queries;

    @Test
    void aCashFlowAndAStatementOfChangesInEquityWorkedByHand() {
        Cooperative c = newCooperative("cf-hand");
        post(c, "cf-hand-1", LocalDate.of(2024, 3, 1), "1100", "3100", "1000000");
        post(c, "cf-hand-2", LocalDate.of(2024, 6, 1), "1100", "4100", "300000");
        post(c, "cf-hand-3", LocalDate.of(2024, 6, 2), "5300", "1100", "100000");
        post(c, "cf-hand-4", LocalDate.of(2025, 1, 10), "1100", "3200", "200000");
        post(c, "cf-hand-5", LocalDate.of(2025, 2, 1), "1100", "2100", "500000");
        post(c, "cf-hand-6", LocalDate.of(2025, 2, 15), "1300", "1100", "400000");
        post(c, "cf-hand-7", LocalDate.of(2025, 3, 1), "5500", "1310", "50000");
        post(c, "cf-hand-8", LocalDate.of(2025, 4, 1), "1500", "1100", "150000");
        post(c, "cf-hand-9", LocalDate.of(2025, 4, 2), "1200", "1100", "100000");
        post(c, "cf-hand-10", LocalDate.of(2025, 5, 1), "1100", "4200", "20000");
        post(c, "cf-hand-11", LocalDate.of(2025, 6, 1), "3100", "1100", "100000");
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);

        CashFlowStatement cf = flows.cashFlow(c.id(), from, to, "IDR");
        assertThat(cf.adjustments()).extracting(StatementLine::code, l -> l.amount().toPlainString())
                .containsExactly(tuple("1310", "50000.00"));
        assertThat(cf.operating()).extracting(StatementLine::code, l -> l.amount().toPlainString(), l -> l.previous().toPlainString())
                .containsExactly(tuple("1300", "-400000.00", "0.00"), tuple("2100", "500000.00", "0.00"));
        assertThat(cf.investing()).extracting(StatementLine::code, l -> l.amount().toPlainString())
                .containsExactly(tuple("1500", "-150000.00"));
        assertThat(cf.financing()).extracting(StatementLine::code, l -> l.amount().toPlainString(), l -> l.previous().toPlainString())
                .containsExactly(tuple("3100", "-100000.00", "1000000.00"), tuple("3200", "200000.00", "0.00"));
        assertThat(cf.totals()).isEqualTo(new CashFlowStatement.Totals(new BigDecimal("-30000.00"), new BigDecimal("120000.00"),
                new BigDecimal("-150000.00"), new BigDecimal("100000.00"), new BigDecimal("1200000.00"), new BigDecimal("1270000.00")));
        assertThat(cf.totals().closingCash()).isEqualByComparingTo(
                queries.balanceAsOf(c.id(), "1100", to).add(queries.balanceAsOf(c.id(), "1200", to)));
        assertThat(cf.previousTotals()).isEqualTo(new CashFlowStatement.Totals(new BigDecimal("200000.00"), new BigDecimal("200000.00"),
                new BigDecimal("0.00"), new BigDecimal("1000000.00"), new BigDecimal("0.00"), new BigDecimal("1200000.00")));

        EquityChanges eq = flows.equityChanges(c.id(), from, to, "IDR");
        assertThat(eq.components()).extracting(EquityChanges.Component::code, k -> k.now().opening().toPlainString(),
                        k -> k.now().additions().toPlainString(), k -> k.now().reductions().toPlainString(),
                        k -> k.now().surplus().toPlainString(), k -> k.now().closing().toPlainString())
                .containsExactly(tuple("3100", "1000000.00", "0.00", "100000.00", "0.00", "900000.00"),
                        tuple("3200", "0.00", "200000.00", "0.00", "0.00", "200000.00"),
                        tuple("3500", "200000.00", "0.00", "0.00", "-30000.00", "170000.00"));
        assertThat(eq.total().opening()).isEqualByComparingTo("1200000");
        assertThat(eq.total().closing()).isEqualByComparingTo("1270000")
                .isEqualByComparingTo(statements.balanceSheet(c.id(), to, "IDR").totals().equity());
        assertThat(eq.previousTotal().additions()).isEqualByComparingTo("1000000");
        assertThat(eq.previousTotal().surplus()).isEqualByComparingTo("200000");
    }

    @Test
    void aPeriodTurnedAroundOrAnUnknownCurrencyIsRefused() {
        Cooperative c = newCooperative("cf-refuse");
        assertThatThrownBy(() -> flows.cashFlow(c.id(), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), "IDR"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.period.invalid");
        assertThatThrownBy(() -> flows.equityChanges(c.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), "USD"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.currency.unknown");
    }

    private void post(Cooperative c, String key, LocalDate day, String debit, String credit, String amount) {
        ledger.post(new PostingRequest(c.id(), key, day, "flows test", "MANUAL", null,
                List.of(PostingLine.debit(debit, new BigDecimal(amount)), PostingLine.credit(credit, new BigDecimal(amount))), "t"));
    }
}
