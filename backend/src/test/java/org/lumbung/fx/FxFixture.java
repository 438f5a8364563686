package org.lumbung.fx;

import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Foreign money arriving as a remittance does: into the currency's cash or bank, the rupiah owed to the member. */
final class FxFixture {

    private FxFixture() {
    }

    static void receive(LedgerService ledger, ForeignCurrencyAccounts fx, long cooperativeId, String key, LocalDate day,
                        boolean bank, String currency, String foreignAmount, String cost) {
        String foreign = (bank ? fx.bank(cooperativeId, currency) : fx.cash(cooperativeId, currency)).code();
        ledger.post(new PostingRequest(cooperativeId, key, day, "remittance", "MANUAL", null, List.of(
                PostingLine.debit(foreign, new BigDecimal(foreignAmount)),
                PostingLine.credit(fx.position(cooperativeId, currency).code(), new BigDecimal(foreignAmount)),
                PostingLine.debit(fx.positionCost(cooperativeId, currency).code(), new BigDecimal(cost)),
                PostingLine.credit("2300", new BigDecimal(cost))), "treasurer"));
    }
}
