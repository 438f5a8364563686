package org.lumbung.reports;

import org.jooq.DSLContext;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.GuardedPosting;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.DepositSource;
import org.lumbung.savings.LinkedDeposit;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.lumbung.db.jooq.Tables.SHU_DISTRIBUTION;

/**
 * Books a closed year's SHU distribution, once, as the meeting decided, in one transaction: the first entry debits
 * SHU tahun berjalan with the surplus and credits the reserve, each fund and the members' payable (Dana SHU bagian
 * anggota) with the members' pools; with {@code VOLUNTARY_SAVINGS}, further entries of at most 199 members each move
 * the share of every member with an open voluntary account from the payable to that account, each recorded as paid with
 * its receipt. A member without one (she left the cooperative during or after the year) keeps her share on the payable,
 * paid at the counter through {@link ShuPayouts}.
 */
@Service
@PreAuthorize("@access.may('CLOSE_PERIOD')")
public class ShuPosting {

    /** Members credited per entry: the ledger's line limit less the payable's debit line. */
    static final int MEMBERS_PER_ENTRY = LedgerLimits.MAX_LINES - 1;
    private static final Map<ShuPool, ReportAccountRole> POOL_ACCOUNT = Map.of(ShuPool.RESERVE, ReportAccountRole.RESERVES,
            ShuPool.BOARD, ReportAccountRole.BOARD_FUND, ShuPool.STAFF, ReportAccountRole.STAFF_FUND,
            ShuPool.EDUCATION, ReportAccountRole.EDUCATION_FUND, ShuPool.SOCIAL, ReportAccountRole.SOCIAL_FUND,
            ShuPool.AREA_DEVELOPMENT, ReportAccountRole.AREA_DEVELOPMENT_FUND);

    private final DSLContext dsl;
    private final ShuService shu;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final SavingsService savings;
    private final CooperativeService cooperatives;
    private final Clock clock;
    private final YearCloseReversalGuard reversalGuard;

    public ShuPosting(DSLContext dsl, ShuService shu, ChartOfAccounts chart, LedgerService ledger, SavingsService savings,
                      CooperativeService cooperatives, Clock clock, YearCloseReversalGuard reversalGuard) {
        this.reversalGuard = reversalGuard;
        this.cooperatives = cooperatives;
        this.dsl = dsl;
        this.shu = shu;
        this.chart = chart;
        this.ledger = ledger;
        this.savings = savings;
        this.clock = clock;
    }

