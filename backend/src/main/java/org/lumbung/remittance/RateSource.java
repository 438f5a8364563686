package org.lumbung.remittance;

/** Where a receipt's rate came from: entered with the receipt (the operator's rate), or the cooperative's dated rate. */
public enum RateSource {
    ENTERED, DATED
}
