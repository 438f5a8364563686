package org.lumbung.loans.schedule;

/** A fee is a fixed amount or a percentage of the principal. */
public enum FeeKind {
    FIXED,
    PERCENT
}
