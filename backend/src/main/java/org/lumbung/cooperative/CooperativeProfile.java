package org.lumbung.cooperative;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * The editable part of a cooperative's profile; {@code duesDay} (1–31) is the day of the month by which a
 * month's mandatory dues fall due (a shorter month's last day for 29–31), {@code foundedOn} when it was founded.
 * The code, country, base currency and chart template are fixed at founding: the ledger's accounts and history
 * depend on them.
 */
public record CooperativeProfile(String name, @Nullable String legalNumber, @Nullable String address, @Nullable String village,
                                 @Nullable String district, @Nullable String province, @Nullable String contactPhone,
                                 @Nullable String contactEmail, int fiscalYearStart, String defaultLocale, int duesDay,
                                 @Nullable LocalDate foundedOn) {

    public static final int MAX_NAME = 200;
    public static final int MAX_LEGAL_NUMBER = 64;
    public static final int MAX_ADDRESS = 300;
    /** A village's, district's or province's name. */
    public static final int MAX_PLACE = 100;
    public static final int MAX_PHONE = 32;
    public static final int MAX_EMAIL = 120;
}
