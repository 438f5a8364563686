package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.fx.FxConversions;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.GuardedPosting;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.NewAccount;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.Member;
import org.lumbung.members.MemberRegistered;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.MoneyArgument;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.AccessPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_PRODUCT;
import static org.lumbung.db.jooq.Tables.SAVINGS_TRANSACTION;

/**
 * Members' savings accounts and the money that moves through them: deposits, withdrawals, transfers,
 * fees and time deposits. Every movement is one balanced journal entry posted in the same transaction
 * as its savings transaction, which gets the next receipt number of the cooperative.
 *
 * <p>Rules: share capital is paid once, exactly the product's amount; share capital and mandatory
 * savings are withdrawn only at exit (they are equity); a voluntary account never goes below the
 * product's minimum balance; a time deposit is paid out whole, with the product's penalty before
 * maturity; nothing moves on an exited member's accounts.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class SavingsService {

    public static final int MAX_PAGE = 500;
    /** Deposits booked together (a meeting's collection, an import): at most one ledger batch. */
    public static final int MAX_BATCH = 1_000;
    /** One member's share capital and mandatory savings may not exceed this part of modal sendiri. */
    static final BigDecimal EQUITY_LIMIT = new BigDecimal("0.20");
    private static final int MAX_NOTE = 200;

    private final ForeignCurrencyAccounts foreignCurrency;
    private final DSLContext dsl;
    private final LedgerService ledger;
    private final ChartOfAccounts chart;
    private final MemberService members;
    private final SavingsProducts products;
    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Clock clock;
    private final ObjectProvider<SavingsHolds> holds;
    private final ExchangeRateService rates;
    private final InterestService interest;

    public SavingsService(DSLContext dsl, LedgerService ledger, ChartOfAccounts chart, MemberService members,
                          SavingsProducts products, CooperativeService cooperatives, AccessPolicy access, Clock clock,
                          ObjectProvider<SavingsHolds> holds, ForeignCurrencyAccounts foreignCurrency, ExchangeRateService rates,
                          InterestService interest) {
        this.dsl = dsl;
        this.interest = interest;
        this.rates = rates;
        this.foreignCurrency = foreignCurrency;
        this.ledger = ledger;
        this.chart = chart;
        this.members = members;
        this.products = products;
        this.cooperatives = cooperatives;
        this.access = access;
        this.clock = clock;
        this.holds = holds;
    }

    /** A new member gets an account of every active share, mandatory and voluntary product at once. */
    @EventListener
    public void onMemberRegistered(MemberRegistered event) {
        Member m = event.member();
        for (SavingsProduct p : products.products(m.cooperativeId())) {
            if (p.active() && p.kind().openedAtRegistration()) {
                open(m, p, m.joinedOn(), chart.memberAccount(m.cooperativeId(), p.controlAccount(), m.id(),
                        m.memberNumber(), m.fullName()), null, null);
            }
        }
    }

    /** Opens an account of a product the member has none of yet (a product created after they joined). */
    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public SavingsAccount openAccount(long cooperativeId, long memberId, long productId, LocalDate openedOn) {
        Member m = members.member(cooperativeId, memberId);
        SavingsProduct p = products.product(cooperativeId, productId);
        DomainException.require(p.active() && p.kind().openedAtRegistration(), "savings.account.product-not-open", p.code());
        DomainException.require(m.status() != MemberStatus.EXITED, "savings.member.exited", m.displayNumber());
        DomainException.require(!dsl.fetchExists(SAVINGS_ACCOUNT, SAVINGS_ACCOUNT.MEMBER_ID.eq(memberId)
                .and(SAVINGS_ACCOUNT.PRODUCT_ID.eq(productId))), "savings.account.exists", p.code());
        return open(m, p, openedOn, chart.memberAccount(cooperativeId, p.controlAccount(), m.id(), m.memberNumber(),
                m.fullName()), null, null);
    }

    private SavingsAccount open(Member m, SavingsProduct p, LocalDate openedOn, Account ledgerAccount,
                                @Nullable BigDecimal principal, @Nullable LocalDate maturityOn) {
        long id = dsl.insertInto(SAVINGS_ACCOUNT)
                .set(SAVINGS_ACCOUNT.COOPERATIVE_ID, m.cooperativeId())
                .set(SAVINGS_ACCOUNT.MEMBER_ID, m.id())
                .set(SAVINGS_ACCOUNT.PRODUCT_ID, p.id())
                .set(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID, ledgerAccount.id())
                .set(SAVINGS_ACCOUNT.NUMBER, ledgerAccount.code())
                .set(SAVINGS_ACCOUNT.OPENED_ON, openedOn)
                .set(SAVINGS_ACCOUNT.PRINCIPAL, principal)
                .set(SAVINGS_ACCOUNT.MATURITY_ON, maturityOn)
                .returning(SAVINGS_ACCOUNT.ID).fetchOne(SAVINGS_ACCOUNT.ID);
        return account(m.cooperativeId(), id);
    }

    /** A member's accounts, share capital first; a member asking for another member's gets not-found. */
    public List<SavingsAccount> accounts(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return SavingsRows.accounts(dsl).where(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_ACCOUNT.MEMBER_ID.eq(memberId)))
                .orderBy(SAVINGS_PRODUCT.KIND.sortAsc("SHARE", "MANDATORY", "VOLUNTARY", "TIME_DEPOSIT"), SAVINGS_ACCOUNT.NUMBER)
                .limit(MAX_PAGE).fetch(SavingsRows::toAccount);
    }

    public SavingsAccount account(long cooperativeId, long accountId) {
        SavingsAccount account = SavingsRows.accounts(dsl).where(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_ACCOUNT.ID.eq(accountId)))
                .fetchOptional(SavingsRows::toAccount)
                .orElseThrow(() -> DomainException.notFound("savings.account.not-found", accountId));
        access.requireMemberRecord(account.memberId());
        return account;
    }

    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public Booked deposit(long cooperativeId, Movement d) {
        SavingsAccount account = movable(cooperativeId, d.accountId());
        BigDecimal amount = checkMovement(cooperativeId, d, account);
        requireTakesDeposits(account);
        Booked booked = book(cooperativeId, TransactionKind.DEPOSIT, account, null, amount, d, List.of(
                PostingLine.debit(cash(cooperativeId, account.currency()), amount), PostingLine.credit(account.number(), amount)), shareAtMostFixed(account));
        return account.kind().equity() ? withEquityWarning(cooperativeId, account, booked) : booked;
    }

    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public Booked withdraw(long cooperativeId, Movement w) {
        SavingsAccount account = account(cooperativeId, w.accountId());
        if (!account.active()) {
            // a time deposit's payout closed the account: the same payout sent again answers the first
            Optional<Booked> first = replay(cooperativeId, w, account);
            if (first.isPresent()) {
                return first.get();
            }
        }
        requireActive(account);
        BigDecimal amount = checkMovement(cooperativeId, w, account);
        DomainException.require(!account.kind().equity(), "savings.withdrawal.equity", account.product().code());
        if (account.kind() == SavingsKind.TIME_DEPOSIT) {
            return payOutTimeDeposit(cooperativeId, account, amount, w);
        }
        return book(cooperativeId, TransactionKind.WITHDRAWAL, account, null, amount, w, List.of(
                PostingLine.debit(account.number(), amount), PostingLine.credit(cash(cooperativeId, account.currency()), amount)), keepsMinimum(account));
    }

    /** A fee taken from a voluntary account into the cooperative's administration income. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public Booked chargeFee(long cooperativeId, Movement fee) {
        SavingsAccount account = movable(cooperativeId, fee.accountId());
        BigDecimal amount = checkMovement(cooperativeId, fee, account);
        DomainException.require(account.kind() == SavingsKind.VOLUNTARY, "savings.fee.voluntary-only");
        DomainException.require(fee.note() != null && !fee.note().isBlank(), "savings.fee.note");
        requireFeeCurrency(cooperativeId, account);
        return book(cooperativeId, TransactionKind.FEE, account, null, amount, fee, List.of(
                PostingLine.debit(account.number(), amount), PostingLine.credit(feeIncome(cooperativeId), amount)), notOverdrawn(account));
    }

    /** Between two accounts of one member: out of voluntary savings, into any account that takes deposits. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public Booked transfer(long cooperativeId, Transfer t) {
        DomainException.require(t.fromAccountId() != t.toAccountId(), "savings.transfer.same-account");
        SavingsAccount from = movable(cooperativeId, t.fromAccountId());
        SavingsAccount to = movable(cooperativeId, t.toAccountId());
        DomainException.require(from.memberId() == to.memberId(), "savings.transfer.other-member");
        DomainException.require(from.currency().equals(to.currency()), "savings.transfer.currency");
        DomainException.require(from.kind() == SavingsKind.VOLUNTARY, "savings.transfer.from-voluntary");
        Movement out = new Movement(from.id(), t.amount(), t.valueDate(), t.note(), t.idempotencyKey());
        BigDecimal amount = checkMovement(cooperativeId, out, from);
        requireTakesDeposits(to);
        Booked booked = book(cooperativeId, TransactionKind.TRANSFER, from, to, amount, out, List.of(
                PostingLine.debit(from.number(), amount), PostingLine.credit(to.number(), amount)),
                keepsMinimum(from).and(shareAtMostFixed(to)));
        return to.kind().equity() ? withEquityWarning(cooperativeId, to, booked) : booked;
    }

    /** Opens a time deposit: a new account per deposit ("2200.00042-01"), principal and maturity fixed at opening. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public Booked openTimeDeposit(long cooperativeId, NewTimeDeposit td) {
        Member m = members.member(cooperativeId, td.memberId());
        DomainException.require(m.status() == MemberStatus.ACTIVE, "savings.member.not-active", m.displayNumber());
        SavingsProduct p = products.product(cooperativeId, td.productId());
        DomainException.require(p.kind() == SavingsKind.TIME_DEPOSIT && p.active(), "savings.time-deposit.product", p.code());
        BigDecimal principal = Amounts.requireEntered(td.principal(), p.currency());
        DomainException.require(principal.compareTo(p.minimumBalance()) >= 0, "savings.time-deposit.minimum",
                p.minimumBalance().toPlainString());
        requireValueDate(today(cooperativeId), td.valueDate());
        String funding = cash(cooperativeId, p.currency());
        Precondition fundingRule = Precondition.NONE;
        if (td.fundingAccountId() != null) {
            SavingsAccount from = movable(cooperativeId, td.fundingAccountId());
            DomainException.require(from.memberId() == m.id() && from.kind() == SavingsKind.VOLUNTARY
                    && from.currency().equals(p.currency()), "savings.transfer.from-voluntary");
            funding = from.number();
            fundingRule = keepsMinimum(from);
        }
        int serial = dsl.fetchCount(SAVINGS_ACCOUNT, SAVINGS_ACCOUNT.MEMBER_ID.eq(m.id()).and(SAVINGS_ACCOUNT.PRODUCT_ID.eq(p.id()))) + 1;
        Account parent = chart.account(cooperativeId, p.controlAccount());
        String code = "%s.%05d-%02d".formatted(p.controlAccount(), m.memberNumber(), serial);
        Account ledgerAccount = chart.open(cooperativeId, new NewAccount(code, parent.nameEn() + " — " + m.fullName(),
                parent.nameId() + " — " + m.fullName(), parent.type(), parent.code(), p.currency(), false, m.id(), true, false));
        SavingsAccount account = open(m, p, td.valueDate(), ledgerAccount, principal,
                td.valueDate().plusMonths(Objects.requireNonNull(p.termMonths())));
        Movement opening = new Movement(account.id(), principal, td.valueDate(), null, td.idempotencyKey());
        return book(cooperativeId, TransactionKind.OPENING, account, null, principal, opening, List.of(
                PostingLine.debit(funding, principal), PostingLine.credit(account.number(), principal)), fundingRule);
    }

    /**
     * What paying the time deposit out on the date gives: its balance, the interest earned since the last run paid it
     * (booked with the payout, see {@link InterestService#earnedUntilClosing}), the penalty before maturity and the
     * cash. The amount the treasurer enters is balance and interest together: the deposit is paid out whole.
     */
    @PreAuthorize("@access.may('READ_SAVINGS')")
    public TimeDepositPayout payoutQuote(long cooperativeId, long accountId, LocalDate on) {
        SavingsAccount account = movable(cooperativeId, accountId);
        DomainException.require(account.kind() == SavingsKind.TIME_DEPOSIT, "savings.time-deposit.not", account.number());
        requireValueDate(today(cooperativeId), on);
        BigDecimal earned = interest.earnedUntilClosing(cooperativeId, account, on);
        BigDecimal whole = account.balance().add(earned);
        return new TimeDepositPayout(account.balance(), earned, earlyPenalty(account, on, whole), account.currency());
    }

    private Booked payOutTimeDeposit(long cooperativeId, SavingsAccount account, BigDecimal amount, Movement w) {
        interest.payUntilClosing(cooperativeId, account, w.valueDate());
        BigDecimal penalty = earlyPenalty(account, w.valueDate(), amount);
        if (penalty.signum() > 0) {
            requireFeeCurrency(cooperativeId, account);
        }
        List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(account.number(), amount)));
        if (amount.compareTo(penalty) > 0) {
            lines.add(PostingLine.credit(cash(cooperativeId, account.currency()), amount.subtract(penalty)));
        }
        if (penalty.signum() > 0) {
            lines.add(PostingLine.credit(feeIncome(cooperativeId), penalty));
        }
        Booked booked = book(cooperativeId, TransactionKind.WITHDRAWAL, account, null, amount, w, lines, paidOutWhole(account));
        close(cooperativeId, account.id(), w.valueDate());
        return penalty.signum() == 0 ? booked : new Booked(booked.transaction(), booked.balanceAfter(),
                List.of(new Booked.Warning("savings.time-deposit.penalty", List.of(penalty.toPlainString(), account.currency()))));
    }

    /**
     * The product's penalty on the principal when paid out before maturity, never more than what is paid out; the
     * same rule for a payout at the counter and for a member's exit.
     */
    static BigDecimal earlyPenalty(SavingsAccount account, LocalDate on, BigDecimal paidOut) {
        return on.isBefore(account.maturityOn())
                ? Amounts.round(Objects.requireNonNull(account.principal()).multiply(account.product().earlyPenaltyRate())
                .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_EVEN), account.currency()).min(paidOut)
                : Amounts.round(BigDecimal.ZERO, account.currency());
    }

    /** Closes an account whose balance is zero (time deposit paid out, exit settlement). */
    void close(long cooperativeId, long accountId, LocalDate closedOn) {
        dsl.update(SAVINGS_ACCOUNT).set(SAVINGS_ACCOUNT.STATUS, "CLOSED").set(SAVINGS_ACCOUNT.CLOSED_ON, closedOn)
                .where(SAVINGS_ACCOUNT.ID.eq(accountId).and(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId))).execute();
    }

    /**
     * Deposits of a meeting or an import, booked together in one transaction: all or none. Each has
     * its own journal entry and receipt number.
     */
    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public List<SavingsTransaction> depositAll(long cooperativeId, List<Movement> deposits) {
        DomainException.require(deposits != null && !deposits.isEmpty() && deposits.size() <= MAX_BATCH,
                "savings.batch.size", MAX_BATCH);
        LocalDate today = today(cooperativeId);
        // the batch's accounts in one query; the share capital rule runs under the ledger's locks, where
        // the balances run along the batch, so two deposits to one share account add up
        Map<Long, SavingsAccount> byId = SavingsRows.accounts(dsl).where(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_ACCOUNT.ID.in(deposits.stream().map(Movement::accountId).distinct().toList())))
                .fetchMap(SAVINGS_ACCOUNT.ID, SavingsRows::toAccount);
        List<GuardedPosting> requests = new ArrayList<>(deposits.size());
        List<SavingsAccount> accounts = new ArrayList<>(deposits.size());
        for (Movement d : deposits) {
            SavingsAccount account = byId.get(d.accountId());
            if (account == null) {
                throw DomainException.notFound("savings.account.not-found", d.accountId());
            }
            access.requireMemberRecord(account.memberId());
            requireActive(account);
            BigDecimal amount = checkMovement(today, d, account);
            requireTakesDeposits(account);
            accounts.add(account);
            requests.add(new GuardedPosting(request(cooperativeId, TransactionKind.DEPOSIT, account, d, List.of(
                    PostingLine.debit(cash(cooperativeId, account.currency()), amount), PostingLine.credit(account.number(), amount))), shareAtMostFixed(account)));
        }
        List<PostingResult> posted = ledger.postBatchGuarded(requests);
        return SavingsRows.record(dsl, cooperativeId, TransactionKind.DEPOSIT, accounts, null, deposits, posted, actor());
    }

    /**
     * A deposit another feature books in its own entry, with the rules of a deposit at the counter (an active account
     * that takes deposits, an amount in its currency, share capital at most its fixed amount under the ledger's locks).
     * The caller puts {@link LinkedDeposit#line()} into its entry and {@link LinkedDeposit#rule()} into its precondition,
     * then calls {@link #recordLinked} with the posted entry, so that the deposit stands on the member's statement.
     */
    public LinkedDeposit linkedDeposit(long cooperativeId, long accountId, BigDecimal amount, LocalDate valueDate,
                                       DepositSource source, String note) {
        DomainException.require(source != null, "savings.linked.source");
        SavingsAccount account = movable(cooperativeId, accountId);
        requireTakesDeposits(account);
        requireValueDate(today(cooperativeId), valueDate);
        BigDecimal entered = Amounts.requireEntered(amount, account.currency());
        String shown = note == null || note.isBlank() ? null : note.strip();
        DomainException.require(shown == null || shown.length() <= MAX_NOTE, "savings.note.too-long", MAX_NOTE);
        return new LinkedDeposit(account, entered, valueDate, source, shown, PostingLine.credit(account.number(), entered),
                shareAtMostFixed(account));
    }

    /** Records linked deposits booked in one posted entry as savings transactions (DEPOSIT, with their source). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SavingsTransaction> recordLinked(long cooperativeId, List<LinkedDeposit> deposits, long journalEntryId) {
        if (deposits.isEmpty()) {
            return List.of();
        }
        List<SavingsAccount> accounts = deposits.stream().map(LinkedDeposit::account).toList();
        List<SavingsRows.Row> rows = deposits.stream().map(d -> new SavingsRows.Row(d.amount(), d.valueDate(), d.note(),
                journalEntryId)).toList();
        return SavingsRows.insert(dsl, cooperativeId, TransactionKind.DEPOSIT, accounts, null, rows, deposits.get(0).source().name(),
                actor());
    }

    /**
     * A foreign-currency account's balance in the cooperative's currency at today's rate (the latest on or before today),
     * rounded half-even to its minor units; empty for an account in the cooperative's own currency or with no rate yet.
     */
    public Optional<ValueAtRate> valueToday(long cooperativeId, SavingsAccount account) {
        access.requireMemberRecord(account.memberId());
        String base = cooperatives.byId(cooperativeId).baseCurrency();
        if (account.currency().equals(base)) {
            return Optional.empty();
        }
        return rates.rateToday(cooperativeId, account.currency()).map(r -> new ValueAtRate(
                FxConversions.convert(account.balance(), r.rate(), base), base, r.rate(), r.rateDate(), r.stale()));
    }

    /** A member's transactions, newest first. */
    public List<SavingsTransaction> transactions(long cooperativeId, long memberId, int offset, int limit) {
        access.requireMemberRecord(memberId);
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return SavingsRows.transactions(dsl).where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.MEMBER_ID.eq(memberId)))
                .orderBy(SAVINGS_TRANSACTION.ID.desc()).offset(offset).limit(limit).fetch(SavingsRows::toTransaction);
    }

    /** One account's transactions, newest first (a transfer counts for the account the money left). */
    public List<SavingsTransaction> accountTransactions(long cooperativeId, long accountId, int offset, int limit) {
        SavingsAccount account = account(cooperativeId, accountId);
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return SavingsRows.transactions(dsl).where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.ACCOUNT_ID.eq(account.id())))
                .orderBy(SAVINGS_TRANSACTION.ID.desc()).offset(offset).limit(limit).fetch(SavingsRows::toTransaction);
    }

    /**
     * One account's transactions with value dates in [from, to], in value-date order (then as booked), at most
     * {@code limit}: a statement's lines, a back-dated deposit on its own day.
     */
    public List<SavingsTransaction> accountTransactionsBetween(long cooperativeId, long accountId, LocalDate from, LocalDate to,
                                                               int offset, int limit) {
        SavingsAccount account = account(cooperativeId, accountId);
        DomainException.require(from != null && to != null && !to.isBefore(from), "savings.period.invalid");
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return SavingsRows.transactions(dsl).where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.ACCOUNT_ID.eq(account.id()))
                        .and(SAVINGS_TRANSACTION.VALUE_DATE.between(from, to)))
                .orderBy(SAVINGS_TRANSACTION.VALUE_DATE, SAVINGS_TRANSACTION.ID).offset(offset).limit(limit)
                .fetch(SavingsRows::toTransaction);
    }

    /**
     * The balance after each of the listed transactions of one account, by their journal entries, the account's
     * entries dated up to {@code to} taken in value-date order (then as booked).
     */
    public Map<Long, BigDecimal> balancesAfter(long cooperativeId, long accountId, LocalDate to, List<SavingsTransaction> listed) {
        SavingsAccount account = account(cooperativeId, accountId);
        DomainException.require(to != null, "ledger.as-of.missing");
        return SavingsRows.balancesAfter(dsl, cooperativeId, account.id(), to,
                listed.stream().map(SavingsTransaction::journalEntryId).collect(Collectors.toSet()), account.currency());
    }

    /** The account's balance at the end of a day by value date (every ledger line dated up to it, whatever booked it). */
    public BigDecimal balanceAsOf(long cooperativeId, long accountId, LocalDate day) {
        SavingsAccount account = account(cooperativeId, accountId);
        DomainException.require(day != null, "ledger.as-of.missing");
        return SavingsRows.balanceAsOf(dsl, cooperativeId, account.id(), day, account.currency());
    }

    public int accountTransactionCount(long cooperativeId, long accountId) {
        SavingsAccount account = account(cooperativeId, accountId);
        return dsl.fetchCount(SAVINGS_TRANSACTION, SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                .and(SAVINGS_TRANSACTION.ACCOUNT_ID.eq(account.id())));
    }

    public int transactionCount(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return dsl.fetchCount(SAVINGS_TRANSACTION, SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                .and(SAVINGS_TRANSACTION.MEMBER_ID.eq(memberId)));
    }

    /** One transaction by its receipt number; a member asking for another member's receipt gets not-found. */
    public SavingsTransaction receipt(long cooperativeId, int receiptNumber) {
        SavingsTransaction t = SavingsRows.transactions(dsl).where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.RECEIPT_NUMBER.eq(receiptNumber)))
                .fetchOptional(SavingsRows::toTransaction)
                .orElseThrow(() -> DomainException.notFound("savings.receipt.not-found", receiptNumber));
        access.requireMemberRecord(t.memberId());
        return t;
    }

    /** The account's balance right after a transaction: the sum of its ledger lines up to that entry. */
    public BigDecimal balanceAfter(long cooperativeId, SavingsTransaction t) {
        access.requireMemberRecord(t.memberId());
        return SavingsRows.balanceAfter(dsl, cooperativeId, t.accountId(), t.journalEntryId(), t.currency());
    }

    // --- rules -------------------------------------------------------------------------------------

    /**
     * An account money may move on. An exited member has no active account (the exit settlement closes
     * them all, and no account opens for an exited member), so "active" also means "of a member".
     */
    /**
     * The withdrawal booked before under the same key, when the account has closed since (the ledger's own replay is
     * never reached: a closed account refuses first). The same key for anything else — another kind, account, amount,
     * value date or note — is refused, as the ledger refuses it for other content.
     */
    private Optional<Booked> replay(long cooperativeId, Movement m, SavingsAccount account) {
        if (m.idempotencyKey() == null) {
            return Optional.empty();
        }
        return SavingsRows.transactions(dsl).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(SAVINGS_TRANSACTION.JOURNAL_ENTRY_ID))
                .where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId))
                        .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.eq("savings:" + m.idempotencyKey())))
                .fetchOptional(SavingsRows::toTransaction)
                .map(t -> {
                    if (t.kind() != TransactionKind.WITHDRAWAL || t.accountId() != account.id() || m.amount() == null
                            || t.amount().compareTo(m.amount()) != 0 || !t.valueDate().equals(m.valueDate())
                            || !Objects.equals(t.note(), m.note() == null || m.note().isBlank() ? null : m.note().strip())) {
                        throw DomainException.conflict("savings.key.used-elsewhere");
                    }
                    return new Booked(t, SavingsRows.balanceAfter(dsl, cooperativeId, t.accountId(), t.journalEntryId(), t.currency()),
                            List.of(), true);
                });
    }

    private SavingsAccount movable(long cooperativeId, long accountId) {
        return requireActive(account(cooperativeId, accountId));
    }

    private static SavingsAccount requireActive(SavingsAccount account) {
        DomainException.require(account.active(), "savings.account.closed", account.number());
        return account;
    }

    private BigDecimal checkMovement(long cooperativeId, Movement m, SavingsAccount account) {
        return checkMovement(today(cooperativeId), m, account);
    }

    private static BigDecimal checkMovement(LocalDate today, Movement m, SavingsAccount account) {
        DomainException.require(m.idempotencyKey() != null && m.idempotencyKey().matches("[A-Za-z0-9._:-]{8,80}"),
                "savings.key.missing");
        DomainException.require(m.note() == null || m.note().length() <= MAX_NOTE, "savings.note.too-long", MAX_NOTE);
        requireValueDate(today, m.valueDate());
        return Amounts.requireEntered(m.amount(), account.currency());
    }

    private LocalDate today(long cooperativeId) {
        return cooperatives.byId(cooperativeId).today(clock);
    }

    private static void requireValueDate(LocalDate today, LocalDate valueDate) {
        DomainException.require(valueDate != null, "ledger.value-date.missing");
        DomainException.require(!valueDate.isAfter(today), "savings.value-date.future", valueDate);
    }

    private static void requireTakesDeposits(SavingsAccount account) {
        // mandatory and voluntary savings take any positive amount (arrears and advances included)
        DomainException.require(account.kind() != SavingsKind.TIME_DEPOSIT, "savings.deposit.time-deposit");
    }

    // Balance-dependent rules: preconditions the ledger runs after it has locked the accounts, so two
    // concurrent movements cannot both pass a rule that only one of them may.

    /** Share capital (simpanan pokok) never above the product's fixed amount. */
    private static Precondition shareAtMostFixed(SavingsAccount account) {
        if (account.kind() != SavingsKind.SHARE) {
            return Precondition.NONE;
        }
        BigDecimal fixed = Objects.requireNonNull(account.product().fixedAmount());
        return b -> DomainException.require(b.after(account.number()).compareTo(fixed) <= 0,
                "savings.share.over", MoneyArgument.of(fixed, account.currency()),
                MoneyArgument.of(b.before(account.number()), account.currency()));
    }

    /**
     * The rule for a posting another feature makes from a member's account (a loan repaid from savings): the product's
     * minimum and what is held on the account stay in it, checked under the ledger's locks; the account's row is
     * locked now, as a withdrawal locks it.
     */
    public Precondition keepsWhatIsHeld(long cooperativeId, long accountId) {
        return keepsMinimum(account(cooperativeId, accountId));
    }

    /**
     * What the account holds beyond its product's minimum and what other features hold on it (other loans' required
     * savings): what a new hold may count on. Its row is locked first, in the caller's transaction.
     */
    public BigDecimal unheld(long cooperativeId, long accountId) {
        SavingsAccount account = account(cooperativeId, accountId);
        BigDecimal held = held(account); // locks the row: the balance read after it is one no withdrawal changes meanwhile
        return account(cooperativeId, accountId).balance().subtract(account.product().minimumBalance()).subtract(held);
    }

    /**
     * A voluntary account keeps the product's minimum balance, and on top of it what other features hold on
     * it (a loan's required savings, blocked until the loan is repaid).
     */
    private Precondition keepsMinimum(SavingsAccount account) {
        BigDecimal held = held(account);
        BigDecimal minimum = account.product().minimumBalance().add(held);
        String refusal = held.signum() > 0 ? "savings.withdrawal.held" : "savings.withdrawal.minimum";
        return b -> DomainException.require(b.after(account.number()).compareTo(minimum) >= 0,
                refusal, MoneyArgument.of(b.before(account.number()), account.currency()), MoneyArgument.of(minimum, account.currency()));
    }

    /**
     * What is held on the account. Its row is locked first, in the movement's transaction: a loan locks it too
     * before it checks the savings and starts its hold, so a withdrawal and a disbursement never both count on
     * the same money. The row lock comes before the ledger's, as in the loan.
     */
    private BigDecimal held(SavingsAccount account) {
        dsl.select(SAVINGS_ACCOUNT.ID).from(SAVINGS_ACCOUNT).where(SAVINGS_ACCOUNT.ID.eq(account.id())).forNoKeyUpdate().fetch();
        return holds.orderedStream().map(h -> h.held(account.cooperativeId(), account.id()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A fee takes at most what the account holds. */
    private static Precondition notOverdrawn(SavingsAccount account) {
        return b -> DomainException.require(b.after(account.number()).signum() >= 0, "savings.balance.insufficient",
                account.number(), MoneyArgument.of(b.before(account.number()), account.currency()));
    }

    /** A time deposit is paid out whole: nothing stays on it. */
    private static Precondition paidOutWhole(SavingsAccount account) {
        return b -> DomainException.require(b.after(account.number()).signum() == 0, "savings.time-deposit.whole",
                MoneyArgument.of(b.before(account.number()), account.currency()));
    }

    /**
     * Cooperative law lets one member hold at most 20 % of modal sendiri as share capital and mandatory
     * savings; a deposit beyond it is booked (the money is there) but the treasurer is warned.
     */
    private Booked withEquityWarning(long cooperativeId, SavingsAccount account, Booked booked) {
        BigDecimal memberEquity = dsl.select(DSL.sum(LEDGER_ACCOUNT.CREDIT_TOTAL.minus(LEDGER_ACCOUNT.DEBIT_TOTAL)))
                .from(SAVINGS_ACCOUNT).join(SAVINGS_PRODUCT).on(SAVINGS_PRODUCT.ID.eq(SAVINGS_ACCOUNT.PRODUCT_ID))
                .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID))
                .where(SAVINGS_ACCOUNT.MEMBER_ID.eq(account.memberId()).and(SAVINGS_PRODUCT.KIND.in("SHARE", "MANDATORY")))
                .fetchOne(0, BigDecimal.class);
        BigDecimal ownCapital = chart.ownCapital(cooperativeId);
        if (memberEquity == null || ownCapital.signum() <= 0
                || memberEquity.compareTo(ownCapital.multiply(EQUITY_LIMIT)) <= 0) {
            return booked;
        }
        BigDecimal percent = memberEquity.multiply(BigDecimal.valueOf(100)).divide(ownCapital, 1, RoundingMode.HALF_EVEN);
        List<Booked.Warning> warnings = new ArrayList<>(booked.warnings());
        warnings.add(new Booked.Warning("savings.equity.over-limit", List.of(percent.toPlainString(), "20")));
        return new Booked(booked.transaction(), booked.balanceAfter(), warnings);
    }

    // --- booking -----------------------------------------------------------------------------------

    private Booked book(long cooperativeId, TransactionKind kind, SavingsAccount account, @Nullable SavingsAccount counter,
                        BigDecimal amount, Movement m, List<PostingLine> lines, Precondition rule) {
        PostingResult posted = ledger.post(request(cooperativeId, kind, account, m, lines), rule);
        SavingsTransaction t = posted.replayed()
                ? SavingsRows.transactions(dsl).where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.JOURNAL_ENTRY_ID.eq(posted.entry().id())))
                .fetchOptional(SavingsRows::toTransaction)
                .orElseThrow(() -> DomainException.conflict("savings.key.used-elsewhere"))
                : SavingsRows.record(dsl, cooperativeId, kind, List.of(account), counter,
                List.of(new Movement(account.id(), amount, m.valueDate(), m.note(), m.idempotencyKey())),
                List.of(posted), actor()).get(0);
        return new Booked(t, SavingsRows.balanceAfter(dsl, cooperativeId, t.accountId(), t.journalEntryId(), t.currency()),
                List.of(), posted.replayed());
    }

    private PostingRequest request(long cooperativeId, TransactionKind kind, SavingsAccount account, Movement m,
                                   List<PostingLine> lines) {
        String description = (m.note() == null || m.note().isBlank())
                ? "%s %s %s".formatted(kind.name(), account.product().code(), account.number())
                : "%s %s %s: %s".formatted(kind.name(), account.product().code(), account.number(), m.note().strip());
        return new PostingRequest(cooperativeId, "savings:" + m.idempotencyKey(), m.valueDate(), description,
                "SAVINGS", account.number(), lines, actor());
    }

    private String actor() {
        return access.currentUser().map(u -> u.username()).orElse("system");
    }

    /** The cash box of the account's currency: 1100 for rupiah, the foreign cash (1150.MYR) for ringgit savings. */
    private String cash(long cooperativeId, String currency) {
        return foreignCurrency.cashCode(cooperativeId, currency);
    }

    /**
     * A fee or penalty is income in the cooperative's currency: taken from an account in another currency it would
     * need the day's rate and the currency position, so it is refused with a message instead of an unbalanced entry.
     */
    private void requireFeeCurrency(long cooperativeId, SavingsAccount account) {
        String income = chart.account(cooperativeId, SavingsAccountRole.FEE_INCOME).currency();
        DomainException.require(account.currency().equals(income), "savings.fee.currency", account.number(), account.currency(),
                income);
    }

    private String feeIncome(long cooperativeId) {
        return chart.code(cooperativeId, SavingsAccountRole.FEE_INCOME);
    }
}
