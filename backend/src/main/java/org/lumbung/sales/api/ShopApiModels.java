package org.lumbung.sales.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.sales.Sale;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.ShopReports;
import org.lumbung.sales.StockValuation;

import java.time.LocalDate;
import java.util.List;

/** The JSON of the shop API; amounts and quantities are plain decimal strings ("15000.00", "2.5"), never JSON numbers. */
public final class ShopApiModels {

    private ShopApiModels() {
    }

    public record ProductResponse(long id, String code, @Nullable String barcode, String nameEn, String nameId, String unit, String category,
                                  String salePrice, String memberPrice, boolean taxable, boolean active, String stockQuantity) {

        public static ProductResponse of(ShopProduct p) {
            return new ProductResponse(p.id(), p.code(), p.barcode(), p.nameEn(), p.nameId(), p.unit(), p.category(),
                    p.salePrice().stripTrailingZeros().toPlainString(), p.memberPrice().stripTrailingZeros().toPlainString(),
                    p.taxable(), p.active(), p.stockQuantity().stripTrailingZeros().toPlainString());
        }
    }

    /** A sale: the member's number (absent: a walk-in customer paying cash), the payment, the lines. */
    public record SaleRequest(@Nullable Integer memberNumber, @Nullable String payment, @Nullable LocalDate valueDate,
                              @Nullable String note, @Nullable List<LineRequest> lines) {
    }

    /** A line: the product's code or barcode, the quantity, an optional discount on the whole line. */
    public record LineRequest(@Nullable String product, @Nullable String quantity, @Nullable String discount) {
    }

    public record SaleResponse(long id, String receiptNumber, String kind, @Nullable Integer memberNumber, String payment, LocalDate valueDate,
                               String gross, String discount, String total, String cost, long journalEntryId,
                               @Nullable Long journalEntrySequence, List<SaleLineResponse> lines) {

        public static SaleResponse of(Sale s, @Nullable Integer memberNumber, @Nullable Long sequence) {
            return new SaleResponse(s.id(), s.receipt(), s.kind().name(), memberNumber, s.payment().name(), s.valueDate(),
                    s.gross().toPlainString(), s.discount().toPlainString(), s.total().toPlainString(), s.cost().toPlainString(),
                    s.journalEntryId(), sequence, s.lines().stream().map(SaleLineResponse::of).toList());
        }
    }

    public record SaleLineResponse(int line, String product, String quantity, String unitPrice, String discount, String amount) {

        static SaleLineResponse of(Sale.Line l) {
            return new SaleLineResponse(l.lineNumber(), l.productCode(), l.quantity().stripTrailingZeros().toPlainString(),
                    l.unitPrice().toPlainString(), l.discount().toPlainString(), l.amount().toPlainString());
        }
    }

    /** A page of sales and returns, newest first; {@code total} counts all of the period. */
    public record SalePage(int total, int offset, LocalDate from, LocalDate to, List<SaleResponse> sales) {
    }

    public record StockResponse(LocalDate asOf, String total, String inventoryAccount, List<StockLine> products) {

        public static StockResponse of(StockValuation v) {
            return new StockResponse(v.asOf(), v.total().toPlainString(), v.inventoryAccount().toPlainString(),
                    v.lines().stream().map(l -> new StockLine(l.code(), l.nameId(), l.unit(), l.quantity().stripTrailingZeros().toPlainString(),
                            l.value().toPlainString())).toList());
        }
    }

    public record StockLine(String product, String name, String unit, String quantity, String value) {
    }

    /**
     * Sales of a period by one dimension, the largest rows (at most 500; {@code rowCount} says how many there are) and the
     * total of the whole period with cost and gross margin.
     */
    public record SalesReport(String by, LocalDate from, LocalDate to, List<SalesReportRow> rows, int rowCount,
                              SalesReportRow total) {

        public static SalesReport of(ShopReports.By by, LocalDate from, LocalDate to, ShopReports.Sales sales) {
            return new SalesReport(by.name(), from, to, sales.rows().stream().map(SalesReportRow::of).toList(), sales.rowCount(),
                    SalesReportRow.of(sales.total()));
        }
    }

    /** A row: product code, category, member number (empty: walk-in customers) or yyyy-MM; its name where it has one. */
    public record SalesReportRow(String key, String name, String quantity, String sales, String cost, String margin,
                                 String marginPercent) {

        static SalesReportRow of(ShopReports.Row r) {
            return new SalesReportRow(r.key(), r.label().id(), r.quantity().stripTrailingZeros().toPlainString(), r.sales().toPlainString(),
                    r.cost().toPlainString(), r.margin().toPlainString(), r.marginPercent().toPlainString());
        }
    }
}
