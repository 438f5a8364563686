package org.lumbung.remittance;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.ledger.GuardedPosting;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.Hashes;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.CurrentActor;
import org.lumbung.security.UserAccount;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.lumbung.db.jooq.Tables.REMITTANCE;

/**
 * Remittance receipts. One receipt is one balanced journal entry: the money that arrived (the bank account in the
 * cooperative's currency when a bank or an operator converted it; the foreign cash or account in its own currency
 * with the position accounts when it is held as it came) against where every part of it went (cash paid out,
 * the member's savings, a loan repayment, the cooperative's fee). Refused, with nothing booked, unless the parts
 * add up exactly to the amount received. Receipt numbers are gapless per cooperative; an idempotency key replays.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class RemittanceService {

    public static final int MAX_PAGE = 500;
    private static final int MAX_NOTE = 200;

    private final DSLContext dsl;
    private final LedgerService ledger;
    private final CooperativeService cooperatives;
    private final MemberService members;
    private final AccessPolicy access;
    private final RemittanceLegs legs;
    private final Clock clock;

    public RemittanceService(DSLContext dsl, LedgerService ledger, CooperativeService cooperatives, MemberService members,
                             AccessPolicy access, RemittanceLegs legs, Clock clock) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.cooperatives = cooperatives;
        this.members = members;
        this.access = access;
        this.legs = legs;
        this.clock = clock;
    }

    /** Books a remittance and its allocation; the same key with the same request answers the first receipt. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_REMITTANCE')")
    public RecordedRemittance record(long cooperativeId, NewRemittance r) {
        return book(cooperativeId, Collections.singletonList(r)).get(0);
    }

    /**
     * Books receipts of one cooperative together (a payday's list, an import): each checked and allocated as by
     * {@link #record}, each its own journal entry and receipt number, all posted in one batch of the ledger; all of them
     * or, if one is refused, none. A request already booked under its key answers its first receipt.
     */
    @Transactional
    @PreAuthorize("@access.may('RECORD_REMITTANCE')")
    public List<RecordedRemittance> recordAll(long cooperativeId, List<NewRemittance> batch) {
        DomainException.require(batch != null && !batch.isEmpty() && batch.size() <= LedgerLimits.MAX_BATCH_ENTRIES,
                "remittance.batch.size", LedgerLimits.MAX_BATCH_ENTRIES);
        return book(cooperativeId, batch);
    }

    /**
     * A repayment is split on the loan as it stands: two of one loan, in one receipt or in one batch, would both split
     * the same instalment.
     */
    private static void requireOneRepaymentPerLoan(List<NewRemittance> batch) {
        List<String> loans = batch.stream().filter(Objects::nonNull).flatMap(r -> r.allocations().stream())
                .filter(a -> a != null && a.kind() == AllocationKind.LOAN_REPAYMENT && a.account() != null)
                .map(a -> a.account().strip()).toList();
        DomainException.require(loans.size() == new HashSet<>(loans).size(), "remittance.same-loan");
    }

    /** A receipt ready to post: its header, its parts and its guarded entry. */
    private record Prepared(RemittanceRows.Header header, List<RemittanceLegs.Part> parts, GuardedPosting posting) {
    }

    private List<RecordedRemittance> book(long cooperativeId, List<NewRemittance> batch) {
        requireOneRepaymentPerLoan(batch);
        Cooperative c = cooperatives.byId(cooperativeId);
        RecordedRemittance[] out = new RecordedRemittance[batch.size()];
        List<Integer> fresh = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewRemittance r = batch.get(i);
            DomainException.require(r != null, "remittance.missing");
            DomainException.require(r.idempotencyKey() != null && r.idempotencyKey().matches("[A-Za-z0-9._:-]{8,80}"),
                    "remittance.key.missing");
            String hash = requestHash(r);
            var earlier = RemittanceRows.byKey(dsl, cooperativeId, r.idempotencyKey());
            if (earlier.isPresent()) {
                out[i] = replay(cooperativeId, earlier.get(), hash);
            } else {
                fresh.add(i);
                prepared.add(prepare(c, r, hash));
            }
        }
        if (!prepared.isEmpty()) {
            List<PostingResult> posted = ledger.postBatchGuarded(prepared.stream().map(Prepared::posting).toList());
            for (int j = 0; j < prepared.size(); j++) {
                out[fresh.get(j)] = recorded(cooperativeId, prepared.get(j), posted.get(j));
            }
        }
        return List.of(out);
    }

    /** Checks a new receipt and builds its entry: where the money arrived and where each part of it went. */
    private Prepared prepare(Cooperative c, NewRemittance r, String hash) {
        Member m = receiver(c.id(), r.memberId());
        RemittanceRows.Header h = header(c, m, r, hash);
        List<BigDecimal> amounts = AllocationRules.check(r.allocations(), h.receivedAmount(), h.receivedCurrency());
        List<RemittanceLegs.Part> parts = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            parts.add(legs.part(c, m, i + 1, r.allocations().get(i), amounts.get(i), h.receivedOn(), r.idempotencyKey(),
                    statementNote(h)));
        }
        List<PostingLine> lines = new ArrayList<>(legs.arrival(c, h));
        parts.forEach(p -> lines.addAll(p.lines()));
        PostingRequest request = new PostingRequest(c.id(), "remit:" + r.idempotencyKey(), h.receivedOn(), description(h, m),
                "REMITTANCE", m.displayNumber(), lines, CurrentActor.name());
        return new Prepared(h, parts, new GuardedPosting(request,
                parts.stream().map(RemittanceLegs.Part::rule).reduce(Precondition.NONE, Precondition::and)));
    }

    private RecordedRemittance recorded(long cooperativeId, Prepared p, PostingResult posted) {
        if (posted.replayed()) {
            // the ledger saw the key from a request still committing: the client asks again and gets the receipt
            throw DomainException.conflict("remittance.key.in-flight");
        }
        long id = RemittanceRows.insert(dsl, p.header(), posted.entry().id(),
                p.parts().stream().map(RemittanceLegs.Part::allocation).toList(), CurrentActor.name());
        p.parts().forEach(part -> part.posted().accept(posted.entry().id()));
        return new RecordedRemittance(remittance(cooperativeId, id), posted.entry().sequence(), false);
    }

    private RecordedRemittance replay(long cooperativeId, Map.Entry<Long, String> earlier, String hash) {
        if (!earlier.getValue().equals(hash)) {
            throw DomainException.conflict("remittance.key.used-for-other");
        }
        Remittance first = remittance(cooperativeId, earlier.getKey());
        return new RecordedRemittance(first, ledger.entry(cooperativeId, first.journalEntryId()).sequence(), true);
    }

    /** The member the money is for: active or suspended (a suspended member's family still receives). */
    private Member receiver(long cooperativeId, long memberId) {
        Member m = members.member(cooperativeId, memberId);
        DomainException.require(m.status() == MemberStatus.ACTIVE || m.status() == MemberStatus.SUSPENDED,
                "remittance.member.not-active", m.displayNumber());
        return m;
    }

    /** Everything of the receipt that is checked without the allocation: the edge where the data enters. */
    private RemittanceRows.Header header(Cooperative c, Member m, NewRemittance r, String hash) {
        DomainException.require(r.receivedOn() != null, "remittance.date.missing");
        DomainException.require(!r.receivedOn().isAfter(c.today(clock)), "remittance.date.future", r.receivedOn());
        DomainException.require(r.corridor() != null && r.corridor().matches("[A-Z]{2}") && !r.corridor().equals(c.country()),
                "remittance.corridor.invalid", String.valueOf(r.corridor()));
        DomainException.require(r.channel() != null, "remittance.channel.missing");
        RemittanceBooking booking = r.booking() == null ? RemittanceBooking.usualFor(r.channel()) : r.booking();
        DomainException.require(booking == RemittanceBooking.FOREIGN || r.channel() != RemittanceChannel.HAND_CARRIED,
                "remittance.booking.hand-carried");
        String currency = Amounts.currency(r.sentCurrency()).getCurrencyCode();
        DomainException.require(!currency.equals(c.baseCurrency()), "remittance.currency.own", currency);
        BigDecimal sent = Amounts.requireEntered(r.sentAmount(), currency);
        BigDecimal fee = fee(r.fee(), currency);
        DomainException.require(r.note() == null || r.note().length() <= MAX_NOTE, "remittance.note.too-long", MAX_NOTE);
        AppliedRate rate = r.rate() != null
                ? new AppliedRate(ExchangeRateService.requireRate(r.rate()), r.receivedOn(), RateSource.ENTERED)
                : legs.datedRate(c.id(), currency, r.receivedOn());
        BigDecimal received = RemittanceConversion.received(sent, rate.rate(), c.baseCurrency());
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        return new RemittanceRows.Header(c.id(), m.id(), r.receivedOn(), r.corridor(), r.channel(), booking, currency, sent, fee,
                rate, c.baseCurrency(), received, note, r.idempotencyKey(), hash);
    }

    /** The sender's fee: zero or a positive amount with at most the sent currency's minor units. */
    private static BigDecimal fee(@Nullable BigDecimal fee, String currency) {
        DomainException.require(fee != null, "remittance.fee.missing");
        return fee.signum() == 0 ? BigDecimal.ZERO.setScale(Amounts.minorUnits(currency))
                : Amounts.requireEntered(fee, currency);
    }

    /** The sealed description's code form: REMITTANCE MY HAND_CARRIED MYR 1234.56 00042. */
    private static String description(RemittanceRows.Header h, Member m) {
        return "REMITTANCE %s %s %s %s %s".formatted(h.corridor(), h.channel().name(), h.sentCurrency(),
                h.sentAmount().toPlainString(), m.displayNumber());
    }

    /** What a savings part shows on the member's savings statement, beside its source: MY · MYR 1234.56. */
    private static String statementNote(RemittanceRows.Header h) {
        return "%s · %s %s".formatted(h.corridor(), h.sentCurrency(), Amounts.shown(h.sentAmount()));
    }

    /** What makes two requests the same request: every field as entered, amounts compared by value. */
    static String requestHash(NewRemittance r) {
        StringBuilder s = new StringBuilder().append(r.memberId()).append('|').append(r.receivedOn()).append('|')
                .append(r.corridor()).append('|').append(r.channel()).append('|').append(r.booking()).append('|')
                .append(r.sentCurrency()).append('|').append(plain(r.sentAmount())).append('|').append(plain(r.fee()))
                .append('|').append(plain(r.rate())).append('|').append(r.note());
        r.allocations().forEach(a -> s.append('|').append(a == null ? null : a.kind()).append(':')
                .append(a == null ? null : plain(a.amount())).append(':').append(a == null ? null : a.account()));
        return Hashes.sha256Hex(s.toString());
    }

    private static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "-" : Amounts.shown(amount.stripTrailingZeros());
    }

    // --- reading -----------------------------------------------------------------------------------

    public Remittance remittance(long cooperativeId, long id) {
        Remittance r = RemittanceRows.find(dsl, REMITTANCE.COOPERATIVE_ID.eq(cooperativeId).and(REMITTANCE.ID.eq(id)), 0, 1)
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("remittance.not-found", id));
        access.requireMemberRecord(r.memberId());
        return r;
    }

    /** Receipts received from..to (either may be null), of one member or all, newest first. */
    public List<Remittance> remittances(long cooperativeId, RemittanceFilter filter, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return RemittanceRows.find(dsl, where(cooperativeId, filter), offset, limit);
    }

    public int count(long cooperativeId, RemittanceFilter filter) {
        return RemittanceRows.count(dsl, where(cooperativeId, filter));
    }

    /** Staff read every receipt of their cooperative (row-level security); a member only her own. */
    private Condition where(long cooperativeId, RemittanceFilter filter) {
        access.currentUser().filter(UserAccount::isMember).ifPresent(u -> {
            DomainException.require(filter.memberId() != null, "remittance.member.required");
            access.requireMemberRecord(filter.memberId());
        });
        Condition where = REMITTANCE.COOPERATIVE_ID.eq(cooperativeId);
        if (filter.from() != null) {
            where = where.and(REMITTANCE.RECEIVED_ON.ge(filter.from()));
        }
        if (filter.to() != null) {
            where = where.and(REMITTANCE.RECEIVED_ON.le(filter.to()));
        }
        return filter.memberId() == null ? where : where.and(REMITTANCE.MEMBER_ID.eq(filter.memberId()));
    }

    /** The full names of the listed receipts' members, in one query (a list never asks once per row). */
    public Map<Long, String> memberNames(long cooperativeId, List<Remittance> listed) {
        List<Long> ids = listed.stream().map(Remittance::memberId).distinct().toList();
        ids.forEach(access::requireMemberRecord);
        return ids.isEmpty() ? Map.of() : dsl.select(MEMBER.ID, MEMBER.FULL_NAME).from(MEMBER)
                .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.ID.in(ids))).fetchMap(MEMBER.ID, MEMBER.FULL_NAME);
    }

    /** Today at the cooperative, for forms that default the date. */
    public LocalDate today(long cooperativeId) {
        return cooperatives.byId(cooperativeId).today(clock);
    }
}
