package org.lumbung.reports;

import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.money.Amounts;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.savings.TransactionKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each savings account of the member: its transactions in the range in value-date order, each with the balance after it,
 * and the balances at the end of the day before the range and of its last day, all from the ledger by value date.
 */
@Component
@Order(100)
class SavingsStatementSource implements MemberStatementSource {

    /** What takes money out of the account (a transfer is listed for the account the money left). */
    private static final Set<TransactionKind> OUT = EnumSet.of(TransactionKind.WITHDRAWAL, TransactionKind.FEE,
            TransactionKind.EXIT, TransactionKind.TRANSFER);

    private final SavingsService savings;

    SavingsStatementSource(SavingsService savings) {
        this.savings = savings;
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
        BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, a.currency());
        List<SavingsTransaction> listed = new ArrayList<>();
        while (listed.size() < MAX_LINES) {
            List<SavingsTransaction> page = savings.accountTransactionsBetween(cooperativeId, a.id(), from, to, listed.size(),
                    Math.min(SavingsService.MAX_PAGE, MAX_LINES - listed.size()));
            listed.addAll(page);
            if (page.size() < SavingsService.MAX_PAGE) {
                break;
            }
        }
        Map<Long, BigDecimal> balances = savings.balancesAfter(cooperativeId, a.id(), to, listed);
        List<MemberStatement.Line> lines = listed.stream().map(t -> {
            boolean out = OUT.contains(t.kind());
            return new MemberStatement.Line(t.valueDate(), Messages.get("member-statement.savings." + t.kind().name(), locale),
                    out ? zero : t.amount(), out ? t.amount() : zero, balances.get(t.journalEntryId()));
        }).toList();
        // both ends from the ledger by value date: a back-dated deposit counts on its day, and what reached the account
        // other than by a savings transaction (a remittance put to work, an SHU share), which the lines do not list, too
        return new MemberStatement.Section(a.product().name(locale) + " " + a.number(), a.currency(),
                savings.balanceAsOf(cooperativeId, a.id(), from.minusDays(1)), lines, savings.balanceAsOf(cooperativeId, a.id(), to));
    }
}
