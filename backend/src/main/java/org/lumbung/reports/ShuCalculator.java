package org.lumbung.reports;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact division of an amount in proportion to weights, to the currency's minor units, by the largest-remainder
 * rule (Hamilton's method): each part first gets the whole minor units of its exact quota (amount × weight / total
 * weight, rounded down); the minor units left over — fewer than the number of parts — go one each to the parts with
 * the largest remainders, and between equal remainders to the part that comes first (the pools in their fixed order,
 * members by member number). So the parts add up to the amount exactly. Pure arithmetic on integers: no rounding
 * mode is involved anywhere.
 */
public final class ShuCalculator {

    private ShuCalculator() {
    }

    /**
     * The parts of {@code amount} (non-negative, at most {@code decimals} decimals) for each key, in proportion to its
     * weight (non-negative), in the keys' order; all zero when every weight is zero.
     */
    public static <K> Map<K, BigDecimal> largestRemainder(BigDecimal amount, Map<K, BigDecimal> weights, int decimals) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException("an amount to divide is non-negative with at most " + decimals + " decimals: " + amount);
        }
        int weightScale = weights.values().stream().mapToInt(w -> Math.max(0, w.stripTrailingZeros().scale())).max().orElse(0);
        BigInteger units = amount.movePointRight(decimals).toBigIntegerExact();
        BigInteger total = BigInteger.ZERO;
        for (BigDecimal w : weights.values()) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("a weight is never negative: " + w);
            }
            total = total.add(w.movePointRight(weightScale).toBigIntegerExact());
        }
        Map<K, BigDecimal> parts = new LinkedHashMap<>();
        if (total.signum() == 0) {
            weights.keySet().forEach(k -> parts.put(k, BigDecimal.ZERO.setScale(decimals)));
            return parts;
        }
        List<Quota<K>> quotas = quotas(units, total, weights, weightScale);
        BigInteger left = units.subtract(quotas.stream().map(Quota::whole).reduce(BigInteger.ZERO, BigInteger::add));
        List<Quota<K>> byRemainder = new ArrayList<>(quotas);
        byRemainder.sort(Comparator.comparing((Quota<K> q) -> q.remainder()).reversed().thenComparingInt(Quota::order));
        Map<K, BigInteger> extra = new LinkedHashMap<>();
        for (int i = 0; i < left.intValueExact(); i++) {
            extra.put(byRemainder.get(i).key(), BigInteger.ONE);
        }
        for (Quota<K> q : quotas) {
            parts.put(q.key(), new BigDecimal(q.whole().add(extra.getOrDefault(q.key(), BigInteger.ZERO)), decimals));
        }
        return parts;
    }

    private record Quota<K>(K key, int order, BigInteger whole, BigInteger remainder) {
    }

    private static <K> List<Quota<K>> quotas(BigInteger units, BigInteger total, Map<K, BigDecimal> weights, int weightScale) {
        List<Quota<K>> quotas = new ArrayList<>(weights.size());
        int order = 0;
        for (Map.Entry<K, BigDecimal> w : weights.entrySet()) {
            BigInteger[] division = units.multiply(w.getValue().movePointRight(weightScale).toBigIntegerExact()).divideAndRemainder(total);
            quotas.add(new Quota<>(w.getKey(), order++, division[0], division[1]));
        }
        return quotas;
    }
}
