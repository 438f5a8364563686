package org.lumbung.savings;

import java.math.BigDecimal;

/**
 * Money another feature blocks on a savings account (a loan's required savings): a withdrawal, transfer or
 * time-deposit funding must leave it on the account. Implemented by the feature that holds; read under the
 * savings account's row lock.
 */
public interface SavingsHolds {

    /** What is held on the account now; zero when nothing. */
    BigDecimal held(long cooperativeId, long savingsAccountId);
}
