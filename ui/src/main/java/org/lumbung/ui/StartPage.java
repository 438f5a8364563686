package org.lumbung.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A menu screen that is someone's home: whoever may not open the dashboard starts, after signing in, at the first
 * start page (in menu order) their role may open — a member at her own page, a federation at its member
 * cooperatives' console — and only without one at their first menu screen. A feature marks its own screen; no list
 * of roles and homes is kept anywhere.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StartPage {
}
