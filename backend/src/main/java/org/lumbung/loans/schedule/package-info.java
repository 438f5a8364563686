/**
 * The loan calculation engine: schedules (flat, declining annuity, declining equal principal), day counts,
 * repayment allocation, late-payment penalties, payoff amounts and fees. Pure Java: no Spring, no database,
 * no clock; exact {@link java.math.BigDecimal} arithmetic with the currency always alongside and one rounding
 * rule ({@link org.lumbung.platform.money.Amounts#ROUNDING}). The loans themselves, the preview API and the
 * screens all compute through these classes, so a schedule shown is the schedule booked.
 */
@NullMarked
package org.lumbung.loans.schedule;

import org.jspecify.annotations.NullMarked;
