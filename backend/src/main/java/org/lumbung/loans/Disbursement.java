package org.lumbung.loans;

import java.time.LocalDate;

/** Paying out an approved loan on a date, in cash or into the linked savings account. */
public record Disbursement(LocalDate valueDate, Channel channel, String idempotencyKey) {
}
