package org.lumbung.loans.closing;

/** How the portfolio's quality is broken down: not at all, by loan product, or by loan officer. */
public enum PortfolioDimension {
    WHOLE, PRODUCT, OFFICER
}
