package org.lumbung.fx;

import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    public FxTrading(ForeignCurrencyAccounts accounts, ChartOfAccounts chart, LedgerService ledger) {
        this.accounts = accounts;
        this.chart = chart;
        this.ledger = ledger;
    }

    /** The position in a currency from the ledger's maintained totals. */
    public FxPosition position(long cooperativeId, String currency) {
        Account position = accounts.position(cooperativeId, currency);
        Account cost = accounts.positionCost(cooperativeId, currency);
        return new FxPosition(position.currency(), position.balance().negate(), cost.balance());
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
        FxPosition p = position(cooperativeId, currency);
        DomainException.require(p.held().compareTo(amount) >= 0, "fx.sale.more-than-held", amount.toPlainString(), currency,
                p.held().toPlainString());
        BigDecimal cost = amount.compareTo(p.held()) == 0 ? p.cost() : Amounts.round(amount.multiply(p.cost())
                .divide(p.held(), java.math.MathContext.DECIMAL128), base);
        BigDecimal realized = proceeds.subtract(cost);
        PostingRequest request = new PostingRequest(cooperativeId, sale.idempotencyKey(), sale.valueDate(),
                "FX_SALE " + amount.toPlainString() + " " + currency, "FX", currency,
                saleLines(cooperativeId, sale.from(), currency, amount, proceeds, cost, realized), CurrentActor.name());
        var posted = ledger.post(request, unchanged(cooperativeId, currency, p));
        return new FxSaleResult(posted.entry(), p.carryingRate(), cost, realized);
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
