package org.lumbung.reports;

import java.math.BigDecimal;

/**
 * A member's share of a year's surplus: her capital base (pokok + wajib) and patronage base, and what they earn —
 * jasa modal from the capital pool, jasa usaha from the patronage pool.
 */
public record MemberShare(long memberId, int memberNumber, String fullName, BigDecimal capitalBase,
                          BigDecimal patronageBase, BigDecimal jasaModal, BigDecimal jasaUsaha) {

    public BigDecimal total() {
        return jasaModal.add(jasaUsaha);
    }
}
