package org.lumbung.loans.closing;

import java.time.LocalDate;

/** Told after each day a catch-up closed: how many of how many, and which date. */
@FunctionalInterface
public interface CloseProgress {

    CloseProgress NONE = (closed, total, date) -> {
    };

    void closed(int closed, int total, LocalDate date);
}
