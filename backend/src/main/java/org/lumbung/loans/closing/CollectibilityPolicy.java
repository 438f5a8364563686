package org.lumbung.loans.closing;

import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A cooperative's five class rules, one per class in the order of {@link Collectibility}: thresholds
 * strictly rising from 0 (a loan with nothing overdue is <i>lancar</i>), rates between 0 and 1 and never
 * falling (a riskier class never needs less provision).
 */
public record CollectibilityPolicy(List<ClassRule> rules) {

    public static final int MAX_DAYS = 3_660;

    public CollectibilityPolicy {
        rules = List.copyOf(rules);
        Collectibility[] classes = Collectibility.values();
        DomainException.require(rules.size() == classes.length, "loans.close.classes.invalid");
        for (int i = 0; i < classes.length; i++) {
            ClassRule r = rules.get(i);
            DomainException.require(r != null && r.collectibility() == classes[i] && r.provisionRate() != null,
                    "loans.close.classes.invalid");
            DomainException.require(r.provisionRate().signum() >= 0 && r.provisionRate().compareTo(BigDecimal.ONE) <= 0
                    && r.provisionRate().scale() <= 4, "loans.close.rate.invalid", percent(r.provisionRate()));
            DomainException.require(i == 0 ? r.minDaysPastDue() == 0
                    : r.minDaysPastDue() > rules.get(i - 1).minDaysPastDue() && r.minDaysPastDue() <= MAX_DAYS,
                    "loans.close.threshold.invalid", r.minDaysPastDue());
            DomainException.require(i == 0 || r.provisionRate().compareTo(rules.get(i - 1).provisionRate()) >= 0,
                    "loans.close.rate.falling", percent(r.provisionRate()));
        }
    }

    /** A rate as people enter it on the settings screen: 0.15 is "15". */
    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public static CollectibilityPolicy defaults() {
        List<ClassRule> rules = new ArrayList<>();
        for (Collectibility c : Collectibility.values()) {
            rules.add(new ClassRule(c, c.defaultMinDaysPastDue(), c.defaultProvisionRate()));
        }
        return new CollectibilityPolicy(rules);
    }

    /** The class of a loan this many days past due. */
    public Collectibility classOf(int daysPastDue) {
        Collectibility found = Collectibility.LANCAR;
        for (ClassRule r : rules) {
            if (daysPastDue >= r.minDaysPastDue()) {
                found = r.collectibility();
            }
        }
        return found;
    }

    public ClassRule rule(Collectibility c) {
        return rules.get(c.ordinal());
    }
}
