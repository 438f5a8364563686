package org.lumbung.cooperative;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.context.ApplicationEventPublisher;
import org.lumbung.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
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
    @PreAuthorize(Permissions.ADMINISTER)
    public Cooperative create(NewCooperative command) {
        validate(command);
        DomainException.require(!dsl.fetchExists(COOPERATIVE, COOPERATIVE.CODE.eq(command.code())),
                "cooperative.code.taken", command.code());
        Record created = dsl.insertInto(COOPERATIVE)
                .set(COOPERATIVE.CODE, command.code())
                .set(COOPERATIVE.NAME, command.name().strip())
                .set(COOPERATIVE.VILLAGE, command.village())
                .set(COOPERATIVE.DISTRICT, command.district())
                .set(COOPERATIVE.PROVINCE, command.province())
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
        Amounts.currency(c.baseCurrency());
        DomainException.require("en".equals(c.defaultLocale()) || "id".equals(c.defaultLocale()),
                "cooperative.locale.invalid", String.valueOf(c.defaultLocale()));
        try {
            ZoneId.of(c.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw DomainException.invalid("cooperative.timezone.invalid", String.valueOf(c.timeZone()));
        }
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
                r.get(COOPERATIVE.TIME_ZONE));
    }
}
