package org.lumbung.cooperative;

import org.jspecify.annotations.Nullable;

/** The command to found a cooperative in Lumbung. */
public record NewCooperative(String code, String name, @Nullable String village, @Nullable String district,
                             @Nullable String province,
                             String country, String baseCurrency, String defaultLocale, String timeZone) {
}
