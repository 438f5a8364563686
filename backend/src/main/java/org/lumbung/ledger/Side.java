package org.lumbung.ledger;

/** Debit or credit: the side of a journal line. */
public enum Side {
    DEBIT("D"), CREDIT("C");

    private final String code;

    Side(String code) {
        this.code = code;
    }

    /** The one-letter form stored in journal_line.side and used in the canonical encoding. */
    public String code() {
        return code;
    }

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }

    public static Side ofCode(String code) {
        return "D".equals(code) ? DEBIT : CREDIT;
    }
}
