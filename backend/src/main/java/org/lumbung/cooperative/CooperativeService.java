package org.lumbung.cooperative;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;

/** Founding and finding cooperatives. */
@Service
public class CooperativeService {

    /** A district office audits dozens, not thousands; lists are bounded all the same. */
    static final int MAX_LIST = 1_000;

    private final DSLContext dsl;
    private final ApplicationEventPublisher events;

    public CooperativeService(DSLContext dsl, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.events = events;
    }

    @Transactional
    @PreAuthorize("@access.may('FOUND_COOPERATIVE')")
    public Cooperative create(NewCooperative command) {
        validate(command);
        DomainException.require(!dsl.fetchExists(COOPERATIVE, COOPERATIVE.CODE.eq(command.code())),
                "cooperative.code.taken", command.code());
        Record created = dsl.insertInto(COOPERATIVE)
                .set(COOPERATIVE.CODE, command.code())
                .set(COOPERATIVE.NAME, command.name().strip())
                .set(COOPERATIVE.VILLAGE, blankToNull(command.village()))
                .set(COOPERATIVE.DISTRICT, blankToNull(command.district()))
                .set(COOPERATIVE.PROVINCE, blankToNull(command.province()))
                .set(COOPERATIVE.COUNTRY, command.country())
                .set(COOPERATIVE.BASE_CURRENCY, command.baseCurrency())
                .set(COOPERATIVE.DEFAULT_LOCALE, command.defaultLocale())
                .set(COOPERATIVE.TIME_ZONE, command.timeZone())
                .returning()
                .fetchOne();
        Cooperative cooperative = toCooperative(created);
        events.publishEvent(new CooperativeCreated(cooperative));
        return cooperative;
    }

