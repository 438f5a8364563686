package org.lumbung.remittance;

/**
 * How a remittance is booked. {@link #FOREIGN}: the money arrived as foreign currency (cash carried home, or into
 * the cooperative's foreign-currency account) and is held in that currency — a multi-currency entry. {@link
 * #CONVERTED}: a bank or an operator converted it and paid the cooperative's currency into its bank account; the
 * foreign amount, the rate and the fee stay on the receipt for the corridor reports.
 */
public enum RemittanceBooking {
    FOREIGN, CONVERTED;

    /** Cash carried home is always held in its currency; what a bank, an operator or the post sent arrives converted. */
    public static RemittanceBooking usualFor(RemittanceChannel channel) {
        return channel == RemittanceChannel.HAND_CARRIED ? FOREIGN : CONVERTED;
    }
}
