package org.lumbung.audit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.web.RequestOrigin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.lumbung.db.jooq.Tables.AUDIT_EVENT;

/**
 * The append-only audit log: who did what, in which cooperative, when and from where. A record is
 * written in its own transaction, so a refused command is logged although the command rolled back.
 */
@Service
public class AuditLog {

    public static final int MAX_PAGE = 500;
    static final int MAX_SUMMARY = 1000;

    public enum Outcome { OK, REFUSED, FAILED }

    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, Long cooperativeId, String action, Outcome outcome, String summary) {
        String text = summary == null ? "" : summary.strip();
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 64))
                .set(AUDIT_EVENT.COOPERATIVE_ID, cooperativeId)
                .set(AUDIT_EVENT.CLIENT_ADDRESS, RequestOrigin.clientAddress())
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.OUTCOME, outcome.name())
                .set(AUDIT_EVENT.SUMMARY, truncate(text, MAX_SUMMARY))
                .execute();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Newest first; {@code cooperativeId} null means events of every cooperative and of none. */
    public List<AuditEvent> page(Long cooperativeId, String text, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return dsl.selectFrom(AUDIT_EVENT).where(filter(cooperativeId, text))
                .orderBy(AUDIT_EVENT.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getAt().toInstant(), r.getCooperativeId(), r.getActor(),
                        r.getClientAddress(), r.getAction(), r.getOutcome(), r.getSummary()));
    }

    public int count(Long cooperativeId, String text) {
        return dsl.fetchCount(AUDIT_EVENT, filter(cooperativeId, text));
    }

    private static Condition filter(Long cooperativeId, String text) {
        Condition c = cooperativeId == null ? AUDIT_EVENT.ID.isNotNull() : AUDIT_EVENT.COOPERATIVE_ID.eq(cooperativeId);
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            DomainException.require(t.length() <= 100, "ledger.filter.text.too-long");
            c = c.and(AUDIT_EVENT.ACTOR.containsIgnoreCase(t).or(AUDIT_EVENT.ACTION.containsIgnoreCase(t))
                    .or(AUDIT_EVENT.SUMMARY.containsIgnoreCase(t)));
        }
        return c;
    }

}
