package org.lumbung.cooperative;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A savings-and-credit cooperative: the tenant every business record belongs to, with its legal profile
 * (registration number, address, contact, the month its fiscal year starts), the chart template it
 * was founded with, the day of the month by which a month's mandatory dues fall due ({@code duesDay},
 * 31 = the last day) and the day it was founded ({@code foundedOn}, null when not known).
 */
public record Cooperative(long id, String code, String name, @Nullable String village, @Nullable String district,
                          @Nullable String province, String country, String baseCurrency, String defaultLocale, String timeZone,
                          @Nullable String legalNumber, @Nullable String address, @Nullable String contactPhone,
                          @Nullable String contactEmail, int fiscalYearStart, String chartTemplate, int duesDay,
                          @Nullable LocalDate foundedOn) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Today at the cooperative's office, which is what a booking date means. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone()));
    }
}
