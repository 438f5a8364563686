package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.platform.DomainException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.lumbung.db.jooq.Tables.APP_USER;

/** Sign-ins of people: stored with an adaptive password hash, never the password itself. */
@Service
public class UserService implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 4;
    static final int MAX_PASSWORD_LENGTH = 128;

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;

    public UserService(DSLContext dsl, PasswordEncoder passwordEncoder) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public LumbungUser loadUserByUsername(String username) {
        Record r = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username == null ? "" : username.strip().toLowerCase()))
                .fetchOne();
        if (r == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new LumbungUser(toAccount(r), r.get(APP_USER.PASSWORD_HASH), r.get(APP_USER.ENABLED));
    }

    @Transactional
    public UserAccount create(NewUser user, String password) {
        DomainException.require(user.username() != null && user.username().matches("[a-z0-9._-]{3,64}"),
                "user.username.invalid", String.valueOf(user.username()));
        DomainException.require(user.fullName() != null && !user.fullName().isBlank() && user.fullName().length() <= 200,
                "user.full-name.invalid");
        DomainException.require(password != null && password.length() >= MIN_PASSWORD_LENGTH
                && password.length() <= MAX_PASSWORD_LENGTH, "user.password.invalid", MIN_PASSWORD_LENGTH);
        DomainException.require(user.role().spansCooperatives() || user.cooperativeId() != null,
                "user.cooperative.required");
        DomainException.require(!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(user.username())),
                "user.username.taken", user.username());
        Record r = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, user.username())
                .set(APP_USER.FULL_NAME, user.fullName().strip())
                .set(APP_USER.ROLE, user.role().name())
                .set(APP_USER.COOPERATIVE_ID, user.cooperativeId())
                .set(APP_USER.LOCALE, "en".equals(user.locale()) ? "en" : "id")
                .set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(password))
                .returning()
                .fetchOne();
        return toAccount(r);
    }

    /** Remembers the language a person chose, for their next sign-in. */
    @Transactional
    public void changeLocale(String username, String localeCode) {
        DomainException.require("en".equals(localeCode) || "id".equals(localeCode), "user.locale.invalid", localeCode);
        dsl.update(APP_USER).set(APP_USER.LOCALE, localeCode).where(APP_USER.USERNAME.eq(username)).execute();
    }

    public int count() {
        return dsl.fetchCount(APP_USER);
    }

    private static UserAccount toAccount(Record r) {
        return new UserAccount(r.get(APP_USER.ID), r.get(APP_USER.COOPERATIVE_ID), r.get(APP_USER.USERNAME),
                r.get(APP_USER.FULL_NAME), Role.valueOf(r.get(APP_USER.ROLE)), r.get(APP_USER.LOCALE));
    }
}
