package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every shop event shares: its idempotency key checked, its value date checked, the accounts of its roles
 * (opened from the template when the cooperative's chart predates the shop), the journal entry posted in the
 * event's transaction, and gapless numbers per cooperative.
 */
@Component
class ShopBooking {

    static final String KEY_PATTERN = "[A-Za-z0-9._:-]{8,80}";
    static final int MAX_NOTE = 200;

    private final DSLContext dsl;
    private final LedgerService ledger;
    private final ChartOfAccounts chart;
    private final CooperativeService cooperatives;
    private final Clock clock;

    ShopBooking(DSLContext dsl, LedgerService ledger, ChartOfAccounts chart, CooperativeService cooperatives, Clock clock) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.chart = chart;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    static void requireKey(String key) {
        DomainException.require(key != null && key.matches(KEY_PATTERN), "sales.key.missing");
    }

    static @Nullable String note(@Nullable String note) {
        DomainException.require(note == null || note.length() <= MAX_NOTE, "sales.note.too-long", MAX_NOTE);
        return note == null || note.isBlank() ? null : note.strip();
    }

    Cooperative cooperative(long cooperativeId) {
        return cooperatives.byId(cooperativeId);
    }

    /** A value date is given, not in the future at the cooperative, and at most a year back. */
    LocalDate valueDate(Cooperative c, @Nullable LocalDate valueDate) {
        LocalDate today = c.today(clock);
        LocalDate date = valueDate == null ? today : valueDate;
        DomainException.require(!date.isAfter(today), "sales.value-date.future", date);
        DomainException.require(!date.isBefore(today.minusYears(2)), "sales.value-date.too-old", date);
        return date;
    }

    String code(long cooperativeId, SalesAccountRole role) {
        return chart.account(cooperativeId, role).code();
    }

    /**
     * For reading (an auditor may not open accounts): the code of the role's account, or empty when a chart that
     * predates the shop has not opened it yet.
     */
    Optional<String> existingCode(long cooperativeId, SalesAccountRole role) {
        String code = chart.code(cooperativeId, role);
        return chart.find(cooperativeId, code).map(Account::code);
    }

    String cash(long cooperativeId) {
        return chart.code(cooperativeId, LedgerAccountRole.CASH);
    }

    /** The member's own sub-account under the role's control account (e.g. 1410.00042), opened on first use. */
    String memberCode(long cooperativeId, SalesAccountRole role, Member m) {
        return chart.memberAccount(cooperativeId, code(cooperativeId, role), m.id(), m.memberNumber(), m.fullName()).code();
    }

    PostingResult post(long cooperativeId, String key, LocalDate valueDate, String description, String ref,
                       List<PostingLine> lines, Precondition rule) {
        String d = description.length() <= 200 ? description : description.substring(0, 200);
        return ledger.post(new PostingRequest(cooperativeId, "shop:" + key, valueDate, d, "SHOP", ref,
                withoutZeroLines(lines), CurrentActor.name()), rule);
    }

    /** A sale of goods that cost nothing yet (stock received at no cost) has no cost lines. */
    private static List<PostingLine> withoutZeroLines(List<PostingLine> lines) {
        List<PostingLine> kept = new ArrayList<>();
        for (PostingLine l : lines) {
            if (l.amount().signum() != 0) {
                kept.add(l);
            }
        }
        return kept;
    }

    /**
     * The next number of a gapless series per cooperative (receipts, purchases): a transaction-scoped advisory
     * lock serialises numbering, and a refused event rolls its number back with it.
     */
    int next(long cooperativeId, int series, Table<?> table, Field<Integer> number,
             Field<Long> cooperative) {
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(series), DSL.val((int) cooperativeId))).fetch();
        return dsl.select(DSL.coalesce(DSL.max(number), 0)).from(table).where(cooperative.eq(cooperativeId))
                .fetchOne(0, Integer.class) + 1;
    }

    static BigDecimal positive(BigDecimal a) {
        return a.signum() > 0 ? a : BigDecimal.ZERO;
    }
}
