package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeCreated;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * A cooperative's chart of accounts: the chart of its template ({@link ChartTemplates}, the standard
 * Indonesian cooperative chart ID-KSP-2024) opened with every new cooperative, extended by hand or by features opening sub-ledger accounts per member and FX positions.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ChartOfAccounts {

    /** Advisory-lock namespaces (the first key) of the account counts checked in {@link #requireRoom}. */
    private static final int CHART_LOCK = 0x43484152;
    private static final int MEMBER_ACCOUNTS_LOCK = 0x4d454d42;

    private final DSLContext dsl;
    private final ChartTemplates templates;
    /** A cooperative's chart template is fixed since its founding. */
    private final Map<Long, String> templateOf = new ConcurrentHashMap<>();

    public ChartOfAccounts(DSLContext dsl, ChartTemplates templates) {
        this.dsl = dsl;
        this.templates = templates;
    }

    /** Opens the chart of its template and the empty hash chain, in the transaction that creates the cooperative. */
    @EventListener
    public void onCooperativeCreated(CooperativeCreated event) {
        initialise(event.cooperative().id(), event.cooperative().baseCurrency(), event.cooperative().chartTemplate());
    }

    @Transactional
    public void initialise(long cooperativeId, String baseCurrency, String template) {
        dsl.insertInto(LEDGER_HEAD)
                .set(LEDGER_HEAD.COOPERATIVE_ID, cooperativeId)
                .set(LEDGER_HEAD.LAST_SEQUENCE, 0L)
                .set(LEDGER_HEAD.LAST_HASH, EntryFingerprint.GENESIS)
                .execute();
        for (String[] row : templates.accounts(template)) {
            open(cooperativeId, fromTemplate(row, baseCurrency));
        }
    }

    /** A row of a template's accounts.csv: code;parent;type;header;constraint;name_en;name_id. */
    private static NewAccount fromTemplate(String[] row, String currency) {
        String constraint = row[4];
        return new NewAccount(row[0], row[5], row[6], AccountType.valueOf(row[2]), row[1].isEmpty() ? null : row[1],
                currency, Boolean.parseBoolean(row[3]), null, "NO_DEBIT_BALANCE".equals(constraint),
                "NO_CREDIT_BALANCE".equals(constraint));
    }

    /** The code of the account that plays the role in this cooperative's chart (e.g. CASH → 1100). */
    public String code(long cooperativeId, AccountRole role) {
        String template = templateOf.computeIfAbsent(cooperativeId, id -> dsl.select(COOPERATIVE.CHART_TEMPLATE)
                .from(COOPERATIVE).where(COOPERATIVE.ID.eq(id)).fetchOptional(COOPERATIVE.CHART_TEMPLATE)
                .orElseThrow(() -> DomainException.notFound("cooperative.not-found", id)));
        return templates.code(template, role);
    }

    /**
     * The account that plays the role in this cooperative's chart, opened as its template describes it
     * when the cooperative was founded before the template had it (a feature added later).
     */
    @Transactional
    @PreAuthorize("@access.may('POST_ENTRY')")
    public Account account(long cooperativeId, AccountRole role) {
        String code = code(cooperativeId, role);
        return find(cooperativeId, code).orElseGet(() -> {
            // code(...) has just put the cooperative's template
            String[] row = templates.accounts(Objects.requireNonNull(templateOf.get(cooperativeId))).stream()
                    .filter(r -> r[0].equals(code)).findFirst().orElseThrow();
            String currency = dsl.select(COOPERATIVE.BASE_CURRENCY).from(COOPERATIVE).where(COOPERATIVE.ID.eq(cooperativeId))
                    .fetchOne(COOPERATIVE.BASE_CURRENCY);
            return open(cooperativeId, fromTemplate(row, currency));
        });
    }

    @Transactional
    @PreAuthorize("@access.may('POST_ENTRY')")
    public Account open(long cooperativeId, NewAccount a) {
        DomainException.require(a.code() != null && a.code().matches("[0-9A-Za-z][0-9A-Za-z.-]{0,31}"),
                "ledger.account.code.invalid", String.valueOf(a.code()));
        DomainException.require(a.nameEn() != null && !a.nameEn().isBlank() && a.nameEn().length() <= 120
                && a.nameId() != null && !a.nameId().isBlank() && a.nameId().length() <= 120, "ledger.account.name.invalid");
        DomainException.require(a.type() != null, "ledger.account.type.missing");
        DomainException.require(!(a.debitsMustNotExceedCredits() && a.creditsMustNotExceedDebits()),
                "ledger.account.flags.both");
        Amounts.currency(a.currency());
        DomainException.require(find(cooperativeId, a.code()).isEmpty(), "ledger.account.code.taken", a.code());
        Long parentId = null;
        if (a.parentCode() != null) {
            Account parent = account(cooperativeId, a.parentCode());
            DomainException.require(parent.type() == a.type(), "ledger.account.parent.type", a.parentCode());
            // a parent's balance rolls up its children's: they must all count in its currency
            DomainException.require(parent.currency().equals(a.currency()), "ledger.account.parent.currency",
                    a.parentCode(), parent.currency(), a.currency());
            parentId = parent.id();
            // a member's sub-account rolls up into its parent: a postable general-ledger account of its currency
            DomainException.require(a.memberId() == null || (!parent.header() && parent.memberId() == null
                    && parent.currency().equals(a.currency())), "ledger.account.member-parent", a.parentCode(), a.currency());
        }
        DomainException.require(a.memberId() == null || parentId != null, "ledger.account.member-parent", "-", a.currency());
        requireRoom(cooperativeId, a.memberId());
        Record r = dsl.insertInto(LEDGER_ACCOUNT)
                .set(LEDGER_ACCOUNT.COOPERATIVE_ID, cooperativeId)
                .set(LEDGER_ACCOUNT.CODE, a.code())
                .set(LEDGER_ACCOUNT.NAME_EN, a.nameEn().strip())
                .set(LEDGER_ACCOUNT.NAME_ID, a.nameId().strip())
                .set(LEDGER_ACCOUNT.TYPE, a.type().name())
                .set(LEDGER_ACCOUNT.PARENT_ID, parentId)
                .set(LEDGER_ACCOUNT.CURRENCY, a.currency())
                .set(LEDGER_ACCOUNT.HEADER, a.header())
                .set(LEDGER_ACCOUNT.MEMBER_ID, a.memberId())
                .set(LEDGER_ACCOUNT.DEBITS_MUST_NOT_EXCEED_CREDITS, a.debitsMustNotExceedCredits())
                .set(LEDGER_ACCOUNT.CREDITS_MUST_NOT_EXCEED_DEBITS, a.creditsMustNotExceedDebits())
                .returning()
                .fetchOne();
        return toAccount(r);
    }

    /**
     * At most {@link LedgerLimits#MAX_GENERAL_ACCOUNTS} general-ledger accounts per cooperative and
     * {@link LedgerLimits#MAX_MEMBER_ACCOUNTS} sub-accounts per member: each count is an index range of
     * its own (the general ledger's partial index, the member's), however many members there are. Counted under
     * a transaction-scoped advisory lock of what is counted (the cooperative's chart, or the member's accounts):
     * two openings racing for the last place would otherwise both count one free place and both insert. Not the
     * ledger's head lock: a posting made later in the caller's transaction may wait for it on another connection.
     */
    private void requireRoom(long cooperativeId, @Nullable Long memberId) {
        dsl.execute("select pg_advisory_xact_lock(?, ?)", memberId == null ? CHART_LOCK : MEMBER_ACCOUNTS_LOCK,
                Math.toIntExact(memberId == null ? cooperativeId : memberId));
        if (memberId == null) {
            DomainException.require(dsl.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)
                    .and(LEDGER_ACCOUNT.MEMBER_ID.isNull())) < LedgerLimits.MAX_GENERAL_ACCOUNTS,
                    "ledger.account.too-many", LedgerLimits.MAX_GENERAL_ACCOUNTS);
        } else {
            DomainException.require(dsl.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.MEMBER_ID.eq(memberId)
                    .and(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId))) < LedgerLimits.MAX_MEMBER_ACCOUNTS,
                    "ledger.account.member-too-many", LedgerLimits.MAX_MEMBER_ACCOUNTS);
        }
    }

    /**
     * Opens (or returns) a member's sub-ledger account under a control account such as 3100 Simpanan
     * Pokok: code "3100.00042", same type, currency and constraint as its parent.
     */
    @Transactional
    @PreAuthorize("@access.may('POST_ENTRY')")
    public Account memberAccount(long cooperativeId, String parentCode, long memberId, int memberNumber,
                                 String memberName) {
        String code = "%s.%05d".formatted(parentCode, memberNumber);
        Optional<Account> existing = find(cooperativeId, code);
        if (existing.isPresent()) {
            return existing.get();
        }
        Account parent = account(cooperativeId, parentCode);
        String label = " — " + memberName;
        return open(cooperativeId, new NewAccount(code, truncate(parent.nameEn() + label), truncate(parent.nameId() + label),
                parent.type(), parentCode, parent.currency(), false, memberId,
                parent.debitsMustNotExceedCredits(), parent.creditsMustNotExceedDebits()));
    }

    /**
     * The trading account of one currency for entries that touch two currencies (code "1900.MYR"). One in a
     * foreign currency stands at the top of the chart, as the header 1900 counts in the cooperative's currency.
     */
    @Transactional
    @PreAuthorize("@access.may('POST_ENTRY')")
    public Account fxPositionAccount(long cooperativeId, String currency) {
        Account header = account(cooperativeId, LedgerAccountRole.FX_POSITION);
        String code = header.code() + "." + Amounts.currency(currency).getCurrencyCode();
        String parent = header.currency().equals(currency) ? header.code() : null;
        return find(cooperativeId, code).orElseGet(() -> open(cooperativeId, new NewAccount(code,
                "Foreign currency position " + currency, "Posisi valuta asing " + currency, AccountType.ASSET,
                parent, currency, false, null, false, false)));
    }

    private static String truncate(String name) {
        return name.length() <= 120 ? name : name.substring(0, 120);
    }

    public Optional<Account> find(long cooperativeId, String code) {
        return dsl.selectFrom(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.CODE.eq(code)))
                .fetchOptional(ChartOfAccounts::toAccount);
    }

    public Account account(long cooperativeId, String code) {
        return find(cooperativeId, code).orElseThrow(() -> DomainException.notFound("ledger.account.unknown", code));
    }

    /** Every sub-account in a member's name (savings, receivables), with the maintained balances. */
    public List<Account> memberAccounts(long cooperativeId, long memberId) {
        return dsl.selectFrom(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.eq(memberId)))
                .orderBy(LEDGER_ACCOUNT.CODE).limit(LedgerLimits.MAX_PAGE).fetch(ChartOfAccounts::toAccount);
    }

    /** A page of the whole chart in code order (members' sub-accounts included), with the maintained balances. */
    public List<Account> accounts(long cooperativeId, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= LedgerLimits.MAX_PAGE, "page.invalid", LedgerLimits.MAX_PAGE);
        return dsl.selectFrom(LEDGER_ACCOUNT).where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(LEDGER_ACCOUNT.CODE).offset(offset).limit(limit).fetch(ChartOfAccounts::toAccount);
    }

    public int accountCount(long cooperativeId) {
        return dsl.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId));
    }

    /** The codes of the given accounts of the cooperative, by id (e.g. the parents of a page). */
    public Map<Long, String> codes(long cooperativeId, Collection<Long> ids) {
        return dsl.select(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.CODE).from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.ID.in(ids)))
                .fetchMap(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.CODE);
    }

    /**
     * The chart without members' sub-accounts (a cooperative of 100,000 members has 300,000 of them), each
     * control account carrying its own totals plus its members' (3100 Simpanan Pokok with every member's
     * share, maintained by the posting trigger). What the chart screen and the manual entry form list;
     * at most {@link LedgerLimits#MAX_GENERAL_ACCOUNTS}.
     */
    public List<Account> generalAccounts(long cooperativeId) {
        return dsl.selectFrom(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNull()))
                .orderBy(LEDGER_ACCOUNT.CODE)
                .fetch(r -> {
                    Account own = toAccount(r);
                    return new Account(own.id(), own.cooperativeId(), own.code(), own.nameEn(), own.nameId(), own.type(),
                            own.parentId(), own.currency(), own.header(), null, own.debitsMustNotExceedCredits(),
                            own.creditsMustNotExceedDebits(), own.debitTotal().add(r.getSubDebitTotal()),
                            own.creditTotal().add(r.getSubCreditTotal()), own.postingCount() + r.getSubPostingCount());
                });
    }

    /**
     * Sum of the normal balances of an account and all its descendants (e.g. 3100 with every member's
     * share): the general-ledger accounts under it by code, each with its members' maintained totals, so
     * a few rows are read however many members there are. Only accounts in the account's own currency count:
     * 1900.MYR shares the prefix of 1900 but not its currency, and two currencies are never added together.
     */
    public BigDecimal balanceWithDescendants(long cooperativeId, String code) {
        Account root = account(cooperativeId, code);
        Record sums = dsl.select(DSL.sum(LEDGER_ACCOUNT.DEBIT_TOTAL.plus(LEDGER_ACCOUNT.SUB_DEBIT_TOTAL)),
                        DSL.sum(LEDGER_ACCOUNT.CREDIT_TOTAL.plus(LEDGER_ACCOUNT.SUB_CREDIT_TOTAL)))
                .from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNull())
                        .and(LEDGER_ACCOUNT.CURRENCY.eq(root.currency()))
                        .and(LEDGER_ACCOUNT.CODE.eq(code).or(LEDGER_ACCOUNT.CODE.startsWith(code + "."))))
                .fetchOne();
        return Amounts.normalise(Account.normalBalance(root.type(), sums.get(0, BigDecimal.class),
                sums.get(1, BigDecimal.class)), root.currency());
    }

    /**
     * Modal sendiri (own capital): the equity accounts plus the surplus not yet distributed; income adds and
     * expenses subtract, so every one of these accounts, members' sub-accounts included, counts with credits
     * less debits. The base of the members' equity limit and of the legal lending limit.
     */
    public BigDecimal ownCapital(long cooperativeId) {
        BigDecimal total = dsl.select(DSL.sum(LEDGER_ACCOUNT.CREDIT_TOTAL.minus(LEDGER_ACCOUNT.DEBIT_TOTAL))).from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.HEADER.isFalse())
                        .and(LEDGER_ACCOUNT.TYPE.in(AccountType.EQUITY.name(), AccountType.INCOME.name(), AccountType.EXPENSE.name())))
                .fetchOne(0, BigDecimal.class);
        return total == null ? BigDecimal.ZERO : total;
    }

    /** The columns {@link #toAccount} reads (not the sub-ledger totals nor the creation time). */
    static final List<Field<?>> ACCOUNT_COLUMNS = List.of(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.COOPERATIVE_ID,
            LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.NAME_EN, LEDGER_ACCOUNT.NAME_ID, LEDGER_ACCOUNT.TYPE, LEDGER_ACCOUNT.PARENT_ID,
            LEDGER_ACCOUNT.CURRENCY, LEDGER_ACCOUNT.HEADER, LEDGER_ACCOUNT.MEMBER_ID,
            LEDGER_ACCOUNT.DEBITS_MUST_NOT_EXCEED_CREDITS, LEDGER_ACCOUNT.CREDITS_MUST_NOT_EXCEED_DEBITS,
            LEDGER_ACCOUNT.DEBIT_TOTAL, LEDGER_ACCOUNT.CREDIT_TOTAL, LEDGER_ACCOUNT.POSTING_COUNT);

    static Account toAccount(Record r) {
        return new Account(r.get(LEDGER_ACCOUNT.ID), r.get(LEDGER_ACCOUNT.COOPERATIVE_ID), r.get(LEDGER_ACCOUNT.CODE),
                r.get(LEDGER_ACCOUNT.NAME_EN), r.get(LEDGER_ACCOUNT.NAME_ID),
                AccountType.valueOf(r.get(LEDGER_ACCOUNT.TYPE)), r.get(LEDGER_ACCOUNT.PARENT_ID),
                r.get(LEDGER_ACCOUNT.CURRENCY), r.get(LEDGER_ACCOUNT.HEADER), r.get(LEDGER_ACCOUNT.MEMBER_ID),
                r.get(LEDGER_ACCOUNT.DEBITS_MUST_NOT_EXCEED_CREDITS), r.get(LEDGER_ACCOUNT.CREDITS_MUST_NOT_EXCEED_DEBITS),
                r.get(LEDGER_ACCOUNT.DEBIT_TOTAL), r.get(LEDGER_ACCOUNT.CREDIT_TOTAL), r.get(LEDGER_ACCOUNT.POSTING_COUNT));
    }
}
