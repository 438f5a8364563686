package org.lumbung.cooperative;

/** The command to found a cooperative in Lumbung. */
public record NewCooperative(String code, String name, String village, String district, String province,
                             String country, String baseCurrency, String defaultLocale, String timeZone) {
}
