package org.lumbung.loans;

import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.money.Amounts;
import org.lumbung.reports.MemberStatement;
import org.lumbung.reports.MemberStatementSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The member's loans on her statement: per loan disbursed by the range's end, what was paid out and paid in within
 * the range (a payment's interest and fees said beside it), and the principal still owed after each.
 */
@Component
@Order(200)
class LoanStatementSource implements MemberStatementSource {

    private static final Set<LoanTransaction.Kind> PAID_IN = EnumSet.of(LoanTransaction.Kind.REPAYMENT,
            LoanTransaction.Kind.PREPAYMENT, LoanTransaction.Kind.RECOVERY);

    private final LoanService loans;

    LoanStatementSource(LoanService loans) {
        this.loans = loans;
    }

    @Override
    public List<MemberStatement.Section> sections(long cooperativeId, long memberId, LocalDate from, LocalDate to, Locale locale) {
        List<MemberStatement.Section> sections = new ArrayList<>();
        for (Loan loan : loans.loansOf(cooperativeId, memberId)) {
            if (loan.disbursedOn() != null && !loan.disbursedOn().isAfter(to)) {
                sections.add(section(cooperativeId, loan, from, to, locale));
            }
        }
        return sections;
    }

    private MemberStatement.Section section(long cooperativeId, Loan loan, LocalDate from, LocalDate to, Locale locale) {
        BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, loan.currency());
        BigDecimal opening = zero;
        BigDecimal closing = zero;
        List<MemberStatement.Line> lines = new ArrayList<>();
        for (LoanTransaction t : loans.transactions(cooperativeId, loan.id())) {
            if (t.valueDate().isAfter(to)) {
                continue;
            }
            closing = t.outstandingAfter();
            if (t.valueDate().isBefore(from)) {
                opening = t.outstandingAfter();
            } else if (lines.size() < MAX_LINES && (t.kind() == LoanTransaction.Kind.DISBURSEMENT || PAID_IN.contains(t.kind()))) {
                boolean in = PAID_IN.contains(t.kind());
                String text = Messages.get("member-statement.loan." + t.kind().name(), locale)
                        + (in ? " " + Messages.get("member-statement.loan.split", locale,
                        MoneyText.amount(t.principal(), loan.currency(), locale),
                        MoneyText.amount(t.interest().add(t.fees()).add(t.penalty()), loan.currency(), locale)) : "");
                lines.add(new MemberStatement.Line(t.valueDate(), text, in ? t.amount() : zero, in ? zero : t.amount(),
                        t.outstandingAfter()));
            }
        }
        return new MemberStatement.Section(Messages.get("member-statement.loan.title", locale, loan.number()), loan.currency(),
                opening, lines, closing);
    }
}
