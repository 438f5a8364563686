package org.lumbung.cooperative;

/**
 * The editable part of a cooperative's profile; {@code duesDay} (1–31) is the day of the month by which a
 * month's mandatory dues fall due (a shorter month's last day for 29–31), {@code foundedOn} when it was founded. The code, country, base currency and chart template are
 * fixed at founding: the ledger's accounts and history depend on them.
 */
public record CooperativeProfile(String name, String legalNumber, String address, String village, String district,
                                 String province, String contactPhone, String contactEmail, int fiscalYearStart,
                                 String defaultLocale, int duesDay, java.time.LocalDate foundedOn) {
}
