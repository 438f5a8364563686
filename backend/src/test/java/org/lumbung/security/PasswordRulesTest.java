package org.lumbung.security;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    @Test
    void keepsOutTheWorstPasswords() {
        assertThatCode(() -> PasswordRules.check("siti", "padi-menguning-di-sawah")).doesNotThrowAnyException();
        refused("user.password.invalid", "siti", "pendek");
        refused("user.password.invalid", "siti", "x".repeat(129));
        refused("user.password.contains-username", "bendahara", "Bendahara2026!");
        refused("user.password.repeated", "siti", "aaaaaaaaaaaa");
    }

    private static void refused(String key, String username, String password) {
        assertThatThrownBy(() -> PasswordRules.check(username, password))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo(key));
    }
}
