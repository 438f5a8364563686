package org.lumbung.loans;

import org.jooq.DSLContext;
import org.lumbung.cooperative.CooperativeService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The cooperative's business date: the next date its close of business will close. It is the loans' "today"
 * (an application's first due date must lie after it) and lags the wall clock while closes are pending; a
 * cooperative that never closed has the wall clock's today at its office. Back-dated history (an import,
 * the sample) starts the close on its first day, and the business date then walks with the history.
 */
@Component
public class BusinessDate {

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final Clock clock;

    BusinessDate(DSLContext dsl, CooperativeService cooperatives, Clock clock) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    public LocalDate of(long cooperativeId) {
        return dsl.fetchOptional("select business_date from loan_business_date where cooperative_id = ?", cooperativeId)
                .map(r -> r.get(0, LocalDate.class)).orElseGet(() -> cooperatives.byId(cooperativeId).today(clock));
    }
}
