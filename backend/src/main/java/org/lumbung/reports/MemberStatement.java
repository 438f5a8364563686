package org.lumbung.reports;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A member's statement for a date range, in her language: a section per savings account, per loan and for her
 * remittances, each with its lines (money in, money out, the balance after where there is one) and the balances at
 * both ends where the section has them.
 */
public record MemberStatement(long cooperativeId, String cooperative, int memberNumber, String memberName, Locale locale,
                              LocalDate from, LocalDate to, List<Section> sections) {

    public MemberStatement {
        sections = List.copyOf(sections);
    }

    /** One account, loan or list; {@code opening} and {@code closing} are null where they mean nothing (remittances). */
    public record Section(String title, String currency, @Nullable BigDecimal opening, List<Line> lines,
                          @Nullable BigDecimal closing) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    /** A dated movement; {@code in} and {@code out} are zero or positive, {@code balance} may be null. */
    public record Line(LocalDate date, String description, BigDecimal in, BigDecimal out, @Nullable BigDecimal balance) {
    }
}
