package org.lumbung.reports;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The WOCCU PEARLS ratios Lumbung computes, each with its target band and the band still tolerated (amber); a value
 * outside both is red. Bounds in percent; null is open. Targets are WOCCU's (PEARLS Monitoring System, 2002); S11's
 * "inflation + 10 %" is taken with Indonesia's inflation target of 3 %: 13 %.
 */
public enum PearlsRatio {
    /** Allowance for loan losses / allowance required for loans delinquent over 12 months (here: macet). */
    P1("100", null, "75", null),
    /** Net allowance after P1 / loans delinquent 1–12 months (here: over 30 days, not macet). */
    P2("35", null, "20", null),
    /** Net loans (gross less the allowance) / total assets. */
    E1("70", "80", "60", "85"),
    /** Savings deposits / total assets. */
    E5("70", "80", "60", "85"),
    /** Institutional capital (reserves, grants, undistributed surplus) / total assets. */
    E9("10", null, "5", null),
    /** Delinquent loans (PAR30) / gross loan portfolio. */
    A1(null, "5", null, "10"),
    /** Operating expenses of the last 12 months / average total assets. */
    R9(null, "5", null, "7"),
    /** (Liquid assets − short-term payables) / savings deposits. */
    L1("15", "20", "10", "30"),
    /** Growth of total assets over 12 months. */
    S11("13", null, "0", null);

    public enum Light { GREEN, AMBER, RED, NONE }

    private final @Nullable BigDecimal greenFrom;
    private final @Nullable BigDecimal greenTo;
    private final @Nullable BigDecimal amberFrom;
    private final @Nullable BigDecimal amberTo;

    PearlsRatio(@Nullable String greenFrom, @Nullable String greenTo, @Nullable String amberFrom, @Nullable String amberTo) {
        this.greenFrom = greenFrom == null ? null : new BigDecimal(greenFrom);
        this.greenTo = greenTo == null ? null : new BigDecimal(greenTo);
        this.amberFrom = amberFrom == null ? null : new BigDecimal(amberFrom);
        this.amberTo = amberTo == null ? null : new BigDecimal(amberTo);
    }

    /** The light of a value in percent; no value (nothing to divide by) has none. */
    public Light light(@Nullable BigDecimal percent) {
        if (percent == null) {
            return Light.NONE;
        }
        if (within(percent, greenFrom, greenTo)) {
            return Light.GREEN;
        }
        return within(percent, amberFrom, amberTo) ? Light.AMBER : Light.RED;
    }

    private static boolean within(BigDecimal v, @Nullable BigDecimal from, @Nullable BigDecimal to) {
        return (from == null || v.compareTo(from) >= 0) && (to == null || v.compareTo(to) <= 0);
    }

    /** The target as text, e.g. "≥ 100 %", "≤ 5 %", "70–80 %". */
    public String target() {
        if (greenFrom != null && greenTo != null) {
            return greenFrom.toPlainString() + "–" + greenTo.toPlainString() + " %";
        }
        return greenFrom != null ? "≥ " + greenFrom.toPlainString() + " %"
                : "≤ " + Objects.requireNonNull(greenTo, "every ratio has a green bound").toPlainString() + " %";
    }

    /** The message key of the ratio's name and of its formula. */
    public String nameKey() {
        return "pearls." + name() + ".name";
    }

    public String formulaKey() {
        return "pearls." + name() + ".formula";
    }
}
