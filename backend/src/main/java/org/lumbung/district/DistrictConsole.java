package org.lumbung.district;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.loans.closing.ClassFigures;
import org.lumbung.platform.money.Amounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.lumbung.db.jooq.Tables.ACCOUNTING_PERIOD;
import static org.lumbung.db.jooq.Tables.CHAIN_CHECK;
import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.IMPORTED_AUDIT_PACK;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;
import static org.lumbung.db.jooq.Tables.LOAN_PORTFOLIO_SNAPSHOT;
import static org.lumbung.db.jooq.Tables.REMITTANCE;
import static org.lumbung.db.jooq.Tables.REMITTANCE_ALLOCATION;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;

/**
 * The district console: every cooperative the signed-in person may read (row-level security decides: a district
 * auditor's district, a federation's member cooperatives, all for the administrator) with its last posting, the state of its hash chain as last
 * verified and the checkpoint of its latest closed month, its members (women, returned migrants), savings, loans
 * outstanding and PAR30 of its latest close of business, the share of this year's remittances put to work, and
 * red flags; a cooperative that keeps its books offline by its latest imported audit pack. Eight grouped queries whatever the number of cooperatives, none per cooperative.
 */
@Service
@PreAuthorize("@access.may('READ_DISTRICT')")
public class DistrictConsole {

    /** WOCCU's PEARLS goal for delinquency (A1 and PAR30 alike): at most 5 % of the gross portfolio. */
    public static final BigDecimal PAR30_LIMIT = new BigDecimal("5.00");
    /** The column title of the console's own flags, when no {@link RedFlagSource} (PEARLS) is there. */
    public static final String PORTFOLIO_FLAGS_TITLE = "district.flags.portfolio";

    private final DSLContext dsl;
    private final ObjectProvider<RedFlagSource> flagSources;
    private final Clock clock;

    public DistrictConsole(DSLContext dsl, ObjectProvider<RedFlagSource> flagSources, Clock clock) {
        this.dsl = dsl;
        this.flagSources = flagSources;
        this.clock = clock;
    }

    /** The title key of the red flags column: PEARLS when the reports provide it, else the console's own. */
    public String flagsTitleKey() {
        return flagSource().map(RedFlagSource::titleKey).orElse(PORTFOLIO_FLAGS_TITLE);
    }

