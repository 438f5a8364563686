package org.lumbung.loans.closing;

import java.math.BigDecimal;

/**
 * The five collectibility classes (<i>kolektibilitas</i>) of Indonesian credit-quality rules, in order of
 * risk, with the defaults a cooperative starts with; its chair may change them
 * ({@link CloseSettings#update}).
 *
 * <p>Default thresholds (days past due of the oldest unpaid instalment) and loan-loss provision rates on
 * the outstanding principal are those of the banking rules the cooperative supervisors borrow:
 * Bank Indonesia's PBI 14/15/PBI/2012 on asset quality (collectibility by days past due: lancar none,
 * dalam perhatian khusus up to 90, kurang lancar 91–120, diragukan 121–180, macet over 180) and its
 * provisioning rule carried on by POJK 40/POJK.03/2019 (general reserve of at least 1 % on current
 * loans; special reserves of 5 %, 15 %, 50 % and 100 %). Collateral is not deducted: microloans of
 * cooperatives are mostly unsecured or secured by guarantors, which the rules do not count.
 */
public enum Collectibility {
    LANCAR(0, "0.01"),
    DALAM_PERHATIAN_KHUSUS(1, "0.05"),
    KURANG_LANCAR(91, "0.15"),
    DIRAGUKAN(121, "0.50"),
    MACET(181, "1.00");

    private final int defaultMinDaysPastDue;
    private final BigDecimal defaultProvisionRate;

    Collectibility(int defaultMinDaysPastDue, String defaultProvisionRate) {
        this.defaultMinDaysPastDue = defaultMinDaysPastDue;
        this.defaultProvisionRate = new BigDecimal(defaultProvisionRate);
    }

    public int defaultMinDaysPastDue() {
        return defaultMinDaysPastDue;
    }

    public BigDecimal defaultProvisionRate() {
        return defaultProvisionRate;
    }
}
