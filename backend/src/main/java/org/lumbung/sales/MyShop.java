package org.lumbung.sales;

import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;

import static org.lumbung.db.jooq.Tables.SHOP_SALE;

/**
 * A member's own shop records, for her phone: her purchases (receipts, newest first) and what she owes on credit.
 * A member asking for another member's gets not-found; staff who read the shop see any member's.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class MyShop {

    public static final int MAX_PAGE = 100;

    private final SaleRows rows;
    private final AccessPolicy access;

    MyShop(SaleRows rows, AccessPolicy access) {
        this.rows = rows;
        this.access = access;
    }

    /** Her purchases and returns, newest first, each with its lines (what she bought). */
    public List<Sale> purchases(long cooperativeId, long memberId, int offset, int limit) {
        access.requireMemberRecord(memberId);
        DomainException.require(limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return rows.pageWithLines(cooperativeId, SHOP_SALE.MEMBER_ID.eq(memberId), offset, limit);
    }

    public int purchaseCount(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return rows.count(cooperativeId, SHOP_SALE.MEMBER_ID.eq(memberId));
    }

    /** A sale of hers with its lines. */
    public Sale purchase(long cooperativeId, long memberId, long saleId) {
        access.requireMemberRecord(memberId);
        Sale s = rows.sale(cooperativeId, saleId);
        if (s.memberId() == null || s.memberId() != memberId) {
            throw DomainException.notFound("sales.sale.not-found", saleId);
        }
        return s;
    }

    public BigDecimal owed(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return rows.owed(cooperativeId, memberId);
    }
}
