package org.lumbung.loans;

/** Why a member falls under the lower lending limit. */
public enum InsiderRelation {
    BOARD, SUPERVISOR, RELATIVE
}
