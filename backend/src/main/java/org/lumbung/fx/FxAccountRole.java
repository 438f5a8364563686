package org.lumbung.fx;

import org.lumbung.ledger.AccountRole;

/**
 * The currency feature's accounts. The per-currency ones (1150.MYR …) are opened by
 * {@link ForeignCurrencyAccounts} from these template accounts, which give their names and codes.
 */
public enum FxAccountRole implements AccountRole {
    /** Header of the foreign cash boxes, one per currency (1150.MYR), each kept in its currency. */
    FOREIGN_CASH,
    /** Header of the bank accounts held in a foreign currency (1160.USD). */
    FOREIGN_BANK,
    /** Cost, in the cooperative's currency, of each currency's position (1910.MYR): the carrying amount. */
    FX_POSITION_COST,
    /** Month-end revaluation of each currency's position (1920.MYR), in the cooperative's currency. */
    FX_REVALUATION,
    /** Header of members' savings held in a foreign currency (2150.MYR, members' sub-accounts 2150.MYR.00042). */
    FOREIGN_SAVINGS,
    /** Gains on foreign currency sold or converted above its carrying rate. */
    FX_REALIZED_GAIN,
    /** Losses on foreign currency sold or converted below its carrying rate. */
    FX_REALIZED_LOSS,
    /** Month-end revaluation gains of the open positions. */
    FX_UNREALIZED_GAIN,
    /** Month-end revaluation losses of the open positions. */
    FX_UNREALIZED_LOSS
}
