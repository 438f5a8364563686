package org.lumbung.ui.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may open a screen: the roles that have this ability in the access table
 * ({@link org.lumbung.security.AccessTable}), e.g. {@code @RequiresAbility("POST_ENTRY")}. Read by
 * {@link AbilityAccessChecker} for navigation, by the menu and by the access-matrix test; a screen without
 * it (or {@code @AnonymousAllowed}) is open to nobody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresAbility {

    /** The name of an {@link org.lumbung.security.Ability} declared by some feature. */
    String value();
}
