package org.lumbung.members;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lumbung.platform.DomainException;
import org.lumbung.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.lumbung.db.jooq.Tables.MEMBER;

/** The member registry's core: registration with never-reused member numbers, counts and pages. */
@Service
@PreAuthorize(Permissions.READ)
public class MemberService {

    public static final int MAX_PAGE = 500;
    static final int MAX_TEXT = 200;

    private final DSLContext dsl;

    public MemberService(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional
    @PreAuthorize(Permissions.POST)
    public Member register(long cooperativeId, NewMember m) {
        DomainException.require(m.fullName() != null && !m.fullName().isBlank() && m.fullName().length() <= MAX_TEXT,
                "member.name.invalid");
        DomainException.require("F".equals(m.gender()) || "M".equals(m.gender()), "member.gender.invalid");
        DomainException.require(m.joinedOn() != null, "member.joined.missing");
        DomainException.require(m.phone() == null || m.phone().matches("\\+?[0-9 -]{6,31}"),
                "member.phone.invalid", String.valueOf(m.phone()));
        // Member numbers are sequential per cooperative and never reused: serialise registrations of
        // one cooperative with a transaction-scoped advisory lock, then take max + 1.
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(1), DSL.val((int) cooperativeId)))
                .fetch();
        int next = dsl.select(DSL.coalesce(DSL.max(MEMBER.MEMBER_NUMBER), 0)).from(MEMBER)
                .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(0, Integer.class) + 1;
        return dsl.insertInto(MEMBER)
                .set(MEMBER.COOPERATIVE_ID, cooperativeId)
                .set(MEMBER.MEMBER_NUMBER, next)
                .set(MEMBER.FULL_NAME, m.fullName().strip())
                .set(MEMBER.GENDER, m.gender())
                .set(MEMBER.VILLAGE, m.village())
                .set(MEMBER.PHONE, m.phone())
                .set(MEMBER.JOINED_ON, m.joinedOn())
                .returning()
                .fetchOne(MemberService::toMember);
    }

    public int countActive(long cooperativeId) {
        return dsl.fetchCount(MEMBER, MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.STATUS.eq("ACTIVE")));
    }

    public int countWomen(long cooperativeId) {
        return dsl.fetchCount(MEMBER, MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.STATUS.eq("ACTIVE"))
                .and(MEMBER.GENDER.eq("F")));
    }

    public int count(long cooperativeId, String nameFilter) {
        return dsl.fetchCount(MEMBER, filter(cooperativeId, nameFilter));
    }

    public List<Member> page(long cooperativeId, String nameFilter, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return dsl.selectFrom(MEMBER).where(filter(cooperativeId, nameFilter))
                .orderBy(MEMBER.MEMBER_NUMBER).offset(offset).limit(limit).fetch(MemberService::toMember);
    }

    private static Condition filter(long cooperativeId, String nameFilter) {
        Condition c = MEMBER.COOPERATIVE_ID.eq(cooperativeId);
        if (nameFilter != null && !nameFilter.isBlank()) {
            c = c.and(MEMBER.FULL_NAME.containsIgnoreCase(nameFilter.strip()));
        }
        return c;
    }

    private static Member toMember(Record r) {
        return new Member(r.get(MEMBER.ID), r.get(MEMBER.COOPERATIVE_ID), r.get(MEMBER.MEMBER_NUMBER),
                r.get(MEMBER.FULL_NAME), r.get(MEMBER.GENDER), r.get(MEMBER.VILLAGE), r.get(MEMBER.PHONE),
                r.get(MEMBER.JOINED_ON), r.get(MEMBER.STATUS));
    }
}
