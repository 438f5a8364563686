package org.lumbung.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** The signed-in principal: Spring Security's user plus who they are in Lumbung. */
public class LumbungUser extends User {

    private final UserAccount account;

    public LumbungUser(UserAccount account, String passwordHash, boolean enabled, boolean accountNonLocked) {
        super(account.username(), passwordHash, enabled, true, true, accountNonLocked,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.account = account;
    }

    public UserAccount account() {
        return account;
    }
}