    @Transactional
    public ShuDistribution post(long cooperativeId, int year, ShuDistribution.Destination destination) {
        DomainException.require(destination != null, "reports.shu.destination.missing");
        // read before the year is seen closed: a reopening after this moves the surplus account and refuses the posting
        Precondition unmoved = reversalGuard.unmoved(cooperativeId, Integer.toString(year));
        ShuDistribution d = shu.preview(cooperativeId, year);
        requirePostable(d);
        LocalDate today = cooperatives.byId(cooperativeId).today(clock);
        List<PostingRequest> entries = new ArrayList<>();
        entries.add(request(cooperativeId, year, 0, today, poolLines(cooperativeId, d)));
        // the shares credited to savings, entry by entry: the savings feature's linked deposits, on each member's statement
        List<List<Credit>> deposited = new ArrayList<>();
        if (destination == ShuDistribution.Destination.VOLUNTARY_SAVINGS) {
            List<Credit> credits = credits(cooperativeId, year, today, d.shares());
            for (int from = 0; from < credits.size(); from += MEMBERS_PER_ENTRY) {
                List<Credit> chunk = credits.subList(from, Math.min(credits.size(), from + MEMBERS_PER_ENTRY));
                deposited.add(chunk);
                entries.add(request(cooperativeId, year, entries.size(), today, toSavings(cooperativeId, chunk)));
            }
        }
        DomainException.require(entries.size() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.batch.too-large", LedgerLimits.MAX_BATCH_ENTRIES);
        List<GuardedPosting> guarded = new ArrayList<>();
        for (PostingRequest e : entries) {
            guarded.add(new GuardedPosting(e, guarded.isEmpty() ? unmoved : Precondition.NONE));
        }
        List<PostingResult> posted = ledger.postBatchGuarded(guarded);
        for (int i = 0; i < deposited.size(); i++) {
            long entryId = posted.get(i + 1).entry().id();
            savings.recordLinked(cooperativeId, deposited.get(i).stream().map(Credit::deposit).toList(), entryId);
            deposited.get(i).forEach(credit -> ShuPayouts.record(dsl, cooperativeId, new ShuPayouts.Payout(year, credit.memberId(),
                    credit.deposit().amount(), ShuPayouts.Destination.VOLUNTARY_SAVINGS, entryId, 0, today, CurrentActor.name())));
        }
        dsl.insertInto(SHU_DISTRIBUTION).set(SHU_DISTRIBUTION.COOPERATIVE_ID, cooperativeId).set(SHU_DISTRIBUTION.FISCAL_YEAR, year)
                .set(SHU_DISTRIBUTION.ENTRY_ID, posted.get(0).entry().id()).set(SHU_DISTRIBUTION.DESTINATION, destination.name())
                .set(SHU_DISTRIBUTION.POSTED_BY, CurrentActor.name()).execute();
        return shu.preview(cooperativeId, year);
    }

    private static void requirePostable(ShuDistribution d) {
        if (d.posted() != null) {
            throw DomainException.conflict("reports.shu.already-posted", Integer.toString(d.year()));
        }
        DomainException.require(d.yearClosed(), "reports.shu.year-not-closed", Integer.toString(d.year()));
        DomainException.require(d.surplus().signum() > 0, "reports.shu.no-surplus", Integer.toString(d.year()));
        DomainException.require(d.pool(ShuPool.CAPITAL).signum() == 0
                        || d.totals().capitalBase().signum() > 0,
                "reports.shu.no-base", Integer.toString(d.year()));
        DomainException.require(d.pool(ShuPool.PATRONAGE).signum() == 0
                        || d.totals().patronageBase().signum() > 0,
                "reports.shu.no-base", Integer.toString(d.year()));
    }

    /** Debit the surplus; credit the reserve and each fund, and the members' two pools to the payable. */
    private List<PostingLine> poolLines(long cooperativeId, ShuDistribution d) {
        List<PostingLine> lines = new ArrayList<>();
        lines.add(PostingLine.debit(chart.account(cooperativeId, ReportAccountRole.CURRENT_SURPLUS).code(), d.surplus()));
        for (ShuPool pool : ShuPool.values()) {
            BigDecimal amount = d.pool(pool);
            if (amount.signum() > 0 && POOL_ACCOUNT.containsKey(pool)) {
                lines.add(PostingLine.credit(chart.account(cooperativeId, POOL_ACCOUNT.get(pool)).code(), amount));
            }
        }
        BigDecimal members = d.pool(ShuPool.CAPITAL).add(d.pool(ShuPool.PATRONAGE));
        if (members.signum() > 0) {
            lines.add(PostingLine.credit(payable(cooperativeId), members));
        }
        return lines;
    }

    /** A member's share credited to her voluntary account: the savings feature's linked deposit. */
    private record Credit(long memberId, LinkedDeposit deposit) {
    }

    /** The shares credited to savings: every share of a member with an open voluntary account in the cooperative's currency. */
    private List<Credit> credits(long cooperativeId, int year, LocalDate day, List<MemberShare> shares) {
        String currency = cooperatives.byId(cooperativeId).baseCurrency(); // the share is rupiah, never ringgit savings
        List<Credit> credits = new ArrayList<>();
        for (MemberShare s : shares) {
            if (s.total().signum() <= 0) {
                continue;
            }
            savings.accounts(cooperativeId, s.memberId()).stream()
                    .filter(a -> a.kind() == SavingsKind.VOLUNTARY && a.active() && a.currency().equals(currency)).findFirst()
                    .ifPresent(account -> credits.add(new Credit(s.memberId(), savings.linkedDeposit(cooperativeId, account.id(),
                            s.total(), day, DepositSource.SHU, "SHU " + year))));
        }
        return credits;
    }

    private List<PostingLine> toSavings(long cooperativeId, List<Credit> chunk) {
        List<PostingLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Credit credit : chunk) {
            lines.add(credit.deposit().line());
            total = total.add(credit.deposit().amount());
        }
        lines.add(0, PostingLine.debit(payable(cooperativeId), total));
        return lines;
    }

    private String payable(long cooperativeId) {
        return chart.account(cooperativeId, ReportAccountRole.MEMBERS_SHU_PAYABLE).code();
    }

    private static PostingRequest request(long cooperativeId, int year, int part, LocalDate day, List<PostingLine> lines) {
        return new PostingRequest(cooperativeId, "shu:" + year + ":" + part, day, "SHU DISTRIBUTION " + year
                + (part == 0 ? "" : " part " + part), "SHU", Integer.toString(year), lines, CurrentActor.name());
    }
}
