package org.lumbung.members;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.lumbung.db.jooq.Tables.MEMBER_MIGRATION;
import static org.lumbung.db.jooq.Tables.MEMBER_STATUS_EVENT;

/**
 * The member registry: registration with never-reused member numbers, profile, status lifecycle,
 * migration history and a search that tolerates spelling variants (PostgreSQL trigrams).
 */
@Service
@PreAuthorize("@access.may('READ_MEMBERS')")
public class MemberService {

    public static final int MAX_PAGE = 500;
    static final int MAX_TEXT = 200;
    static final int MAX_SEARCH = 100;
    public static final int MAX_SEARCH_RESULTS = 1_000;
    /** The most members read by id at once: a group of 500 borrowers with five guarantors each. */
    public static final int MAX_LOOKUP = 3_000;
    /** A migration history longer than this is a data-entry error, not a life. */
    static final int MAX_MIGRATIONS = 30;
    static final int MAX_HISTORY = 200;

    private final DSLContext dsl;
    private final ApplicationEventPublisher events;
    private final AccessPolicy access;

    public MemberService(DSLContext dsl, ApplicationEventPublisher events, AccessPolicy access) {
        this.dsl = dsl;
        this.events = events;
        this.access = access;
    }

    @Transactional
    @PreAuthorize("@access.may('REGISTER_MEMBERS')")
    public Member register(long cooperativeId, NewMember m) {
        MemberRules.check(m);
        DomainException.require(m.initialStatus() == MemberStatus.APPLICANT || m.initialStatus() == MemberStatus.ACTIVE,
                "member.status.initial", String.valueOf(m.initialStatus()));
        requireNationalIdFree(cooperativeId, m, null);
        // Member numbers are sequential per cooperative and never reused: serialise registrations of
        // one cooperative with a transaction-scoped advisory lock, then take max + 1.
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(1), DSL.val((int) cooperativeId)))
                .fetch();
        int next = dsl.select(DSL.coalesce(DSL.max(MEMBER.MEMBER_NUMBER), 0)).from(MEMBER)
                .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(0, Integer.class) + 1;
        Member member = dsl.insertInto(MEMBER)
                .set(MEMBER.COOPERATIVE_ID, cooperativeId)
                .set(MEMBER.MEMBER_NUMBER, next)
                .set(profile(m))
                .set(MEMBER.JOINED_ON, m.joinedOn())
                .set(MEMBER.STATUS, m.initialStatus().name())
                .set(MEMBER.STATUS_SINCE, m.joinedOn())
                .returning()
                .fetchOne(MemberService::toMember);
        recordStatus(member, m.initialStatus(), Objects.requireNonNull(m.joinedOn()), "registered");
        events.publishEvent(new MemberRegistered(member));
        return member;
    }

    /** Corrects a member's profile; the member number, join date and status are not changed here. */
    @Transactional
    @PreAuthorize("@access.may('REGISTER_MEMBERS')")
    public Member updateProfile(long cooperativeId, long memberId, NewMember m) {
        MemberRules.check(m);
        Member current = member(cooperativeId, memberId);
        requireNationalIdFree(cooperativeId, m, memberId);
        return dsl.update(MEMBER).set(profile(m))
                .where(MEMBER.ID.eq(current.id()).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId)))
                .returning().fetchOne(MemberService::toMember);
    }

    /** Activates an applicant, suspends an active member or lifts a suspension, with a reason. */
    @Transactional
    @PreAuthorize("@access.may('REGISTER_MEMBERS')")
    public Member changeStatus(long cooperativeId, long memberId, MemberStatus to, LocalDate effectiveOn, String reason) {
        Member member = member(cooperativeId, memberId);
        DomainException.require(to != null && member.status().next().contains(to), "member.status.transition",
                member.status().name(), String.valueOf(to));
        return setStatus(member, to, effectiveOn, reason);
    }

    /**
     * Ends a membership. Only the savings exit settlement calls this, inside the transaction that refunds
     * and closes the member's accounts.
     */
    @Transactional
    @PreAuthorize("@access.may('REGISTER_MEMBERS')")
    public Member markExited(long cooperativeId, long memberId, LocalDate effectiveOn, String reason) {
        Member member = member(cooperativeId, memberId);
        DomainException.require(member.status() != MemberStatus.EXITED, "member.status.transition",
                member.status().name(), MemberStatus.EXITED.name());
        return setStatus(member, MemberStatus.EXITED, effectiveOn, reason);
    }

    private Member setStatus(Member member, MemberStatus to, LocalDate effectiveOn, String reason) {
        DomainException.require(effectiveOn != null && !effectiveOn.isBefore(member.statusSince()),
                "member.status.date", member.statusSince());
        DomainException.require(reason != null && !reason.isBlank() && reason.strip().length() <= MemberRules.MAX_STATUS_REASON,
                "member.status.reason");
        Member changed = dsl.update(MEMBER).set(MEMBER.STATUS, to.name()).set(MEMBER.STATUS_SINCE, effectiveOn)
                .where(MEMBER.ID.eq(member.id()).and(MEMBER.COOPERATIVE_ID.eq(member.cooperativeId())))
                .returning().fetchOne(MemberService::toMember);
        recordStatus(changed, to, effectiveOn, reason.strip());
        return changed;
    }

    private void recordStatus(Member member, MemberStatus status, LocalDate effectiveOn, String reason) {
        dsl.insertInto(MEMBER_STATUS_EVENT)
                .set(MEMBER_STATUS_EVENT.COOPERATIVE_ID, member.cooperativeId())
                .set(MEMBER_STATUS_EVENT.MEMBER_ID, member.id())
                .set(MEMBER_STATUS_EVENT.STATUS, status.name())
                .set(MEMBER_STATUS_EVENT.EFFECTIVE_ON, effectiveOn)
                .set(MEMBER_STATUS_EVENT.REASON, reason)
                .set(MEMBER_STATUS_EVENT.RECORDED_BY, access.currentUser().map(u -> u.username()).orElse("system"))
                .execute();
    }

    @Transactional
    @PreAuthorize("@access.may('REGISTER_MEMBERS')")
    public Migration addMigration(long cooperativeId, long memberId, NewMigration m) {
        Member member = member(cooperativeId, memberId);
        MemberRules.check(m);
        DomainException.require(dsl.fetchCount(MEMBER_MIGRATION, MEMBER_MIGRATION.MEMBER_ID.eq(memberId)) < MAX_MIGRATIONS,
                "member.migration.too-many", MAX_MIGRATIONS);
        return dsl.insertInto(MEMBER_MIGRATION)
                .set(MEMBER_MIGRATION.COOPERATIVE_ID, cooperativeId)
                .set(MEMBER_MIGRATION.MEMBER_ID, member.id())
                .set(MEMBER_MIGRATION.DESTINATION_COUNTRY, m.destinationCountry())
                .set(MEMBER_MIGRATION.SECTOR, m.sector().name())
                .set(MEMBER_MIGRATION.DEPARTED_ON, m.departedOn())
                .set(MEMBER_MIGRATION.RETURNED_ON, m.returnedOn())
                .set(MEMBER_MIGRATION.RECORDED_BY, access.currentUser().map(u -> u.username()).orElse("system"))
                .returning().fetchOne(MemberService::toMigration);
    }

    /** Records the return home of a member still abroad; the only change a migration row allows. */
    @Transactional
    @PreAuthorize("@access.may('REGISTER_MEMBERS')")
    public Migration recordReturn(long cooperativeId, long migrationId, LocalDate returnedOn) {
        Migration m = dsl.selectFrom(MEMBER_MIGRATION)
                .where(MEMBER_MIGRATION.ID.eq(migrationId).and(MEMBER_MIGRATION.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(MemberService::toMigration)
                .orElseThrow(() -> DomainException.notFound("member.migration.not-found", migrationId));
        DomainException.require(m.stillAbroad(), "member.migration.returned");
        DomainException.require(returnedOn != null && !returnedOn.isBefore(m.departedOn()), "member.migration.dates");
        return dsl.update(MEMBER_MIGRATION).set(MEMBER_MIGRATION.RETURNED_ON, returnedOn)
                .where(MEMBER_MIGRATION.ID.eq(migrationId)).returning().fetchOne(MemberService::toMigration);
    }

    @PreAuthorize("@access.may('SIGNED_IN')")
    public List<Migration> migrations(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return dsl.selectFrom(MEMBER_MIGRATION)
                .where(MEMBER_MIGRATION.MEMBER_ID.eq(memberId).and(MEMBER_MIGRATION.COOPERATIVE_ID.eq(cooperativeId)))
                .orderBy(MEMBER_MIGRATION.DEPARTED_ON.desc()).limit(MAX_MIGRATIONS).fetch(MemberService::toMigration);
    }

    public List<StatusChange> statusHistory(long cooperativeId, long memberId) {
        return dsl.selectFrom(MEMBER_STATUS_EVENT)
                .where(MEMBER_STATUS_EVENT.MEMBER_ID.eq(memberId).and(MEMBER_STATUS_EVENT.COOPERATIVE_ID.eq(cooperativeId)))
                .orderBy(MEMBER_STATUS_EVENT.ID.desc()).limit(MAX_HISTORY)
                .fetch(r -> new StatusChange(MemberStatus.valueOf(r.getStatus()), r.getEffectiveOn(), r.getReason(),
                        r.getRecordedBy(), r.getRecordedAt().toInstant()));
    }

    /** One member; another cooperative's member, or for a member anyone but themselves, is not found. */
    @PreAuthorize("@access.may('SIGNED_IN')")
    public Member member(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return dsl.selectFrom(MEMBER).where(MEMBER.ID.eq(memberId).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(MemberService::toMember)
                .orElseThrow(() -> DomainException.notFound("member.not-found", memberId));
    }

    /**
     * Several members of the cooperative by id in one query (a group's borrowers and guarantors), by id; one
     * not found (or, for a member, anyone but themselves) is absent from the answer. At most {@link #MAX_LOOKUP}.
     */
    @PreAuthorize("@access.may('SIGNED_IN')")
    public Map<Long, Member> members(long cooperativeId, Collection<Long> memberIds) {
        DomainException.require(memberIds.size() <= MAX_LOOKUP, "member.lookup.too-many", MAX_LOOKUP);
        memberIds.forEach(access::requireMemberRecord);
        return dsl.selectFrom(MEMBER).where(MEMBER.ID.in(memberIds).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId)))
                .fetch(MemberService::toMember).stream()
                .collect(Collectors.toMap(Member::id, m -> m));
    }

    public Optional<Member> byNumber(long cooperativeId, int memberNumber) {
        return dsl.selectFrom(MEMBER).where(MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.MEMBER_NUMBER.eq(memberNumber)))
                .fetchOptional(MemberService::toMember);
    }

    public int countActive(long cooperativeId) {
        return dsl.fetchCount(MEMBER, MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.STATUS.eq("ACTIVE")));
    }

    public int countWomen(long cooperativeId) {
        return dsl.fetchCount(MEMBER, MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.STATUS.eq("ACTIVE"))
                .and(MEMBER.GENDER.eq("F")));
    }

    /**
     * How many members the filter finds; a search by text counts at most {@value #MAX_SEARCH_RESULTS}
     * (the best matches come first, and nobody reads further), which keeps the lazy grid's count fast.
     */
    public int count(long cooperativeId, MemberFilter filter) {
        if (filter.text() == null || filter.text().isBlank()) {
            return dsl.fetchCount(MEMBER, MemberSearch.condition(cooperativeId, filter));
        }
        DomainException.require(filter.text().length() <= MAX_SEARCH, "member.search.too-long", MAX_SEARCH);
        return dsl.fetchCount(dsl.selectOne().from(MEMBER).where(MemberSearch.condition(cooperativeId, filter))
                .limit(MAX_SEARCH_RESULTS));
    }

    /** A page of the registry: best matches first when searching, otherwise by member number. */
    public List<Member> page(long cooperativeId, MemberFilter filter, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        DomainException.require(filter.text() == null || filter.text().length() <= MAX_SEARCH, "member.search.too-long", MAX_SEARCH);
        List<SortField<?>> order = MemberSearch.order(filter);
        return dsl.selectFrom(MEMBER).where(MemberSearch.condition(cooperativeId, filter))
                .orderBy(order).offset(offset).limit(limit).fetch(MemberService::toMember);
    }

    /** The villages members live in, for the list's filter. */
    public List<String> villages(long cooperativeId) {
        return dsl.selectDistinct(MEMBER.VILLAGE).from(MEMBER)
                .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.VILLAGE.isNotNull()))
                .orderBy(MEMBER.VILLAGE).limit(MAX_PAGE).fetch(MEMBER.VILLAGE);
    }

    private void requireNationalIdFree(long cooperativeId, NewMember m, @Nullable Long exceptMemberId) {
        if (m.nationalId() == null) {
            return;
        }
        Condition sameId = MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.NATIONAL_ID.eq(m.nationalId()));
        if (exceptMemberId != null) {
            sameId = sameId.and(MEMBER.ID.ne(exceptMemberId));
        }
        DomainException.require(!dsl.fetchExists(MEMBER, sameId), "member.national-id.taken", m.nationalId());
    }

    private static Map<Field<?>, Object> profile(NewMember m) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(MEMBER.FULL_NAME, Objects.requireNonNull(m.fullName()).strip());
        values.put(MEMBER.GENDER, m.gender());
        values.put(MEMBER.NATIONAL_ID_KIND, m.nationalIdKind().name());
        values.put(MEMBER.NATIONAL_ID, m.nationalId());
        values.put(MEMBER.BIRTH_DATE, m.birthDate());
        values.put(MEMBER.VILLAGE, MemberRules.blankToNull(m.village()));
        values.put(MEMBER.ADDRESS, MemberRules.blankToNull(m.address()));
        values.put(MEMBER.PHONE, MemberRules.blankToNull(m.phone()));
        values.put(MEMBER.NEXT_OF_KIN_NAME, MemberRules.blankToNull(m.nextOfKinName()));
        values.put(MEMBER.NEXT_OF_KIN_PHONE, MemberRules.blankToNull(m.nextOfKinPhone()));
        values.put(MEMBER.LOCALE, m.locale());
        return values;
    }

    static Member toMember(Record r) {
        return new Member(r.get(MEMBER.ID), r.get(MEMBER.COOPERATIVE_ID), r.get(MEMBER.MEMBER_NUMBER),
                r.get(MEMBER.FULL_NAME), r.get(MEMBER.GENDER), NationalIdKind.valueOf(r.get(MEMBER.NATIONAL_ID_KIND)),
                r.get(MEMBER.NATIONAL_ID), r.get(MEMBER.BIRTH_DATE), r.get(MEMBER.VILLAGE), r.get(MEMBER.ADDRESS),
                r.get(MEMBER.PHONE), r.get(MEMBER.NEXT_OF_KIN_NAME), r.get(MEMBER.NEXT_OF_KIN_PHONE),
                r.get(MEMBER.LOCALE), r.get(MEMBER.JOINED_ON), MemberStatus.valueOf(r.get(MEMBER.STATUS)),
                r.get(MEMBER.STATUS_SINCE));
    }

    private static Migration toMigration(Record r) {
        return new Migration(r.get(MEMBER_MIGRATION.ID), r.get(MEMBER_MIGRATION.MEMBER_ID),
                r.get(MEMBER_MIGRATION.DESTINATION_COUNTRY), MigrationSector.valueOf(r.get(MEMBER_MIGRATION.SECTOR)),
                r.get(MEMBER_MIGRATION.DEPARTED_ON), r.get(MEMBER_MIGRATION.RETURNED_ON));
    }
}
