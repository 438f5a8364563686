package org.lumbung.savings;

/**
 * The four kinds of savings of an Indonesian cooperative. Share capital (simpanan pokok) and mandatory
 * savings (simpanan wajib) are members' equity, part of the cooperative's own capital (modal sendiri):
 * not withdrawable while a member, the base of the capital share of the surplus (SHU). Voluntary
 * savings (simpanan sukarela) and time deposits (simpanan berjangka) are liabilities.
 */
public enum SavingsKind {
    SHARE(SavingsAccountRole.MEMBER_SHARE_CAPITAL), MANDATORY(SavingsAccountRole.MEMBER_MANDATORY_SAVINGS),
    VOLUNTARY(SavingsAccountRole.MEMBER_VOLUNTARY_SAVINGS), TIME_DEPOSIT(SavingsAccountRole.TIME_DEPOSITS);

    private final SavingsAccountRole controlAccount;

    SavingsKind(SavingsAccountRole controlAccount) {
        this.controlAccount = controlAccount;
    }

    /** The account role of the chart's control account that holds this kind's member accounts. */
    public SavingsAccountRole controlAccount() {
        return controlAccount;
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
