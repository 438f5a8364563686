package org.lumbung.district;

import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Current members (active or suspended) per cooperative: all, women, and returned migrants — members who went
 * abroad at least once and are back from every trip (a member still abroad is not counted as returned).
 */
record MemberCounts(int members, int women, int returned) {

    static final MemberCounts NONE = new MemberCounts(0, 0, 0);

    /** One grouped query for every cooperative in the session's scope. */
    static Map<Long, MemberCounts> byCooperative(DSLContext dsl) {
        Map<Long, MemberCounts> counts = new HashMap<>();
        dsl.resultQuery("""
                        select m.cooperative_id, count(*), count(*) filter (where m.gender = 'F'),
                               count(*) filter (where t.trips > 0 and t.abroad = 0)
                          from member m
                          left join (select member_id, count(*) as trips, count(*) filter (where returned_on is null) as abroad
                                       from member_migration group by member_id) t on t.member_id = m.id
                         where m.status in ('ACTIVE', 'SUSPENDED')
                         group by m.cooperative_id""")
                .forEach(r -> counts.put(r.get(0, Long.class),
                        new MemberCounts(r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Integer.class))));
        return counts;
    }
}
