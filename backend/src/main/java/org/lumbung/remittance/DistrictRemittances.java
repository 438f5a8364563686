package org.lumbung.remittance;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.remittance.RemittanceReports.PutToWork;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.lumbung.db.jooq.Tables.REMITTANCE;
import static org.lumbung.db.jooq.Tables.REMITTANCE_ALLOCATION;

/**
 * The district's remittance report, for its district auditor: every cooperative of the district, with the receipts of a
 * period, the members who received them, what arrived and how much of it was put to work. A district auditor sees her
 * own district only (another one is refused); the administrator names any. Amounts stay in each cooperative's currency:
 * the report never adds two currencies together. Two grouped queries for the whole district.
 */
@Service
@PreAuthorize("@access.may('VIEW_DISTRICT_REMITTANCES')")
public class DistrictRemittances {

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final AccessPolicy access;

    public DistrictRemittances(DSLContext dsl, CooperativeService cooperatives, AccessPolicy access) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.access = access;
    }

    /** One cooperative's line: its receipts of the period, the members who received, and where the money went. */
    public record Line(long cooperativeId, String code, String name, String currency, int receipts, int members,
                       PutToWork work) {
    }

    /** The districts the signed-in person may report on, in order: a district auditor's own, any for the administrator. */
    public List<String> districts() {
        String own = ownDistrict();
        return cooperatives.list().stream().map(Cooperative::district).filter(Objects::nonNull)
                .filter(d -> own == null || own.equals(d)).distinct().sorted().toList();
    }

    public List<Line> report(String district, LocalDate from, LocalDate to) {
        DomainException.require(district != null && !district.isBlank(), "remittance.district.missing");
        String own = ownDistrict();
        if (own != null && !own.equals(district)) {
            throw DomainException.forbidden("remittance.district.other", district);
        }
        // row-level security keeps a district auditor's queries to her district's cooperatives as well
        List<Cooperative> inDistrict = cooperatives.list().stream().filter(c -> district.equals(c.district()))
                .filter(c -> access.currentUser().map(u -> access.canRead(u, c.id())).orElse(true)).toList();
        if (inDistrict.isEmpty()) {
            return List.of();
        }
        var ids = inDistrict.stream().map(Cooperative::id).toList();
        var where = REMITTANCE.COOPERATIVE_ID.in(ids).and(RemittanceReports.period(from, to));
        Map<Long, int[]> counts = new HashMap<>();
        dsl.select(REMITTANCE.COOPERATIVE_ID, DSL.count(), DSL.countDistinct(REMITTANCE.MEMBER_ID)).from(REMITTANCE).where(where)
                .groupBy(REMITTANCE.COOPERATIVE_ID).forEach(r -> counts.put(r.value1(), new int[] {r.value2(), r.value3()}));
        Map<Long, Map<String, BigDecimal>> byKind = new HashMap<>();
        dsl.select(REMITTANCE.COOPERATIVE_ID, REMITTANCE_ALLOCATION.KIND, DSL.sum(REMITTANCE_ALLOCATION.AMOUNT))
                .from(REMITTANCE_ALLOCATION).join(REMITTANCE).on(REMITTANCE.ID.eq(REMITTANCE_ALLOCATION.REMITTANCE_ID))
                .where(where).groupBy(REMITTANCE.COOPERATIVE_ID, REMITTANCE_ALLOCATION.KIND)
                .forEach(r -> byKind.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        return inDistrict.stream().map(c -> line(c, counts.getOrDefault(c.id(), new int[2]), byKind.getOrDefault(c.id(), Map.of())))
                .toList();
    }

    /** A district auditor's district; null for the administrator (or Lumbung itself), who may name any. */
    private @Nullable String ownDistrict() {
        return access.currentUser().map(UserAccount::district).orElse(null);
    }

    private static Line line(Cooperative c, int[] counts, Map<String, BigDecimal> byKind) {
        Map<String, BigDecimal> normalised = new HashMap<>();
        byKind.forEach((kind, amount) -> normalised.put(kind, Amounts.normalise(amount, c.baseCurrency())));
        return new Line(c.id(), c.code(), c.name(), c.baseCurrency(), counts[0], counts[1],
                RemittanceReports.byKind(normalised, c.baseCurrency()));
    }
}
