package org.lumbung.sales.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.api.EntryInput;
import org.lumbung.members.MemberService;
import org.lumbung.members.api.MemberApiController;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewSale;
import org.lumbung.sales.Payment;
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleService;
import org.lumbung.sales.SalesAbility;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.ShopReports;
import org.lumbung.sales.StockService;
import org.lumbung.sales.api.ShopApiModels.LineRequest;
import org.lumbung.sales.api.ShopApiModels.ProductResponse;
import org.lumbung.sales.api.ShopApiModels.SalePage;
import org.lumbung.sales.api.ShopApiModels.SaleRequest;
import org.lumbung.sales.api.ShopApiModels.SaleResponse;
import org.lumbung.sales.api.ShopApiModels.SalesReport;
import org.lumbung.sales.api.ShopApiModels.StockResponse;
import org.lumbung.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The shop for integrations (a second till, a marketplace): the catalogue, sales through the same service as the
 * counter (stock checked under the products' locks, credit limit and savings minimum under the ledger's), each
 * answered with its receipt number and journal entry, the sales of a period paged, and the stock valuation.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Shop", description = "The cooperative's shop: products, sales, stock")
public class ShopApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final MemberService members;
    private final ShopCatalogue catalogue;
    private final SaleService sales;
    private final StockService stock;
    private final ShopReports reports;
    private final LedgerService ledger;
    private final Clock clock;

    public ShopApiController(CooperativeService cooperatives, AccessPolicy access, MemberService members, ShopCatalogue catalogue,
                             SaleService sales, StockService stock, ShopReports reports, LedgerService ledger, Clock clock) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.members = members;
        this.catalogue = catalogue;
        this.sales = sales;
        this.stock = stock;
        this.reports = reports;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Operation(summary = "The shop's products (goods), with prices and the stock held")
    @GetMapping("/products")
    public List<ProductResponse> products(@PathVariable String code) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SalesAbility.READ_SHOP);
        return catalogue.products(c.id(), false).stream().map(ProductResponse::of).toList();
    }

    @Operation(summary = "Record a sale; 201 with the receipt number and the journal entry",
            description = "200 with the same sale when the same Idempotency-Key and content came before; 409 when the key was "
                    + "used for other content; 422 when the shop does not hold the goods, a discount is beyond the limit, the "
                    + "member's credit limit or savings minimum would be passed.")
    @PostMapping("/sales")
    public ResponseEntity<SaleResponse> sell(@PathVariable String code,
                                             @Parameter(description = "made by the client before it submits, 8-80 of A-Z a-z 0-9 . _ : -")
                                             @RequestHeader("Idempotency-Key") String idempotencyKey,
                                             @RequestBody @Nullable SaleRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SalesAbility.SELL);
        DomainException.require(body != null, "api.body.missing");
        DomainException.require(body.lines() != null && !body.lines().isEmpty() && body.lines().size() <= NewSale.MAX_LINES,
                "sales.lines.count", NewSale.MAX_LINES);
        Long memberId = body.memberNumber() == null ? null : MemberApiController.byNumber(members, c.id(), body.memberNumber()).id();
        Payment payment = body.payment() == null ? Payment.CASH : Arrays.stream(Payment.values())
                .filter(p -> p.name().equals(body.payment())).findFirst()
                .orElseThrow(() -> DomainException.invalid("sales.payment.missing"));
        List<NewSale.Line> lines = body.lines().stream().map(l -> line(c, l)).toList();
        Sale s = sales.sell(c.id(), new NewSale(memberId, payment, lines, body.valueDate(), body.note(), idempotencyKey));
        return ResponseEntity.status(s.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(response(c, s, body.memberNumber()));
    }

    private NewSale.Line line(Cooperative c, @Nullable LineRequest l) {
        if (l == null || l.product() == null) {
            throw DomainException.invalid("sales.product.not-found", "-");
        }
        String product = l.product();
        ShopProduct p = catalogue.scan(c.id(), product)
                .orElseThrow(() -> DomainException.notFound("sales.product.not-found", product.length() <= 32 ? product : "-"));
        BigDecimal discount = l.discount() == null ? null : EntryInput.amount(l.discount());
        DomainException.require(l.quantity() != null, "sales.quantity.invalid", "1000000");
        return new NewSale.Line(p.id(), EntryInput.amount(l.quantity()), discount);
    }

    @Operation(summary = "Sales and returns with value dates from..to (default the last 30 days), newest first, paged (limit at most 500); "
            + "lines and journal entry sequence only on a single sale's answer")
    @GetMapping("/sales")
    public SalePage sales(@PathVariable String code,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                          @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SalesAbility.READ_SHOP);
        LocalDate until = to == null ? c.today(clock) : to;
        LocalDate since = from == null ? until.minusDays(30) : from;
        List<SaleResponse> page = sales.sales(c.id(), since, until, offset, limit).stream()
                .map(s -> SaleResponse.of(s, memberNumber(c, s), null)).toList();
        return new SalePage(sales.saleCount(c.id(), since, until), offset, since, until, page);
    }

    @Operation(summary = "The stock valued at cost as of the end of a day (default today), with the inventory account that day")
    @GetMapping("/stock")
    public StockResponse stock(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SalesAbility.READ_SHOP);
        return StockResponse.of(stock.valuation(c.id(), asOf == null ? c.today(clock) : asOf));
    }

    @Operation(summary = "Sales from..to (default this year to today) by PRODUCT, CATEGORY, MEMBER or MONTH, net of returns and "
            + "discounts, with their cost of goods and gross margin, and the period's total")
    @GetMapping("/shop-reports/sales")
    public SalesReport salesReport(@PathVariable String code, @RequestParam(defaultValue = "MONTH") String by,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SalesAbility.READ_SHOP);
        ShopReports.By dimension = Arrays.stream(ShopReports.By.values()).filter(b -> b.name().equals(by)).findFirst()
                .orElseThrow(() -> DomainException.invalid("sales.report.dimension.missing"));
        LocalDate until = to == null ? c.today(clock) : to;
        LocalDate since = from == null ? until.withDayOfYear(1) : from;
        return SalesReport.of(dimension, since, until, reports.sales(c.id(), dimension, since, until));
    }

    private SaleResponse response(Cooperative c, Sale s, @Nullable Integer memberNumber) {
        return SaleResponse.of(s, memberNumber, ledger.entry(c.id(), s.journalEntryId()).sequence());
    }

    private @Nullable Integer memberNumber(Cooperative c, Sale s) {
        return s.memberId() == null ? null : members.member(c.id(), s.memberId()).memberNumber();
    }
}
