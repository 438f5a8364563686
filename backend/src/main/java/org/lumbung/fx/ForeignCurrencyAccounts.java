package org.lumbung.fx;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.NewAccount;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/**
 * The accounts of each foreign currency a cooperative holds, found by currency and opened from the chart
 * template when missing (a cooperative founded before them still works). An account counts in its parent's
 * currency, so the accounts held in the foreign currency stand at the top of the chart, coded after their
 * template header:
 * <ul>
 *   <li>{@link #cash} 1150.MYR and {@link #bank} 1160.MYR: foreign cash and bank, in MYR, never negative;</li>
 *   <li>{@link #savings} 2150.MYR: the control account of members' MYR savings (their sub-accounts under it);</li>
 *   <li>{@link #position} 1900.MYR, in MYR, and {@link #positionCost} 1910.MYR, in the cooperative's currency:
 *       the two sides of the MYR position. Every exchange posts the foreign amount against 1900.MYR and its
 *       value in the cooperative's currency against 1910.MYR, so each currency balances on its own; the MYR
 *       held is minus 1900.MYR's balance and its carrying cost 1910.MYR's;</li>
 *   <li>{@link #revaluation} 1920.MYR: the month-end revaluation of the position, in the cooperative's currency.</li>
 * </ul>
 * The gains and losses are the roles {@link FxAccountRole#FX_REALIZED_GAIN} and its siblings
 * ({@link #result}).
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ForeignCurrencyAccounts {

    /** The advisory-lock namespace that serialises opening a currency's accounts (1 and 2 number members and receipts). */
    private static final int OPENING_LOCK = 40;

    private final DSLContext dsl;
    private final ChartOfAccounts chart;
    private final CooperativeService cooperatives;
    private final Map<Long, String> baseCurrency = new ConcurrentHashMap<>();

    public ForeignCurrencyAccounts(DSLContext dsl, ChartOfAccounts chart, CooperativeService cooperatives) {
        this.dsl = dsl;
        this.chart = chart;
        this.cooperatives = cooperatives;
    }

    /** The cash box of the currency (1150.MYR): foreign notes carried home, never below zero. */
    @Transactional
    public Account cash(long cooperativeId, String currency) {
        return heldInCurrency(cooperativeId, FxAccountRole.FOREIGN_CASH, currency, true);
    }

    /** The cooperative's bank account in the currency (1160.MYR), never below zero. */
    @Transactional
    public Account bank(long cooperativeId, String currency) {
        return heldInCurrency(cooperativeId, FxAccountRole.FOREIGN_BANK, currency, true);
    }

    /** The control account of members' savings in the currency (2150.MYR), never overdrawn. */
    @Transactional
    public Account savings(long cooperativeId, String currency) {
        return heldInCurrency(cooperativeId, FxAccountRole.FOREIGN_SAVINGS, currency, true);
    }

    /** The position's foreign side (1900.MYR), in the currency. */
    @Transactional
    public Account position(long cooperativeId, String currency) {
        return chart.fxPositionAccount(cooperativeId, foreign(cooperativeId, currency));
    }

    /** The position's cost in the cooperative's currency (1910.MYR): the carrying amount of what is held. */
    @Transactional
    public Account positionCost(long cooperativeId, String currency) {
        return heldInCurrency(cooperativeId, FxAccountRole.FX_POSITION_COST, currency, false);
    }

    /** The position's month-end revaluation in the cooperative's currency (1920.MYR). */
    @Transactional
    public Account revaluation(long cooperativeId, String currency) {
        return heldInCurrency(cooperativeId, FxAccountRole.FX_REVALUATION, currency, false);
    }

    /** A gain or loss account (FX_REALIZED_GAIN 4500, …_LOSS 5700, FX_UNREALIZED_… 4510, 5710), opened when missing. */
    @Transactional
    public Account result(long cooperativeId, FxAccountRole role) {
        return chart.account(cooperativeId, role);
    }

    /** The foreign currencies the cooperative holds a position in (has exchanged), in code order. */
    public List<String> positionCurrencies(long cooperativeId) {
        String header = chart.code(cooperativeId, LedgerAccountRole.FX_POSITION);
        String base = base(cooperativeId);
        return dsl.select(LEDGER_ACCOUNT.CURRENCY).from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNull())
                        .and(LEDGER_ACCOUNT.CODE.startsWith(header + ".")).and(LEDGER_ACCOUNT.CURRENCY.ne(base)))
                .orderBy(LEDGER_ACCOUNT.CURRENCY).limit(200).fetch(LEDGER_ACCOUNT.CURRENCY);
    }

    /**
     * The code of the cash box for money in the currency: the cash account (1100) for the cooperative's own
     * currency, the currency's foreign cash (1150.MYR, opened when missing) for another.
     */
    @Transactional
    public String cashCode(long cooperativeId, String currency) {
        String code = Amounts.currency(currency).getCurrencyCode();
        return code.equals(base(cooperativeId)) ? chart.code(cooperativeId, LedgerAccountRole.CASH) : cash(cooperativeId, code).code();
    }

    /** The validated ISO 4217 code of a currency other than the cooperative's own. */
    String foreign(long cooperativeId, String currency) {
        String code = Amounts.currency(currency).getCurrencyCode();
        DomainException.require(!code.equals(base(cooperativeId)), "fx.currency.is-base", code);
        return code;
    }

    /** A cooperative's currency is fixed at its founding: read once. */
    private String base(long cooperativeId) {
        return baseCurrency.computeIfAbsent(cooperativeId, id -> cooperatives.byId(id).baseCurrency());
    }

    /**
     * The account "header.CUR" of a role: in the foreign currency at the top of the chart ({@code inForeign}),
     * else in the cooperative's currency under the header. Opened once: concurrent first uses wait on a lock.
     */
    private Account heldInCurrency(long cooperativeId, FxAccountRole role, String currency, boolean inForeign) {
        String foreign = foreign(cooperativeId, currency);
        String code = chart.code(cooperativeId, role) + "." + foreign;
        return chart.find(cooperativeId, code).orElseGet(() -> {
            dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(OPENING_LOCK),
                    DSL.val((int) cooperativeId))).fetch();
            return chart.find(cooperativeId, code).orElseGet(() -> chart.open(cooperativeId, opening(cooperativeId, role, code, foreign, inForeign)));
        });
    }

    private NewAccount opening(long cooperativeId, FxAccountRole role, String code, String foreign, boolean inForeign) {
        Account header = chart.account(cooperativeId, role);
        boolean liability = !header.type().debitNormal();
        return new NewAccount(code, header.nameEn() + " " + foreign, header.nameId() + " " + foreign, header.type(),
                inForeign ? null : header.code(), inForeign ? foreign : header.currency(), false, null,
                inForeign && liability, inForeign && !liability);
    }
}
