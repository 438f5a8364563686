package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.Hashes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.lumbung.db.jooq.Tables.API_TOKEN;

/**
 * API tokens for integrations: {@code lbg_<8-character prefix>_<43-character secret>}, 256 random bits,
 * shown once at creation; the database keeps only the SHA-256 of the whole token (a random secret needs
 * no slow hash). A token acts as one role in one cooperative until an administrator revokes it.
 */
@Service
public class ApiTokens {

    public static final String SCHEME_PREFIX = "lbg_";
    /** How a token's requests are signed: "token:" and the token's prefix, never a person's username. */
    private static final String USERNAME_PREFIX = "token:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Role> TOKEN_ROLES = EnumSet.of(Role.CHAIR, Role.TREASURER, Role.AUDITOR);
    static final int MAX_TOKENS = 1_000;
    public static final int MAX_NAME = 100;

    /** A new token and, this one time, its secret. */
    public record Created(ApiToken token, String secret) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public ApiTokens(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @PreAuthorize("@access.may('MANAGE_API_TOKENS')")
    @Transactional
    public Created create(long cooperativeId, String name, Role role) {
        String createdBy = CurrentActor.name(); // who created it comes from the sign-in, never from the caller
        DomainException.require(name != null && !name.isBlank() && name.strip().length() <= MAX_NAME, "token.name.invalid");
        DomainException.require(role != null && TOKEN_ROLES.contains(role), "token.role.invalid");
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String prefix = HexFormat.of().formatHex(bytes, 0, 4);
        String secret = SCHEME_PREFIX + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Record r = dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.COOPERATIVE_ID, cooperativeId)
                .set(API_TOKEN.NAME, name.strip())
                .set(API_TOKEN.ROLE, role.name())
                .set(API_TOKEN.PREFIX, prefix)
                .set(API_TOKEN.SECRET_HASH, Hashes.sha256Hex(secret))
                .set(API_TOKEN.CREATED_BY, createdBy)
                .returning().fetchOne();
        return new Created(toToken(r), secret);
    }

    @PreAuthorize("@access.may('MANAGE_API_TOKENS')")
    @Transactional
    public void revoke(long tokenId) {
        // the application role may not update api_token: revoking goes through this function only
        Boolean revoked = dsl.select(DSL.field("lumbung_revoke_api_token({0}, {1})", Boolean.class, DSL.val(tokenId),
                DSL.val(Instant.now(clock).atOffset(ZoneOffset.UTC)))).fetchOne(0, Boolean.class);
        DomainException.require(Boolean.TRUE.equals(revoked), "token.not-found");
    }

    @PreAuthorize("@access.may('MANAGE_API_TOKENS')")
    public List<ApiToken> list() {
        return dsl.selectFrom(API_TOKEN).orderBy(API_TOKEN.ID.desc()).limit(MAX_TOKENS).fetch(ApiTokens::toToken);
    }

    /** Whether an actor's name is an API token's (an integration), not a person's. */
    public static boolean isToken(String username) {
        return username.startsWith(USERNAME_PREFIX);
    }

    /** The person a presented token stands for, if it is a live token. Called before anyone is signed in. */
    @Transactional
    public Optional<LumbungUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(SCHEME_PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Record r = dsl.selectFrom(API_TOKEN)
                .where(API_TOKEN.SECRET_HASH.eq(Hashes.sha256Hex(presented)).and(API_TOKEN.REVOKED_AT.isNull()))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        dsl.select(DSL.field("lumbung_api_token_used({0}, {1})", Boolean.class, DSL.val(r.get(API_TOKEN.ID)),
                DSL.val(Instant.now(clock).atOffset(ZoneOffset.UTC)))).fetch();
        UserAccount account = new UserAccount(-r.get(API_TOKEN.ID), r.get(API_TOKEN.COOPERATIVE_ID),
                USERNAME_PREFIX + r.get(API_TOKEN.PREFIX), r.get(API_TOKEN.NAME), Role.valueOf(r.get(API_TOKEN.ROLE)), "en", null, null,
                Set.of(), null, Set.of());
        return Optional.of(new LumbungUser(account, "", true, true));
    }

    private static ApiToken toToken(Record r) {
        return new ApiToken(r.get(API_TOKEN.ID), r.get(API_TOKEN.COOPERATIVE_ID), r.get(API_TOKEN.NAME),
                Role.valueOf(r.get(API_TOKEN.ROLE)), r.get(API_TOKEN.PREFIX), r.get(API_TOKEN.CREATED_BY),
                r.get(API_TOKEN.CREATED_AT).toInstant(),
                r.get(API_TOKEN.REVOKED_AT) == null ? null : r.get(API_TOKEN.REVOKED_AT).toInstant(),
                r.get(API_TOKEN.LAST_USED_AT) == null ? null : r.get(API_TOKEN.LAST_USED_AT).toInstant());
    }
}
