package org.lumbung.federation;

import org.jooq.DSLContext;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.COOPERATIVE_FEDERATION;
import static org.lumbung.db.jooq.Tables.FEDERATION;

/**
 * The federations and their member cooperatives, kept by the administrator. A cooperative belongs to one federation
 * at most. A federation's sign-in reads its members as of signing in (see {@code UserService}): a cooperative
 * assigned later shows after the next sign-in.
 */
@Service
@PreAuthorize("@access.may('MANAGE_FEDERATIONS')")
public class Federations {

    /** An installation serves a few federations, not thousands. */
    public static final int MAX_FEDERATIONS = 500;
    public static final int MAX_NAME = 200;

    private final DSLContext dsl;

    public Federations(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every federation, by code. */
    public List<Federation> list() {
        return dsl.selectFrom(FEDERATION).orderBy(FEDERATION.CODE).limit(MAX_FEDERATIONS)
                .fetch(r -> new Federation(r.getId(), r.getCode(), r.getName()));
    }

    public Federation byCode(String code) {
        return dsl.selectFrom(FEDERATION).where(FEDERATION.CODE.eq(code == null ? "" : code))
                .fetchOptional(r -> new Federation(r.getId(), r.getCode(), r.getName()))
                .orElseThrow(() -> DomainException.notFound("federation.not-found", String.valueOf(code)));
    }

    @Transactional
    public Federation create(String code, String name) {
        DomainException.require(code != null && code.matches("[a-z0-9][a-z0-9-]{1,15}"), "federation.code.invalid",
                String.valueOf(code));
        DomainException.require(name != null && !name.isBlank() && name.strip().length() <= MAX_NAME, "federation.name.invalid",
                MAX_NAME);
        DomainException.require(!dsl.fetchExists(FEDERATION, FEDERATION.CODE.eq(code)), "federation.code.taken", code);
        DomainException.require(dsl.fetchCount(FEDERATION) < MAX_FEDERATIONS, "federation.too-many", MAX_FEDERATIONS);
        var r = dsl.insertInto(FEDERATION).set(FEDERATION.CODE, code).set(FEDERATION.NAME, name.strip()).returning().fetchOne();
        return new Federation(r.getId(), r.getCode(), r.getName());
    }

    /** Makes the cooperative a member of the federation (leaving any other), or of none when {@code federationId} is empty. */
    @Transactional
    public void assign(long cooperativeId, Optional<Long> federationId) {
        DomainException.require(dsl.fetchExists(COOPERATIVE, COOPERATIVE.ID.eq(cooperativeId)), "cooperative.not-found",
                cooperativeId);
        federationId.ifPresent(id -> DomainException.require(dsl.fetchExists(FEDERATION, FEDERATION.ID.eq(id)),
                "federation.not-found", String.valueOf(id)));
        dsl.deleteFrom(COOPERATIVE_FEDERATION).where(COOPERATIVE_FEDERATION.COOPERATIVE_ID.eq(cooperativeId)).execute();
        federationId.ifPresent(id -> dsl.insertInto(COOPERATIVE_FEDERATION)
                .set(COOPERATIVE_FEDERATION.COOPERATIVE_ID, cooperativeId)
                .set(COOPERATIVE_FEDERATION.FEDERATION_ID, id)
                .set(COOPERATIVE_FEDERATION.ASSIGNED_BY, CurrentActor.name())
                .execute());
    }

    /** Each cooperative that belongs to a federation, with its federation's id. */
    public Map<Long, Long> memberships() {
        Map<Long, Long> memberships = new HashMap<>();
        dsl.select(COOPERATIVE_FEDERATION.COOPERATIVE_ID, COOPERATIVE_FEDERATION.FEDERATION_ID).from(COOPERATIVE_FEDERATION)
                .forEach(r -> memberships.put(r.value1(), r.value2()));
        return memberships;
    }
}
