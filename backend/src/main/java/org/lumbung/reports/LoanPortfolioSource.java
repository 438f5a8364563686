package org.lumbung.reports;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where PEARLS reads the loan portfolio's quality: the loans feature implements it from its close-of-business
 * snapshots (reports does not read loans' tables, and loans already depends on reports). Without a bean the
 * ratios that need the portfolio (P1, P2, A1) have no value.
 */
public interface LoanPortfolioSource {

    /** How many days before a date a close of business still counts as the portfolio of that date. */
    int LOOKBACK_DAYS = 31;

    /** The portfolio as the last close of business on or before {@code day} (within {@link #LOOKBACK_DAYS}) left it. */
    Optional<PortfolioQuality> at(long cooperativeId, LocalDate day);
}
