package org.lumbung.loans;

/** A member under the insiders' lower lending limit, and why (board, supervisor, a relation of one). */
public record Insider(long memberId, int memberNumber, String fullName, InsiderRelation relation, String recordedBy) {
}
