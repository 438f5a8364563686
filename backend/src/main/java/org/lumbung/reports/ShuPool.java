package org.lumbung.reports;

/** The parts a year's surplus (SHU) is split into, in the order they are listed, posted and given remainders. */
public enum ShuPool {
    RESERVE("reserve"), CAPITAL("capital"), PATRONAGE("patronage"), BOARD("board"), STAFF("staff"),
    EDUCATION("education"), SOCIAL("social"), AREA_DEVELOPMENT("areaDevelopment");

    private final String key;

    ShuPool(String key) {
        this.key = key;
    }

    /** The pool's name in the API ({@code pools.areaDevelopment}) and, prefixed with {@code shu.pool.}, its translation key. */
    public String key() {
        return key;
    }
}