    /** Every readable cooperative's row, by code. */
    public List<DistrictRow> rows() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Figures> figures = new HashMap<>();
        dsl.select(COOPERATIVE.ID, COOPERATIVE.CODE, COOPERATIVE.NAME, COOPERATIVE.DISTRICT, COOPERATIVE.BASE_CURRENCY)
                .from(COOPERATIVE).orderBy(COOPERATIVE.CODE)
                .forEach(r -> figures.put(r.value1(), new Figures(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        if (figures.isEmpty()) {
            return List.of();
        }
        ledgerHeads(figures);
        chainChecks(figures);
        checkpoints(figures);
        importedPacks(figures);
        MemberCounts.byCooperative(dsl).forEach((id, counts) -> with(figures, id, f -> f.members = counts));
        savings(figures);
        portfolios(figures);
        remittances(figures, today.withDayOfYear(1), today);
        Map<Long, List<RedFlag>> flags = flagSource().map(s -> s.flags(Set.copyOf(figures.keySet()), today)).orElse(null);
        return figures.values().stream().sorted((a, b) -> a.code.compareTo(b.code))
                .map(f -> f.row(flagsOf(f, flags))).toList();
    }

    private Optional<RedFlagSource> flagSource() {
        return flagSources.orderedStream().findFirst();
    }

    /**
     * A broken chain always; then the source's flags (PEARLS), or without a source the console's own: PAR30 above the
     * PEARLS goal.
     */
    private static List<RedFlag> flagsOf(Figures f, @Nullable Map<Long, List<RedFlag>> sourced) {
        List<RedFlag> flags = new ArrayList<>();
        ChainState chain = f.chain();
        if (chain.state() == ChainState.State.BROKEN) {
            // a chain whose entries hold but whose maintained balances differ from them names no entry
            Long at = chain.firstBroken();
            flags.add(at != null ? RedFlag.of("district.flag.chain-broken", at) : RedFlag.of("district.flag.chain-balances"));
        }
        if (sourced != null) {
            flags.addAll(sourced.getOrDefault(f.id, List.of()));
            return flags;
        }
        BigDecimal par30 = f.par30Percent();
        if (par30 != null && par30.compareTo(PAR30_LIMIT) > 0) {
            flags.add(RedFlag.of("district.flag.par30", par30, PAR30_LIMIT)); // numbers: the screen writes them its reader's way
        }
        return flags;
    }

    private void ledgerHeads(Map<Long, Figures> figures) {
        dsl.select(LEDGER_HEAD.COOPERATIVE_ID, LEDGER_HEAD.LAST_SEQUENCE, JOURNAL_ENTRY.BOOKING_DATE)
                .from(LEDGER_HEAD)
                .leftJoin(JOURNAL_ENTRY).on(JOURNAL_ENTRY.COOPERATIVE_ID.eq(LEDGER_HEAD.COOPERATIVE_ID)
                        .and(JOURNAL_ENTRY.SEQUENCE.eq(LEDGER_HEAD.LAST_SEQUENCE)))
                .forEach(r -> with(figures, r.value1(), f -> {
                    f.head = r.value2();
                    f.lastPosting = r.value3();
                }));
    }

    private void chainChecks(Map<Long, Figures> figures) {
        dsl.selectFrom(CHAIN_CHECK).forEach(r -> with(figures, r.getCooperativeId(), f -> f.check = r));
    }

    /** The head recorded by each cooperative's latest closed month. */
    private void checkpoints(Map<Long, Figures> figures) {
        dsl.select(ACCOUNTING_PERIOD.COOPERATIVE_ID, ACCOUNTING_PERIOD.PERIOD_START, ACCOUNTING_PERIOD.HEAD_SEQUENCE,
                        ACCOUNTING_PERIOD.HEAD_HASH)
                .distinctOn(ACCOUNTING_PERIOD.COOPERATIVE_ID).from(ACCOUNTING_PERIOD)
                .orderBy(ACCOUNTING_PERIOD.COOPERATIVE_ID, ACCOUNTING_PERIOD.PERIOD_START.desc())
                .forEach(r -> with(figures, r.value1(), f -> f.checkpoint = new RecordedCheckpoint(r.value2(), r.value3(), r.value4())));
    }

    /**
     * A cooperative that keeps its books offline is known here by its imported audit packs: the latest one's head
     * (verified on import), its last booking date and its head as the checkpoint to carry to the next import.
     */
    private void importedPacks(Map<Long, Figures> figures) {
        dsl.select(IMPORTED_AUDIT_PACK.COOPERATIVE_ID, IMPORTED_AUDIT_PACK.HEAD_SEQUENCE, IMPORTED_AUDIT_PACK.HEAD_HASH,
                        IMPORTED_AUDIT_PACK.LAST_BOOKING, IMPORTED_AUDIT_PACK.PERIOD_TO, IMPORTED_AUDIT_PACK.IMPORTED_AT)
                .distinctOn(IMPORTED_AUDIT_PACK.COOPERATIVE_ID).from(IMPORTED_AUDIT_PACK)
                .orderBy(IMPORTED_AUDIT_PACK.COOPERATIVE_ID, IMPORTED_AUDIT_PACK.HEAD_SEQUENCE.desc(), IMPORTED_AUDIT_PACK.ID.desc())
                .forEach(r -> with(figures, r.value1(), f -> {
                    if (f.head == 0) {
                        f.imported = new ChainState(ChainState.State.IMPORTED, r.value6().toInstant(), r.value2(), r.value2(), null);
                        f.lastPosting = r.value4();
                        f.checkpoint = new RecordedCheckpoint(r.value5(), r.value2(), r.value3());
                    }
                }));
    }

    /** Members' savings: the balances of their savings accounts in the base currency (all kinds: pokok to berjangka). */
    private void savings(Map<Long, Figures> figures) {
        dsl.select(SAVINGS_ACCOUNT.COOPERATIVE_ID, LEDGER_ACCOUNT.CURRENCY,
                        DSL.sum(LEDGER_ACCOUNT.CREDIT_TOTAL.minus(LEDGER_ACCOUNT.DEBIT_TOTAL)))
                .from(SAVINGS_ACCOUNT).join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID))
                .groupBy(SAVINGS_ACCOUNT.COOPERATIVE_ID, LEDGER_ACCOUNT.CURRENCY)
                .forEach(r -> with(figures, r.value1(), f -> {
                    if (r.value2().equals(f.currency)) {
                        f.savings = r.value3();
                    }
                }));
    }

