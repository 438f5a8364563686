package org.lumbung.audit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.web.RequestOrigin;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.lumbung.db.jooq.Tables.APP_USER;
import static org.lumbung.db.jooq.Tables.AUDIT_EVENT;
import static org.lumbung.db.jooq.Tables.COOPERATIVE;

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

    /**
     * An act of whoever is signed in: the actor is read from the security context, never passed in, so no caller
     * can write someone else's name; "anonymous" when nobody is signed in.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(@Nullable Long cooperativeId, String action, Outcome outcome, String summary) {
        insert(signedIn(), cooperativeId, action, outcome, summary);
    }

    /**
     * A step taken before anyone is signed in — a sign-in attempt, an unknown API token, the first start's
     * set-up — whose actor is the name given with it: who claims to be signing in is exactly what the log keeps.
     * Never for acts of a signed-in person (those go through {@link #record(Long, String, Outcome, String)}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordClaim(@Nullable String claimedName, @Nullable Long cooperativeId, String action, Outcome outcome,
                            String summary) {
        insert(claimedName, cooperativeId, action, outcome, summary);
    }

    private static @Nullable String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                ? null : authentication.getName();
    }

    private void insert(@Nullable String actor, @Nullable Long cooperativeId, String action, Outcome outcome,
                        String summary) {
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
    public List<AuditEvent> page(@Nullable Long cooperativeId, @Nullable String text, int offset, int limit) {
        return page(AuditFilter.text(cooperativeId, text), offset, limit);
    }

    public int count(@Nullable Long cooperativeId, @Nullable String text) {
        return count(AuditFilter.text(cooperativeId, text));
    }

    /** Newest first, with the cooperative's code and the person's name where there are ones. */
    public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return dsl.select(AUDIT_EVENT.fields()).select(COOPERATIVE.CODE, APP_USER.FULL_NAME)
                .from(AUDIT_EVENT)
                .leftJoin(COOPERATIVE).on(COOPERATIVE.ID.eq(AUDIT_EVENT.COOPERATIVE_ID))
                .leftJoin(APP_USER).on(APP_USER.USERNAME.eq(AUDIT_EVENT.ACTOR))
                .where(condition(filter))
                .orderBy(AUDIT_EVENT.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new AuditEvent(r.get(AUDIT_EVENT.ID), r.get(AUDIT_EVENT.AT).toInstant(),
                        r.get(AUDIT_EVENT.COOPERATIVE_ID), r.get(AUDIT_EVENT.ACTOR), r.get(AUDIT_EVENT.CLIENT_ADDRESS),
                        r.get(AUDIT_EVENT.ACTION), r.get(AUDIT_EVENT.OUTCOME), r.get(AUDIT_EVENT.SUMMARY),
                        r.get(COOPERATIVE.CODE), r.get(APP_USER.FULL_NAME)));
    }

    public int count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, condition(filter));
    }

    /** The actions the reader's rows hold, for a filter's choices. */
    public List<String> actions() {
        return dsl.selectDistinct(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ACTION).limit(MAX_PAGE)
                .fetch(AUDIT_EVENT.ACTION);
    }

    private static Condition condition(AuditFilter f) {
        Condition c = f.cooperativeId() == null ? DSL.noCondition() : AUDIT_EVENT.COOPERATIVE_ID.eq(f.cooperativeId());
        if (f.person() != null && !f.person().isBlank()) {
            c = c.and(AUDIT_EVENT.ACTOR.containsIgnoreCase(f.person().strip()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            c = c.and(AUDIT_EVENT.ACTION.eq(f.action()));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_EVENT.AT.ge(f.from().atStartOfDay(f.zone()).toOffsetDateTime()));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_EVENT.AT.lt(f.to().plusDays(1).atStartOfDay(f.zone()).toOffsetDateTime()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().strip();
            c = c.and(AUDIT_EVENT.ACTOR.containsIgnoreCase(t).or(AUDIT_EVENT.ACTION.containsIgnoreCase(t))
                    .or(AUDIT_EVENT.SUMMARY.containsIgnoreCase(t)));
        }
        return c;
    }

}
