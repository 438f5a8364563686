package org.lumbung.ledger;

/**
 * What an account is for (the cash box, members' share capital, interest paid on savings …), whatever
 * its code in a cooperative's chart. Each feature declares its roles as an enum implementing this, and
 * their codes per chart template in {@code ledger/chart-templates/<template>/roles/<feature>.properties}
 * ({@link ChartTemplates}); services post to {@link ChartOfAccounts#code(long, AccountRole)}, never to a
 * literal code. A new feature adds its roles and their codes without editing a central list.
 */
public interface AccountRole {

    /** The key in the template's role files, e.g. CASH. */
    String name();
}
