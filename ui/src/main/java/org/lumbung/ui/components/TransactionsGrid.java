package org.lumbung.ui.components;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.lumbung.savings.ReceiptDocument;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.ui.i18n.Formats;

/**
 * A member's savings transactions, newest first, loaded page by page, each with who recorded it (by name) and its
 * receipt as PDF: the staff's view of the member page (the member's own page shows them as cards).
 */
public class TransactionsGrid extends Grid<SavingsTransaction> {

    public TransactionsGrid(String id, SavingsService savings, ReceiptDocument receipts, PersonNames people, long cooperativeId,
                            long memberId) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(t -> Formats.date(t.valueDate(), getLocale())).setHeader(getTranslation("tx.date")).setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(t -> TransactionText.what(this::getTranslation, t))
                .setHeader(getTranslation("tx.kind")).setFlexGrow(1);
        addColumn(SavingsTransaction::accountNumber).setHeader(getTranslation("tx.account")).setAutoWidth(true);
        addColumn(t -> Formats.money(t.amount(), t.currency(), getLocale())).setHeader(getTranslation("tx.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        addColumn(t -> t.note() == null ? "" : t.note()).setHeader(getTranslation("tx.note")).setFlexGrow(1);
        addColumn(t -> people.of(t.recordedBy())).setHeader(getTranslation("tx.by")).setAutoWidth(true).setKey("recorded-by");
        addComponentColumn(t -> new ReceiptLink(receipts, cooperativeId, t.receiptNumber(), "#" + t.receiptNumber()))
                .setHeader(getTranslation("tx.receipt")).setAutoWidth(true).setFlexGrow(0).setKey("receipt");
        setItems(query -> savings.transactions(cooperativeId, memberId, query.getOffset(),
                        Math.min(query.getLimit(), SavingsService.MAX_PAGE)).stream(),
                query -> savings.transactionCount(cooperativeId, memberId));
    }
}
