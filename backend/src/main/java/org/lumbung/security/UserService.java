package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.Startup;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.lumbung.db.jooq.Tables.APP_USER;

/** Sign-ins of people: stored with an adaptive password hash, never the password itself. */
@Service
public class UserService implements UserDetailsService, UserDetailsPasswordService {

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AccessPolicy access;
    /** An installation has dozens of staff sign-ins, not thousands (members sign in with PINs). */
    static final int MAX_USERS = 2_000;
    public static final int MAX_USERNAME = 64;
    public static final int MAX_FULL_NAME = 200;

    private final Startup startup;

    public UserService(DSLContext dsl, PasswordEncoder passwordEncoder, Clock clock, AccessPolicy access,
                       Startup startup) {
        this.access = access;
        this.startup = startup;
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public LumbungUser loadUserByUsername(String username) {
        Record r = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username == null ? "" : username.strip().toLowerCase()))
                .fetchOne();
        if (r == null) {
            throw new UsernameNotFoundException("no such user");
        }
        OffsetDateTime lockedUntil = r.get(APP_USER.LOCKED_UNTIL);
        boolean unlocked = lockedUntil == null || lockedUntil.toInstant().isBefore(Instant.now(clock));
        return new LumbungUser(toAccount(r), r.get(APP_USER.PASSWORD_HASH), r.get(APP_USER.ENABLED), unlocked);
    }

    /**
     * Called at a successful sign-in whose stored hash is of an earlier kind ({bcrypt}): stores the
     * current kind, computed from the password just proven.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, newEncodedPassword)
                .where(APP_USER.USERNAME.eq(user.getUsername())).execute();
        return loadUserByUsername(user.getUsername());
    }

    /**
     * Gives a member their sign-in, or a new PIN: the username is the cooperative's code and the member
     * number ("ngrupit-42"), the PIN six digits ({@link PasswordRules#checkPin}). Called by the members
     * feature, which knows the member; returns the username to tell them.
     */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_MEMBER_SIGN_IN')")
    public String setMemberPin(long cooperativeId, String cooperativeCode, long memberId, int memberNumber,
                               String fullName, String locale, String pin) {
        PasswordRules.checkPin(pin);
        String username = cooperativeCode + "-" + memberNumber;
        int updated = dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(pin))
                .set(APP_USER.ENABLED, true).set(APP_USER.FAILED_SIGN_INS, 0).setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.MEMBER_ID.eq(memberId).and(APP_USER.COOPERATIVE_ID.eq(cooperativeId))).execute();
        if (updated == 0) {
            insert(new NewUser(username, fullName, Role.MEMBER, cooperativeId, locale, null), pin, memberId);
        }
        return username;
    }

    /** A member changes their own PIN, proving the current one. */
    @Transactional
    @PreAuthorize("@access.may('CHANGE_OWN_PIN')")
    public void changeOwnPin(String currentPin, String newPin) {
        UserAccount me = access.requireUser();
        String hash = dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(me.id())).fetchOne(APP_USER.PASSWORD_HASH);
        DomainException.require(currentPin != null && hash != null && passwordEncoder.matches(currentPin, hash), "user.pin.wrong");
        PasswordRules.checkPin(newPin);
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(newPin)).where(APP_USER.ID.eq(me.id())).execute();
    }

    /** An exited member can no longer sign in; their history stays readable by the cooperative. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_MEMBER_SIGN_IN')")
    public void disableMemberSignIn(long cooperativeId, long memberId) {
        dsl.update(APP_USER).set(APP_USER.ENABLED, false)
                .where(APP_USER.MEMBER_ID.eq(memberId).and(APP_USER.COOPERATIVE_ID.eq(cooperativeId))).execute();
    }

    /**
     * A person's sign-in; the password must follow {@link PasswordRules}. Administrators give any role;
     * a chair gives sign-ins of their own cooperative only, and never an administrator's or an auditor's.
     */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_USERS')")
    public UserAccount create(NewUser user, String password) {
        requireManages(user.role(), user.cooperativeId());
        DomainException.require(user.role() != Role.MEMBER, "user.member.required");
        PasswordRules.check(user.username(), password);
        return insert(user, password, null);
    }

    /** The staff sign-ins an administrator (all) or a chair (their cooperative's) manages, by username. */
    @PreAuthorize("@access.may('MANAGE_USERS')")
    public List<StaffSignIn> users() {
        Optional<UserAccount> chair = access.currentUser().filter(u -> u.role() == Role.CHAIR);
        var condition = APP_USER.ROLE.ne(Role.MEMBER.name()).and(chair.isPresent()
                ? APP_USER.COOPERATIVE_ID.eq(chair.get().cooperativeId()) : DSL.noCondition());
        return dsl.selectFrom(APP_USER).where(condition).orderBy(APP_USER.USERNAME).limit(MAX_USERS)
                .fetch(r -> new StaffSignIn(toAccount(r), r.get(APP_USER.ENABLED)));
    }

    /** Switches a sign-in off (someone left the office) or on again; nobody switches off themselves. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_USERS')")
    public void setEnabled(long userId, boolean enabled) {
        UserAccount target = dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(this::toAccount)
                .orElseThrow(() -> DomainException.notFound("user.not-found", userId));
        requireManages(target.role(), target.cooperativeId());
        DomainException.require(access.currentUser().map(u -> u.id() != target.id()).orElse(true), "user.self");
        dsl.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(userId)).execute();
    }

    /** Method security let in administrators, chairs and the system; a chair is limited further here. */
    private void requireManages(Role role, @Nullable Long cooperativeId) {
        Optional<UserAccount> chair = access.currentUser().filter(u -> u.role() == Role.CHAIR);
        if (chair.isPresent()) {
            UserAccount me = chair.get();
            DomainException.require(role == Role.CHAIR || role == Role.TREASURER || role == Role.MEMBER, "user.role.not-yours",
                    role.name());
            if (cooperativeId == null || !cooperativeId.equals(me.cooperativeId())) {
                throw DomainException.notFound("user.not-found", String.valueOf(cooperativeId));
            }
        }
    }

    /**
     * The first administrator of an empty installation. Refused once anyone can sign in: after that,
     * administrators create users. Registrations are serialised so two browsers cannot both win.
     */
    @Transactional
    public UserAccount createFirstAdministrator(String username, String fullName, String password) {
        dsl.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.inline(42_000_001L))).fetch();
        DomainException.require(!startup.starting(), "user.setup.starting");
        DomainException.require(count() == 0, "user.setup.done");
        return create(new NewUser(username, fullName, Role.ADMIN, null, "id", null), password);
    }

    /**
     * A demo sign-in of the sample data, whose documented password ("demo") is deliberately short.
     * Only the sample-data loader calls this; an installation without sample data has no such users.
     */
    @Transactional
    public UserAccount createDemo(NewUser user, String password) {
        return insert(user, password, null);
    }

    private UserAccount insert(NewUser user, String password, @Nullable Long memberId) {
        DomainException.require(user.username() != null && user.username().matches("[a-z0-9._-]{3,64}"),
                "user.username.invalid", String.valueOf(user.username()));
        DomainException.require(user.fullName() != null && !user.fullName().isBlank() && user.fullName().strip().length() <= MAX_FULL_NAME,
                "user.full-name.invalid");
        DomainException.require(password != null && !password.isEmpty() && password.length() <= PasswordRules.MAX_LENGTH,
                "user.password.invalid", PasswordRules.MIN_LENGTH);
        DomainException.require(user.role().spansCooperatives() || user.cooperativeId() != null,
                "user.cooperative.required");
        DomainException.require((user.role() == Role.AUDITOR) == (user.district() != null && !user.district().isBlank()),
                "user.district.required");
        DomainException.require((user.role() == Role.FEDERATION) == (user.federationId() != null), "user.federation.required");
        DomainException.require((user.role() == Role.MEMBER) == (memberId != null), "user.member.required");
        DomainException.require(!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(user.username())),
                "user.username.taken", user.username());
        Record r = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, user.username())
                .set(APP_USER.FULL_NAME, user.fullName().strip())
                .set(APP_USER.ROLE, user.role().name())
                .set(APP_USER.COOPERATIVE_ID, user.cooperativeId())
                .set(APP_USER.LOCALE, "en".equals(user.locale()) ? "en" : "id")
                .set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(password))
                .set(APP_USER.MEMBER_ID, memberId)
                .set(APP_USER.DISTRICT, user.district() == null ? null : user.district().strip())
                .set(APP_USER.FEDERATION_ID, user.federationId())
                .returning()
                .fetchOne();
        return toAccount(r);
    }

    /** Remembers the language a person chose, for their next sign-in. */
    @Transactional
    @PreAuthorize("@access.may('SIGNED_IN')")
    public void changeLocale(String username, String localeCode) {
        // everyone chooses their own language, nobody another person's
        DomainException.require(access.currentUser().map(u -> u.username().equals(username)).orElse(true), "user.not-found", username);
        DomainException.require("en".equals(localeCode) || "id".equals(localeCode), "user.locale.invalid", localeCode);
        dsl.update(APP_USER).set(APP_USER.LOCALE, localeCode).where(APP_USER.USERNAME.eq(username)).execute();
    }

    /**
     * The name a person is shown by on what Lumbung prints and shows ("Sri Rahayu", not "treasurer"); the
     * user name itself for a name that is no person's sign-in ({@code system}, an API token).
     */
    @PreAuthorize("@access.may('SIGNED_IN')")
    public String displayName(String username) {
        return dsl.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.FULL_NAME).orElse(username);
    }

    public int count() {
        return dsl.fetchCount(APP_USER);
    }

    private UserAccount toAccount(Record r) {
        String district = r.get(APP_USER.DISTRICT);
        Long federation = r.get(APP_USER.FEDERATION_ID);
        return new UserAccount(r.get(APP_USER.ID), r.get(APP_USER.COOPERATIVE_ID), r.get(APP_USER.USERNAME),
                r.get(APP_USER.FULL_NAME), Role.valueOf(r.get(APP_USER.ROLE)), r.get(APP_USER.LOCALE),
                r.get(APP_USER.MEMBER_ID), district, district == null ? Set.of() : districtCooperatives(district),
                federation, federation == null ? Set.of() : federationCooperatives(federation));
    }

    /**
     * The cooperatives of a district, read at sign-in through a security-definer function (the auditor's
     * own scope is not set yet, and row-level security would hide them).
     */
    private Set<Long> districtCooperatives(String district) {
        return ids(dsl.select(DSL.field("lumbung_district_cooperatives({0})", String.class,
                DSL.val(district))).fetchOne(0, String.class));
    }

    /** A federation's member cooperatives, read at sign-in like a district's (security definer, before the scope is set). */
    private Set<Long> federationCooperatives(long federation) {
        return ids(dsl.select(DSL.field("lumbung_federation_cooperatives({0})", String.class,
                DSL.val(federation))).fetchOne(0, String.class));
    }

    private static Set<Long> ids(String ids) {
        return ids == null || ids.isEmpty() ? Set.of()
                : Arrays.stream(ids.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
