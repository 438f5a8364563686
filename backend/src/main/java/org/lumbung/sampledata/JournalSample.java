package org.lumbung.sampledata;

import org.lumbung.ledger.AccountRole;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The general journal of {@code journal.csv} (grants, expenses, bank deposits), each on its day. */
@Component
class JournalSample implements SampleDataContributor {

    /** On its day after the members' deposits, before withdrawals and interest. */
    private static final int ORDER_IN_DAY = 1;

    private final LedgerService ledger;
    private final ChartOfAccounts chart;

    JournalSample(LedgerService ledger, ChartOfAccounts chart) {
        this.ledger = ledger;
        this.chart = chart;
    }

    @Override
    public int getOrder() {
        return 400;
    }

    @Override
    public void contribute(SampleData sample) {
        long cooperativeId = sample.cooperative().id();
        int row = 0;
        for (String[] j : SampleData.csv("journal.csv")) {
            String key = "sample-" + (++row);
            LocalDate date = sample.date(LocalDate.parse(j[0]));
            PostingRequest request = new PostingRequest(cooperativeId, key, date, j[3], "SAMPLE", "journal.csv:" + row,
                    lines(cooperativeId, j[1], new BigDecimal(j[2])), "treasurer");
            sample.on(date, ORDER_IN_DAY, () -> ledger.post(request));
        }
    }

    /** journal.csv: date;kind;amount;description, kind GRANT, EXPENSE or BANK_DEPOSIT. */
    private List<PostingLine> lines(long cooperativeId, String kind, BigDecimal amount) {
        return switch (kind) {
            case "GRANT" -> movement(cooperativeId, LedgerAccountRole.BANK, SampleAccountRole.GRANTS_RECEIVED, amount);
            case "EXPENSE" -> movement(cooperativeId, SampleAccountRole.OPERATING_EXPENSES, LedgerAccountRole.CASH, amount);
            case "BANK_DEPOSIT" -> movement(cooperativeId, LedgerAccountRole.BANK, LedgerAccountRole.CASH, amount);
            default -> throw new IllegalArgumentException("unknown kind in journal.csv: " + kind);
        };
    }

    private List<PostingLine> movement(long cooperativeId, AccountRole debit, AccountRole credit, BigDecimal amount) {
        return List.of(PostingLine.debit(chart.code(cooperativeId, debit), amount),
                PostingLine.credit(chart.code(cooperativeId, credit), amount));
    }
}
