package org.lumbung.reports;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.savings.DepositSource;
import org.lumbung.savings.LinkedDeposit;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SHU_PAYOUT;

/**
 * Pays a member her share of a year's SHU out of the payable (Dana SHU bagian anggota, where a distribution "to the
 * payable" put the members' pools, and where a distribution "to savings" left the shares of members without a voluntary
 * account — one who left the cooperative): in cash at the counter or into her voluntary savings, once per member and
 * year, with a receipt. A share the distribution credited to savings is paid already. The payable never goes below zero
 * (checked under the ledger's locks).
 */
@Service
@PreAuthorize("@access.may('RECORD_SAVINGS')")
public class ShuPayouts {

    public enum Destination { CASH, VOLUNTARY_SAVINGS }

    /** A share paid out: how much, where to, in which entry, with which receipt number. */
    public record Payout(int year, long memberId, BigDecimal amount, Destination destination, long entryId, int receiptNumber,
                         LocalDate paidOn, String paidBy) {
    }

    private final DSLContext dsl;
    private final ShuService shu;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final SavingsService savings;
    private final CooperativeService cooperatives;
    private final Clock clock;
    private final MemberService members;

    public ShuPayouts(DSLContext dsl, ShuService shu, ChartOfAccounts chart, LedgerService ledger, SavingsService savings,
                      CooperativeService cooperatives, Clock clock, MemberService members) {
        this.members = members;
        this.dsl = dsl;
        this.shu = shu;
        this.chart = chart;
        this.ledger = ledger;
        this.savings = savings;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    @Transactional
    public Payout pay(long cooperativeId, int year, long memberId, Destination destination) {
        DomainException.require(destination != null, "reports.shu.destination.missing");
        ShuDistribution d = shu.preview(cooperativeId, year);
        // to the payable every share waits there; to savings, the shares of members without a voluntary account do
        DomainException.require(d.posted() != null, "reports.shu.payout.not-posted", Integer.toString(year));
        MemberShare share = d.shares().stream().filter(s -> s.memberId() == memberId && s.total().signum() > 0).findFirst()
                .orElseThrow(() -> DomainException.invalid("reports.shu.payout.no-share", Integer.toString(year)));
        if (paid(cooperativeId, year, memberId) || creditedByTheDistribution(cooperativeId, year, memberId)) {
            throw DomainException.conflict("reports.shu.payout.already", Integer.toString(share.memberNumber()), Integer.toString(year));
        }
        Cooperative c = cooperatives.byId(cooperativeId);
        LocalDate today = c.today(clock);
        String payable = chart.account(cooperativeId, ReportAccountRole.MEMBERS_SHU_PAYABLE).code();
        // into savings through the savings feature's own rules, on her statement with a receipt, as the distribution does
        LinkedDeposit deposit = destination == Destination.CASH ? null : savings.linkedDeposit(cooperativeId,
                voluntaryAccount(cooperativeId, c.baseCurrency(), share).id(), share.total(), today, DepositSource.SHU, "SHU " + year);
        PostingLine credit = deposit == null ? PostingLine.credit(chart.code(cooperativeId, LedgerAccountRole.CASH), share.total())
                : deposit.line();
        Precondition payableCovers = balances -> DomainException.require(balances.after(payable).signum() >= 0,
                "reports.shu.payout.payable-short", Integer.toString(year));
        JournalEntry entry = ledger.post(new PostingRequest(cooperativeId, "shu-payout:" + year + ":" + memberId, today,
                "SHU PAYOUT " + year + " #" + share.memberNumber(), "SHU", Integer.toString(year),
                List.of(PostingLine.debit(payable, share.total()), credit), CurrentActor.name()),
                deposit == null ? payableCovers : payableCovers.and(deposit.rule())).entry();
        if (deposit != null) {
            savings.recordLinked(cooperativeId, List.of(deposit), entry.id());
        }
        return record(dsl, cooperativeId, new Payout(year, memberId, share.total(), destination, entry.id(), 0, today,
                CurrentActor.name()));
    }

    /**
     * Records a share paid, numbering its receipt: after the posting, which holds the cooperative's ledger lock until
     * commit, so numbers are gapless and never given twice; the primary key (cooperative, year, member) refuses a second
     * payout of one share. Static: the distribution's posting records the shares it credits to savings with it, under
     * its own ability.
     */
    static Payout record(DSLContext dsl, long cooperativeId, Payout p) {
        int receipt = dsl.select(DSL.coalesce(DSL.max(SHU_PAYOUT.RECEIPT_NUMBER), 0))
                .from(SHU_PAYOUT).where(SHU_PAYOUT.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(0, Integer.class) + 1;
        dsl.insertInto(SHU_PAYOUT).set(SHU_PAYOUT.COOPERATIVE_ID, cooperativeId).set(SHU_PAYOUT.FISCAL_YEAR, p.year())
                .set(SHU_PAYOUT.MEMBER_ID, p.memberId()).set(SHU_PAYOUT.AMOUNT, p.amount()).set(SHU_PAYOUT.DESTINATION, p.destination().name())
                .set(SHU_PAYOUT.ENTRY_ID, p.entryId()).set(SHU_PAYOUT.RECEIPT_NUMBER, receipt).set(SHU_PAYOUT.PAID_ON, p.paidOn())
                .set(SHU_PAYOUT.PAID_BY, p.paidBy()).execute();
        return new Payout(p.year(), p.memberId(), p.amount(), p.destination(), p.entryId(), receipt, p.paidOn(), p.paidBy());
    }

    /** The shares of the year paid out so far. */
    @PreAuthorize("@access.may('READ_LEDGER')")
    public List<Payout> payouts(long cooperativeId, int year) {
        ShuService.requireYear(year);
        return dsl.selectFrom(SHU_PAYOUT).where(SHU_PAYOUT.COOPERATIVE_ID.eq(cooperativeId).and(SHU_PAYOUT.FISCAL_YEAR.eq(year)))
                .orderBy(SHU_PAYOUT.RECEIPT_NUMBER)
                .fetch(r -> new Payout(r.getFiscalYear(), r.getMemberId(), r.getAmount(), Destination.valueOf(r.getDestination()),
                        r.getEntryId(), r.getReceiptNumber(), r.getPaidOn(), r.getPaidBy()));
    }

    /** The receipt of a member's payout, as a PDF in her language. */
    @PreAuthorize("@access.may('READ_LEDGER')")
    public byte[] receipt(long cooperativeId, int year, long memberId) {
        Payout p = payouts(cooperativeId, year).stream().filter(x -> x.memberId() == memberId).findFirst()
                .orElseThrow(() -> DomainException.notFound("reports.shu.payout.not-found", Integer.toString(year)));
        MemberShare share = shu.preview(cooperativeId, year).shares().stream().filter(s -> s.memberId() == memberId)
                .findFirst().orElseThrow();
        return ShuPayoutReceipt.pdf(cooperatives.byId(cooperativeId), share, p, Messages.forCode(members.member(cooperativeId, memberId).locale()));
    }

    private boolean paid(long cooperativeId, int year, long memberId) {
        return dsl.fetchExists(SHU_PAYOUT, SHU_PAYOUT.COOPERATIVE_ID.eq(cooperativeId).and(SHU_PAYOUT.FISCAL_YEAR.eq(year))
                .and(SHU_PAYOUT.MEMBER_ID.eq(memberId)));
    }

    /**
     * Whether a distribution to savings credited the member's share in one of its entries ("shu:2025:1", …): one posted
     * before such credits were recorded as payouts has only the ledger to say so.
     */
    private boolean creditedByTheDistribution(long cooperativeId, int year, long memberId) {
        return dsl.fetchExists(DSL.selectOne().from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.startsWith("shu:" + year + ":"))
                        .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.ne("shu:" + year + ":0"))
                        .and(JOURNAL_LINE.SIDE.eq("C")).and(LEDGER_ACCOUNT.MEMBER_ID.eq(memberId))));
    }

    /** Her open voluntary account in the cooperative's currency: the share is rupiah, never credited to ringgit savings. */
    private SavingsAccount voluntaryAccount(long cooperativeId, String currency, MemberShare s) {
        return savings.accounts(cooperativeId, s.memberId()).stream()
                .filter(a -> a.kind() == SavingsKind.VOLUNTARY && a.active() && a.currency().equals(currency)).findFirst()
                .orElseThrow(() -> DomainException.invalid("reports.shu.no-voluntary-account", Integer.toString(s.memberNumber())));
    }
}
