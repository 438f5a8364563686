package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A cooperative's collectibility thresholds and provision rates: the defaults of {@link Collectibility}
 * unless its chair changed them. A change applies from the next close on.
 */
@Service
@PreAuthorize("@access.may('READ_LOANS')")
public class CloseSettings {

    private final DSLContext dsl;
    private final CooperativeService cooperatives;

    public CloseSettings(DSLContext dsl, CooperativeService cooperatives) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
    }

    public CollectibilityPolicy policy(long cooperativeId) {
        Map<Collectibility, ClassRule> stored = new EnumMap<>(Collectibility.class);
        for (Record r : dsl.fetch("select collectibility, min_days_past_due, provision_rate from loan_collectibility_setting "
                + "where cooperative_id = ?", cooperativeId)) {
            Collectibility c = Collectibility.valueOf(r.get(0, String.class));
            stored.put(c, new ClassRule(c, r.get(1, Integer.class), r.get(2, BigDecimal.class).stripTrailingZeros()));
        }
        if (stored.isEmpty()) {
            return CollectibilityPolicy.defaults();
        }
        List<ClassRule> rules = new ArrayList<>();
        for (Collectibility c : Collectibility.values()) {
            rules.add(stored.getOrDefault(c, new ClassRule(c, c.defaultMinDaysPastDue(), c.defaultProvisionRate())));
        }
        return new CollectibilityPolicy(rules);
    }

    /** Stores the cooperative's five rules (checked by {@link CollectibilityPolicy}), who changed them and when. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public CollectibilityPolicy update(long cooperativeId, CollectibilityPolicy policy) {
        DomainException.require(policy != null, "loans.close.classes.invalid");
        String actor = CurrentActor.name();
        cooperatives.byId(cooperativeId); // another cooperative's is not found
        for (ClassRule r : policy.rules()) {
            dsl.execute("insert into loan_collectibility_setting (cooperative_id, collectibility, min_days_past_due, provision_rate, "
                    + "changed_by) values (?, ?, ?, ?, ?) on conflict (cooperative_id, collectibility) do update set "
                    + "min_days_past_due = excluded.min_days_past_due, provision_rate = excluded.provision_rate, "
                    + "changed_by = excluded.changed_by, changed_at = now()",
                    cooperativeId, r.collectibility().name(), r.minDaysPastDue(), r.provisionRate(), actor);
        }
        return policy(cooperativeId);
    }
}
