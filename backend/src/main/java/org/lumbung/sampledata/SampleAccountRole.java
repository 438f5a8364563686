package org.lumbung.sampledata;

import org.lumbung.ledger.AccountRole;

/** The accounts the sample cooperative's general journal uses besides cash and bank. */
public enum SampleAccountRole implements AccountRole {
    /** Grants and donated capital. */
    GRANTS_RECEIVED,
    /** Operating expenses. */
    OPERATING_EXPENSES
}
