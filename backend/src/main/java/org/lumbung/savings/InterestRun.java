package org.lumbung.savings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Interest of one product for one period. A period is posted once: asking again answers the run that
 * was posted ({@code alreadyPosted}), it never books twice.
 */
public record InterestRun(long productId, LocalDate periodStart, LocalDate periodEnd, List<InterestLine> lines,
                          BigDecimal total, boolean posted, boolean alreadyPosted) {
}
