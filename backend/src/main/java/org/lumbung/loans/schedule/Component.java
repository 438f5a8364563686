package org.lumbung.loans.schedule;

/** The parts an instalment's dues are made of, as repayments are allocated to them. */
public enum Component {
    PENALTY,
    FEES,
    INTEREST,
    PRINCIPAL
}
