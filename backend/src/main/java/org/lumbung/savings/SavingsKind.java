package org.lumbung.savings;

/**
 * The four kinds of savings of an Indonesian cooperative. Share capital (simpanan pokok) and mandatory
 * savings (simpanan wajib) are members' equity, part of the cooperative's own capital (modal sendiri):
 * not withdrawable while a member, the base of the capital share of the surplus (SHU). Voluntary
 * savings (simpanan sukarela) and time deposits (simpanan berjangka) are liabilities.
 */
public enum SavingsKind {
    SHARE("3100"), MANDATORY("3200"), VOLUNTARY("2100"), TIME_DEPOSIT("2200");

    private final String standardControlAccount;

    SavingsKind(String standardControlAccount) {
        this.standardControlAccount = standardControlAccount;
    }

    /** The control account of the standard chart that holds this kind's member accounts. */
    public String standardControlAccount() {
        return standardControlAccount;
    }

    /** Members' equity (modal sendiri): withdrawn only when the membership ends. */
    public boolean equity() {
        return this == SHARE || this == MANDATORY;
    }

    /** Every member has one account of this kind, opened at registration; time deposits are opened one by one. */
    public boolean openedAtRegistration() {
        return this != TIME_DEPOSIT;
    }
}
