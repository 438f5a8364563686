package org.lumbung.ui.remittance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corridors offered on the form, each with the currency its remittances usually come in. */
final class Corridors {

    static final Map<String, String> CURRENCY = currencies();

    private Corridors() {
    }

    private static Map<String, String> currencies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MY", "MYR");
        m.put("HK", "HKD");
        m.put("TW", "TWD");
        m.put("SA", "SAR");
        m.put("SG", "SGD");
        m.put("KR", "KRW");
        m.put("JP", "JPY");
        m.put("AE", "AED");
        m.put("QA", "QAR");
        m.put("US", "USD");
        return Collections.unmodifiableMap(m);
    }

    static List<String> codes() {
        return List.copyOf(CURRENCY.keySet());
    }

    static List<String> currencyCodes() {
        return CURRENCY.values().stream().distinct().toList();
    }
}
