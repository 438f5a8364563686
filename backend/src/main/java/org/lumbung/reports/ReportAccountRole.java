package org.lumbung.reports;

import org.lumbung.ledger.AccountRole;

/** The reports feature's accounts in a chart template (codes in {@code roles/reports.properties}). */
public enum ReportAccountRole implements AccountRole {
    /** SHU tahun berjalan: the year's surplus, where the year-end close brings income less expenses. */
    CURRENT_SURPLUS,
    /** Cadangan: the reserve part of a distributed surplus. */
    RESERVES,
    /** Dana SHU bagian anggota: members' shares of a surplus, payable until paid out. */
    MEMBERS_SHU_PAYABLE,
    /** Dana pengurus: the board's part of a distributed surplus. */
    BOARD_FUND,
    /** Dana karyawan: the staff's part. */
    STAFF_FUND,
    /** Dana pendidikan: the education fund. */
    EDUCATION_FUND,
    /** Dana sosial: the social fund. */
    SOCIAL_FUND,
    /** Dana pembangunan daerah kerja: the area-development fund. */
    AREA_DEVELOPMENT_FUND,
    /** Aset tetap: bought with cash, an investing flow of the cash flow statement. */
    FIXED_ASSETS,
    /** Akumulasi penyusutan: depreciation, a cost that moves no cash (added back in the cash flow). */
    ACCUMULATED_DEPRECIATION,
    /**
     * Penyisihan piutang tak tertagih as the statements read it (the loans feature posts to it by its own roles): a
     * cost that moves no cash, and the provisions of PEARLS P1/P2.
     */
    ALLOWANCE_FOR_LOAN_LOSSES,
    /** Utang lain-lain: a short-term payable of PEARLS L1. */
    OTHER_PAYABLES,
    /** Utang kiriman uang anggota: remittances waiting to be paid out, a short-term payable of PEARLS L1. */
    MEMBER_REMITTANCES_PAYABLE
}
