package org.lumbung.savings;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posting periods the closing interest walks: every day falls in exactly one period, and the periods follow one
 * another without a gap or an overlap, for every posting frequency.
 */
class InterestPostingPropertiesTest {

    @Property(tries = 1000)
    void everyDayFallsInThePeriodThatEndsOnItsPeriodEnd(@ForAll("days") LocalDate day, @ForAll InterestPosting posting) {
        LocalDate end = posting.periodEndOf(day);
        assertThat(posting.isPeriodEnd(end)).as("%s ends a %s period", end, posting).isTrue();
        assertThat(posting.periodStart(end)).isBeforeOrEqualTo(day);
        assertThat(end).isAfterOrEqualTo(day);
    }

    @Property(tries = 1000)
    void theNextPeriodStartsTheDayAfterThePeriodEnds(@ForAll("days") LocalDate day, @ForAll InterestPosting posting) {
        LocalDate end = posting.periodEndOf(day);
        LocalDate next = posting.nextPeriodEnd(end);
        assertThat(posting.isPeriodEnd(next)).isTrue();
        assertThat(posting.periodStart(next)).isEqualTo(end.plusDays(1));
        assertThat(posting.periodEndOf(end.plusDays(1))).isEqualTo(next);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }
}
