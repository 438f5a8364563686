package org.lumbung.reports;

import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.money.Amounts;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.savings.TransactionKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/**
 * Each savings account of the member: its transactions in the range, oldest first, each with the balance after it
 * (from the ledger), and the balance before the range (after the last transaction before it).
 */
@Component
@Order(100)
class SavingsStatementSource implements MemberStatementSource {

    /** What takes money out of the account (a transfer is listed for the account the money left). */
    private static final Set<TransactionKind> OUT = EnumSet.of(TransactionKind.WITHDRAWAL, TransactionKind.FEE,
            TransactionKind.EXIT, TransactionKind.TRANSFER);

    private final SavingsService savings;
    private final CooperativeService cooperatives;
    private final Clock clock;

    SavingsStatementSource(SavingsService savings, CooperativeService cooperatives, Clock clock) {
        this.savings = savings;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    private LocalDate today(long cooperativeId) {
        return cooperatives.byId(cooperativeId).today(clock);
    }

    @Override
    public List<MemberStatement.Section> sections(long cooperativeId, long memberId, LocalDate from, LocalDate to, Locale locale) {
        List<MemberStatement.Section> sections = new ArrayList<>();
        for (SavingsAccount a : savings.accounts(cooperativeId, memberId)) {
            sections.add(section(cooperativeId, a, from, to, locale));
        }
        return sections;
    }

    private MemberStatement.Section section(long cooperativeId, SavingsAccount a, LocalDate from, LocalDate to, Locale locale) {
        List<MemberStatement.Line> lines = new ArrayList<>();
        BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, a.currency());
        BigDecimal opening = null;
        int offset = 0;
        while (opening == null && offset < MAX_LINES) {
            List<SavingsTransaction> page = savings.accountTransactions(cooperativeId, a.id(), offset, SavingsService.MAX_PAGE);
            for (SavingsTransaction t : page) {
                if (t.valueDate().isBefore(from)) {
                    opening = savings.balanceAfter(cooperativeId, t);
                    break;
                }
                if (!t.valueDate().isAfter(to) && lines.size() < MAX_LINES) {
                    boolean out = OUT.contains(t.kind());
                    lines.add(0, new MemberStatement.Line(t.valueDate(), Messages.get("member-statement.savings." + t.kind().name(), locale),
                            out ? zero : t.amount(), out ? t.amount() : zero, savings.balanceAfter(cooperativeId, t)));
                }
            }
            if (page.size() < SavingsService.MAX_PAGE) {
                break;
            }
            offset += page.size();
        }
        BigDecimal start = opening == null ? zero : opening;
        // up to today the account's own balance: it counts what reached the account other than by a savings transaction
        // (a remittance put to work, an SHU share), which the lines do not list
        BigDecimal end = !to.isBefore(today(cooperativeId)) ? a.balance() : lines.isEmpty() ? start : lines.get(lines.size() - 1).balance();
        return new MemberStatement.Section(a.product().name(locale) + " " + a.number(), a.currency(), start, lines, end);
    }
}
