package org.lumbung.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The side navigation's group of a screen with {@code @Menu}, by the translation key of the group's title
 * (e.g. "nav.group.ledger"). Groups appear in the order of their first entry's {@code @Menu(order)};
 * a screen without a group stands above them (the dashboard, a member's own page).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuGroup {

    /** Translation key of the group's title; the same key puts screens of several features in one group. */
    String value();
}
