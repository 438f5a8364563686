package org.lumbung.remittance;

/** How the money travelled home. */
public enum RemittanceChannel {
    BANK, MONEY_TRANSFER_OPERATOR, POST, HAND_CARRIED
}
