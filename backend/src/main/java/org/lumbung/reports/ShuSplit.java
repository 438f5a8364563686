package org.lumbung.reports;

import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a year's surplus is split, as the members' meeting decided: a percentage per pool (at most two decimals,
 * together exactly 100 %), and how a member's capital base is read.
 */
public record ShuSplit(Map<ShuPool, BigDecimal> percents, CapitalBase capitalBase) {

    /** A member's capital base: pokok + wajib at the fiscal year's end, or the average of its twelve month-end balances. */
    public enum CapitalBase { YEAR_END, MONTHLY_AVERAGE }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** 40 / 20 / 20 / 5 / 5 / 5 / 5: reserve, capital, patronage, board, staff, education, social; area development 0. */
    public static final ShuSplit DEFAULT = new ShuSplit(Map.of(ShuPool.RESERVE, new BigDecimal("40"),
            ShuPool.CAPITAL, new BigDecimal("20"), ShuPool.PATRONAGE, new BigDecimal("20"), ShuPool.BOARD, new BigDecimal("5"),
            ShuPool.STAFF, new BigDecimal("5"), ShuPool.EDUCATION, new BigDecimal("5"), ShuPool.SOCIAL, new BigDecimal("5"),
            ShuPool.AREA_DEVELOPMENT, BigDecimal.ZERO), CapitalBase.YEAR_END);

    public ShuSplit {
        DomainException.require(percents != null && capitalBase != null, "reports.shu.split.invalid");
        EnumMap<ShuPool, BigDecimal> all = new EnumMap<>(ShuPool.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (ShuPool pool : ShuPool.values()) {
            BigDecimal p = percents.get(pool);
            DomainException.require(p != null && p.signum() >= 0 && p.compareTo(HUNDRED) <= 0
                    && p.stripTrailingZeros().scale() <= 2, "reports.shu.split.percent", pool.key());
            all.put(pool, p);
            sum = sum.add(p);
        }
        DomainException.require(sum.compareTo(HUNDRED) == 0, "reports.shu.split.sum", sum.stripTrailingZeros().toPlainString());
        percents = Collections.unmodifiableMap(all);
    }

    public BigDecimal percent(ShuPool pool) {
        return Objects.requireNonNull(percents.get(pool), "a split has every pool");
    }
}