    private static void validate(NewCooperative c) {
        DomainException.require(c.code() != null && c.code().matches("[a-z0-9][a-z0-9-]{1,15}"),
                "cooperative.code.invalid", String.valueOf(c.code()));
        DomainException.require(c.name() != null && !c.name().isBlank() && c.name().length() <= 200,
                "cooperative.name.invalid");
        DomainException.require(c.country() != null && c.country().matches("[A-Z]{2}"),
                "cooperative.country.invalid", String.valueOf(c.country()));
        // places are kept as the profile keeps them: stripped, a blank one as none (no district auditor matches "")
        requireFits(c.village(), CooperativeProfile.MAX_PLACE, "village");
        requireFits(c.district(), CooperativeProfile.MAX_PLACE, "district");
        requireFits(c.province(), CooperativeProfile.MAX_PLACE, "province");
        Amounts.currency(c.baseCurrency());
        DomainException.require("en".equals(c.defaultLocale()) || "id".equals(c.defaultLocale()),
                "cooperative.locale.invalid", String.valueOf(c.defaultLocale()));
        try {
            ZoneId.of(c.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw DomainException.invalid("cooperative.timezone.invalid", String.valueOf(c.timeZone()));
        }
    }

    /**
     * The chair or an administrator keeps the profile up to date (new address, registration, contact);
     * only the administrator changes the district.
     */
    @Transactional
    @PreAuthorize("@access.may('EDIT_PROFILE')")
    public Cooperative updateProfile(long cooperativeId, CooperativeProfile p) {
        DomainException.require(p.name() != null && !p.name().isBlank() && p.name().strip().length() <= CooperativeProfile.MAX_NAME,
                "cooperative.name.invalid");
        requireFits(p.legalNumber(), CooperativeProfile.MAX_LEGAL_NUMBER, "legal-number");
        requireFits(p.address(), CooperativeProfile.MAX_ADDRESS, "address");
        requireFits(p.village(), CooperativeProfile.MAX_PLACE, "village");
        requireFits(p.district(), CooperativeProfile.MAX_PLACE, "district");
        requireFits(p.province(), CooperativeProfile.MAX_PLACE, "province");
        requireFits(p.contactEmail(), CooperativeProfile.MAX_EMAIL, "email");
        DomainException.require(p.contactPhone() == null || p.contactPhone().isBlank() || p.contactPhone().matches("\\+?[0-9 -]{6,31}"),
                "member.phone.invalid", String.valueOf(p.contactPhone()));
        DomainException.require(p.contactEmail() == null || p.contactEmail().isBlank() || p.contactEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                "cooperative.email.invalid", String.valueOf(p.contactEmail()));
        DomainException.require(p.fiscalYearStart() >= 1 && p.fiscalYearStart() <= 12, "cooperative.fiscal-year.invalid");
        DomainException.require("en".equals(p.defaultLocale()) || "id".equals(p.defaultLocale()),
                "cooperative.locale.invalid", String.valueOf(p.defaultLocale()));
        DomainException.require(p.duesDay() >= 1 && p.duesDay() <= 31, "cooperative.dues-day.invalid");
        DomainException.require(p.foundedOn() == null || p.foundedOn().getYear() >= 1900
                && !p.foundedOn().isAfter(LocalDate.now(ZoneOffset.ofHours(14))), "cooperative.founded-on.invalid");
        Cooperative current = byId(cooperativeId);
        // the district decides which district auditor sees the books: a chair cannot move hers out of view
        if (!Objects.equals(blankToNull(p.district()), current.district()) && !administers()) {
            throw DomainException.forbidden("cooperative.district.admin-only");
        }
        return dsl.update(COOPERATIVE)
                .set(COOPERATIVE.NAME, p.name().strip())
                .set(COOPERATIVE.LEGAL_NUMBER, blankToNull(p.legalNumber()))
                .set(COOPERATIVE.ADDRESS, blankToNull(p.address()))
                .set(COOPERATIVE.VILLAGE, blankToNull(p.village()))
                .set(COOPERATIVE.DISTRICT, blankToNull(p.district()))
                .set(COOPERATIVE.PROVINCE, blankToNull(p.province()))
                .set(COOPERATIVE.CONTACT_PHONE, blankToNull(p.contactPhone()))
                .set(COOPERATIVE.CONTACT_EMAIL, blankToNull(p.contactEmail()))
                .set(COOPERATIVE.FISCAL_YEAR_START, (short) p.fiscalYearStart())
                .set(COOPERATIVE.DEFAULT_LOCALE, p.defaultLocale())
                .set(COOPERATIVE.DUES_DAY, (short) p.duesDay())
                .set(COOPERATIVE.FOUNDED_ON, p.foundedOn())
                .where(COOPERATIVE.ID.eq(cooperativeId))
                .returning().fetchOne(CooperativeService::toCooperative);
    }

    /** The administrator, or Lumbung itself (sample data, imports). */
    private static boolean administers() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.equals("ROLE_ADMIN") || authority.equals("ROLE_SYSTEM"));
    }

    /** A profile text over its limit is refused with the field named, never cut. */
    private static void requireFits(@Nullable String text, int max, String field) {
        DomainException.require(text == null || text.strip().length() <= max, "cooperative." + field + ".too-long", max);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public List<Cooperative> list() {
        return dsl.selectFrom(COOPERATIVE).orderBy(COOPERATIVE.CODE).limit(MAX_LIST).fetch(CooperativeService::toCooperative);
    }

    public Optional<Cooperative> findByCode(String code) {
        return dsl.selectFrom(COOPERATIVE).where(COOPERATIVE.CODE.eq(code)).fetchOptional(CooperativeService::toCooperative);
    }

    public Cooperative byCode(String code) {
        return findByCode(code).orElseThrow(() -> DomainException.notFound("cooperative.not-found", code));
    }

    public Cooperative byId(long id) {
        return dsl.selectFrom(COOPERATIVE).where(COOPERATIVE.ID.eq(id)).fetchOptional(CooperativeService::toCooperative)
                .orElseThrow(() -> DomainException.notFound("cooperative.not-found", id));
    }

    public int count() {
        return dsl.fetchCount(COOPERATIVE);
    }

    private static Cooperative toCooperative(Record r) {
        return new Cooperative(r.get(COOPERATIVE.ID), r.get(COOPERATIVE.CODE), r.get(COOPERATIVE.NAME),
                r.get(COOPERATIVE.VILLAGE), r.get(COOPERATIVE.DISTRICT), r.get(COOPERATIVE.PROVINCE),
                r.get(COOPERATIVE.COUNTRY), r.get(COOPERATIVE.BASE_CURRENCY), r.get(COOPERATIVE.DEFAULT_LOCALE),
                r.get(COOPERATIVE.TIME_ZONE), r.get(COOPERATIVE.LEGAL_NUMBER), r.get(COOPERATIVE.ADDRESS),
                r.get(COOPERATIVE.CONTACT_PHONE), r.get(COOPERATIVE.CONTACT_EMAIL), r.get(COOPERATIVE.FISCAL_YEAR_START),
                r.get(COOPERATIVE.CHART_TEMPLATE), r.get(COOPERATIVE.DUES_DAY), r.get(COOPERATIVE.FOUNDED_ON));
    }
}