    /** The whole portfolio as each cooperative's latest close of business left it. */
    private void portfolios(Map<Long, Figures> figures) {
        dsl.select(LOAN_PORTFOLIO_SNAPSHOT.COOPERATIVE_ID, LOAN_PORTFOLIO_SNAPSHOT.OUTSTANDING, LOAN_PORTFOLIO_SNAPSHOT.PAR30_AMOUNT)
                .distinctOn(LOAN_PORTFOLIO_SNAPSHOT.COOPERATIVE_ID).from(LOAN_PORTFOLIO_SNAPSHOT)
                .where(LOAN_PORTFOLIO_SNAPSHOT.COLLECTIBILITY.eq("ALL"))
                .orderBy(LOAN_PORTFOLIO_SNAPSHOT.COOPERATIVE_ID, LOAN_PORTFOLIO_SNAPSHOT.BUSINESS_DATE.desc())
                .forEach(r -> with(figures, r.value1(), f -> {
                    f.outstanding = r.value2();
                    f.par30 = r.value3();
                }));
    }

    /** Remittances received from..to and the part allocated to savings or loan repayments (put to work). */
    private void remittances(Map<Long, Figures> figures, LocalDate from, LocalDate to) {
        var toWork = DSL.sum(DSL.when(REMITTANCE_ALLOCATION.KIND.in("SAVINGS", "LOAN_REPAYMENT"), REMITTANCE_ALLOCATION.AMOUNT)
                .otherwise(BigDecimal.ZERO));
        dsl.select(REMITTANCE.COOPERATIVE_ID, DSL.sum(REMITTANCE_ALLOCATION.AMOUNT), toWork)
                .from(REMITTANCE_ALLOCATION).join(REMITTANCE).on(REMITTANCE.ID.eq(REMITTANCE_ALLOCATION.REMITTANCE_ID))
                .where(REMITTANCE.RECEIVED_ON.between(from, to))
                .groupBy(REMITTANCE.COOPERATIVE_ID)
                .forEach(r -> with(figures, r.value1(), f -> {
                    f.remitted = r.value2();
                    f.putToWork = r.value3();
                }));
    }

    private static void with(Map<Long, Figures> figures, Long cooperativeId, Consumer<Figures> set) {
        Figures f = figures.get(cooperativeId);
        if (f != null) {
            set.accept(f);
        }
    }

    /** A row being gathered from the queries. */
    private static final class Figures {
        final long id;
        final String code;
        final String name;
        final @Nullable String district;
        final String currency;
        long head;
        @Nullable LocalDate lastPosting;
        @Nullable Record check;
        @Nullable RecordedCheckpoint checkpoint;
        @Nullable ChainState imported;
        MemberCounts members = MemberCounts.NONE;
        @Nullable BigDecimal savings;
        @Nullable BigDecimal outstanding;
        @Nullable BigDecimal par30;
        @Nullable BigDecimal remitted;
        @Nullable BigDecimal putToWork;

        Figures(long id, String code, String name, @Nullable String district, String currency) {
            this.id = id;
            this.code = code;
            this.name = name;
            this.district = district;
            this.currency = currency;
        }

        ChainState chain() {
            if (imported != null) {
                return imported;
            }
            return check == null ? ChainState.of(null, null, null, head, null)
                    : ChainState.of(check.get(CHAIN_CHECK.OK), check.get(CHAIN_CHECK.CHECKED_AT).toInstant(),
                    check.get(CHAIN_CHECK.ENTRIES_CHECKED), head, check.get(CHAIN_CHECK.FIRST_BROKEN));
        }

        @Nullable BigDecimal par30Percent() {
            return outstanding == null ? null
                    : ClassFigures.percentOf(Objects.requireNonNull(par30, "read with outstanding"), outstanding);
        }

        DistrictRow row(List<RedFlag> flags) {
            BigDecimal percent = remitted == null || remitted.signum() == 0 ? null
                    : Objects.requireNonNull(putToWork, "summed with remitted").multiply(BigDecimal.valueOf(100))
                    .divide(remitted, 1, RoundingMode.HALF_EVEN);
            return new DistrictRow(id, code, name, district, currency, lastPosting, chain(), checkpoint, members.members(),
                    members.women(), members.returned(), money(savings), money(outstanding), par30Percent(), percent, flags);
        }

        private BigDecimal money(@Nullable BigDecimal amount) {
            return Amounts.normalise(amount == null ? BigDecimal.ZERO : amount, currency);
        }
    }
}
