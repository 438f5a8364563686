package org.lumbung.reports;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fiscal year's surplus (SHU) split into its pools, and the capital and patronage pools divided among the
 * members, to the minor unit, by the largest-remainder rule ({@link ShuCalculator}). Invariant, asserted here: the
 * pools add up to the surplus (when there is one), and the members' shares add up to their pool whenever anyone has
 * a base for it. {@code posted} is set once the distribution was booked.
 */
public record ShuDistribution(int year, String currency, BigDecimal surplus, boolean yearClosed, ShuSplit split,
                              Map<ShuPool, BigDecimal> pools, List<MemberShare> shares, Totals totals,
                              @Nullable Posted posted) {

    public record Totals(BigDecimal capitalBase, BigDecimal patronageBase, BigDecimal jasaModal, BigDecimal jasaUsaha) {
    }

    /** Where the members' shares went (voluntary savings or the payable), in which entry, by whom and when. */
    public record Posted(Destination destination, long entryId, String postedBy, Instant postedAt) {
    }

    public enum Destination { VOLUNTARY_SAVINGS, PAYABLE }

    public ShuDistribution {
        pools = Map.copyOf(pools);
        shares = List.copyOf(shares);
        BigDecimal pooled = pools.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        require(surplus.signum() <= 0 ? pooled.signum() == 0 : pooled.compareTo(surplus) == 0, "the pools do not add up to the surplus");
        require(totals.capitalBase().signum() == 0 || totals.jasaModal().compareTo(pools.get(ShuPool.CAPITAL)) == 0,
                "jasa modal does not add up to the capital pool");
        require(totals.patronageBase().signum() == 0 || totals.jasaUsaha().compareTo(pools.get(ShuPool.PATRONAGE)) == 0,
                "jasa usaha does not add up to the patronage pool");
    }

    public BigDecimal pool(ShuPool pool) {
        return Objects.requireNonNull(pools.get(pool), "a distribution has every pool");
    }

    private static void require(boolean invariant, String broken) {
        if (!invariant) {
            throw new IllegalStateException(broken);
        }
    }
}
