package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What is still outstanding of one instalment, by component; every amount zero or more. */
public record DueParts(int instalment, LocalDate dueDate, BigDecimal penalty, BigDecimal fees, BigDecimal interest,
                       BigDecimal principal) {

    public BigDecimal of(Component component) {
        return switch (component) {
            case PENALTY -> penalty;
            case FEES -> fees;
            case INTEREST -> interest;
            case PRINCIPAL -> principal;
        };
    }

    public BigDecimal total() {
        return penalty.add(fees).add(interest).add(principal);
    }
}
