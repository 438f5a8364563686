package org.lumbung.fx;

import org.jooq.DSLContext;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Precondition;
import org.lumbung.ledger.Side;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The positions in foreign currencies and their sale. Selling foreign currency books the realized gain or loss
 * against the weighted-average carrying rate of the currency: the cost of what is sold is
 * {@code amount × cost / held}, rounded half-even to the cooperative's minor units (all of the cost when the whole
 * position is sold, so no rounding is left behind), and the result is the proceeds less that cost. One entry,
 * balanced in each currency:
 * <pre>
 *   Cr 1150.MYR (or 1160.MYR) amount MYR     Dr 1900.MYR amount MYR
 *   Dr 1100 (or 1200) proceeds IDR           Cr 1910.MYR cost IDR       Cr 4500 gain / Dr 5700 loss IDR
 * </pre>
 */
@Service
@PreAuthorize("@access.may('READ_RATES')")
public class FxTrading {

    private final ForeignCurrencyAccounts accounts;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final DSLContext dsl;

    public FxTrading(ForeignCurrencyAccounts accounts, ChartOfAccounts chart, LedgerService ledger, DSLContext dsl) {
        this.dsl = dsl;
        this.accounts = accounts;
        this.chart = chart;
        this.ledger = ledger;
    }

    /** The position in a currency from the ledger's maintained totals (nothing held when never exchanged). */
    public FxPosition position(long cooperativeId, String currency) {
        String code = accounts.foreign(cooperativeId, currency);
        BigDecimal held = accounts.existing(cooperativeId, LedgerAccountRole.FX_POSITION, code).map(Account::balance)
                .orElse(BigDecimal.ZERO).negate();
        BigDecimal cost = accounts.existing(cooperativeId, FxAccountRole.FX_POSITION_COST, code).map(Account::balance)
                .orElse(BigDecimal.ZERO);
        return new FxPosition(code, held, cost);
    }

    /** Sells foreign currency and books the realized result; refused when more is sold than is held. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_RATES')")
    public FxSaleResult sell(long cooperativeId, FxSale sale) {
        DomainException.require(sale != null && sale.from() != null && sale.valueDate() != null, "fx.sale.incomplete");
        String currency = accounts.foreign(cooperativeId, sale.currency());
        BigDecimal amount = Amounts.requireEntered(sale.amount(), currency);
        String base = accounts.positionCost(cooperativeId, currency).currency();
        BigDecimal proceeds = Amounts.requireEntered(sale.proceeds(), base);
        String description = "FX_SALE " + amount.toPlainString() + " " + currency;
        var earlier = FxSaleReplay.entryId(dsl, cooperativeId, sale.idempotencyKey());
        if (earlier.isPresent()) {
            // the sale itself moved the position: a replay answers the first sale, it never computes a new cost
            return replay(cooperativeId, ledger.entry(cooperativeId, earlier.get()), sale, description, proceeds, currency);
        }
        FxPosition p = position(cooperativeId, currency);
        DomainException.require(p.held().compareTo(amount) >= 0, "fx.sale.more-than-held", amount.toPlainString(), currency,
                p.held().toPlainString());
        BigDecimal cost = amount.compareTo(p.held()) == 0 ? p.cost() : Amounts.round(amount.multiply(p.cost())
                .divide(p.held(), MathContext.DECIMAL128), base);
        BigDecimal realized = proceeds.subtract(cost);
        PostingRequest request = new PostingRequest(cooperativeId, sale.idempotencyKey(), sale.valueDate(),
                description, "FX", currency,
                saleLines(cooperativeId, sale.from(), currency, amount, proceeds, cost, realized), CurrentActor.name());
        var posted = ledger.post(request, unchanged(cooperativeId, currency, p));
        // held ≥ amount > 0: there is a carrying rate
        return new FxSaleResult(posted.entry(), Objects.requireNonNull(p.carryingRate()), cost, realized);
    }

    /**
     * The first sale under the key, if this one asks for the same: same date, amount, currency, holding and proceeds
     * (its entry's description, source and lines); another sale under the key is a conflict.
     */
    private FxSaleResult replay(long cooperativeId, JournalEntry first, FxSale sale, String description, BigDecimal proceeds,
                                String currency) {
        boolean cash = sale.from() == FxSale.Holding.CASH;
        String foreign = (cash ? accounts.cash(cooperativeId, currency) : accounts.bank(cooperativeId, currency)).code();
        String home = chart.code(cooperativeId, cash ? LedgerAccountRole.CASH : LedgerAccountRole.BANK);
        boolean same = first.description().equals(description) && "FX".equals(first.sourceType())
                && first.valueDate().equals(sale.valueDate())
                && FxSaleReplay.amount(first, foreign, Side.CREDIT).compareTo(sale.amount()) == 0
                && FxSaleReplay.amount(first, home, Side.DEBIT).compareTo(proceeds) == 0;
        DomainException.require(same, "fx.sale.key.used-for-other", sale.idempotencyKey());
        String costAccount = accounts.positionCost(cooperativeId, currency).code();
        BigDecimal cost = FxSaleReplay.amount(first, costAccount, Side.CREDIT).subtract(FxSaleReplay.amount(first, costAccount, Side.DEBIT));
        FxPosition before = FxSaleReplay.positionBefore(dsl, cooperativeId, first.id(), currency,
                accounts.position(cooperativeId, currency).id(), accounts.positionCost(cooperativeId, currency).id());
        // the first sale was booked because at least what it sold was held before it: there is a carrying rate
        return new FxSaleResult(first, Objects.requireNonNull(before.carryingRate()), cost, proceeds.subtract(cost));
    }

    private List<PostingLine> saleLines(long cooperativeId, FxSale.Holding from, String currency, BigDecimal amount,
                                        BigDecimal proceeds, BigDecimal cost, BigDecimal realized) {
        boolean cash = from == FxSale.Holding.CASH;
        String foreign = (cash ? accounts.cash(cooperativeId, currency) : accounts.bank(cooperativeId, currency)).code();
        String home = chart.code(cooperativeId, cash ? LedgerAccountRole.CASH : LedgerAccountRole.BANK);
        List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.credit(foreign, amount),
                PostingLine.debit(accounts.position(cooperativeId, currency).code(), amount),
                PostingLine.debit(home, proceeds)));
        if (cost.signum() > 0) {
            lines.add(PostingLine.credit(accounts.positionCost(cooperativeId, currency).code(), cost));
        } else if (cost.signum() < 0) {
            lines.add(PostingLine.debit(accounts.positionCost(cooperativeId, currency).code(), cost.negate()));
        }
        if (realized.signum() > 0) {
            lines.add(PostingLine.credit(accounts.result(cooperativeId, FxAccountRole.FX_REALIZED_GAIN).code(), realized));
        } else if (realized.signum() < 0) {
            lines.add(PostingLine.debit(accounts.result(cooperativeId, FxAccountRole.FX_REALIZED_LOSS).code(), realized.negate()));
        }
        return lines;
    }

    /**
     * The cost was computed from the position read before the ledger's locks: under them, it must still be that
     * position, or another sale came between and this one is refused (to be tried again), never booked at a stale cost.
     */
    private Precondition unchanged(long cooperativeId, String currency, FxPosition read) {
        String position = accounts.position(cooperativeId, currency).code();
        String cost = accounts.positionCost(cooperativeId, currency).code();
        return balances -> DomainException.require(balances.before(position).negate().compareTo(read.held()) == 0
                && balances.before(cost).compareTo(read.cost()) == 0, "fx.position.changed", currency);
    }
}
