package org.lumbung.savings;

/** What a savings transaction (and its receipt) was. */
public enum TransactionKind {
    DEPOSIT, WITHDRAWAL, TRANSFER, INTEREST, FEE, EXIT, OPENING
}
