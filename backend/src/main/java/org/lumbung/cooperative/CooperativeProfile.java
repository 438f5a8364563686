package org.lumbung.cooperative;

/**
 * The editable part of a cooperative's profile. The code, country, base currency and chart template are
 * fixed at founding: the ledger's accounts and history depend on them.
 */
public record CooperativeProfile(String name, String legalNumber, String address, String village, String district,
                                 String province, String contactPhone, String contactEmail, int fiscalYearStart,
                                 String defaultLocale) {
}
