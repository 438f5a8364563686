package org.lumbung.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.web.Problems;
import org.lumbung.reports.FinancialStatements;
import org.lumbung.reports.FiscalYear;
import org.lumbung.reports.FlowStatements;
import org.lumbung.reports.HledgerExport;
import org.lumbung.reports.MemberStatements;
import org.lumbung.reports.ShuService;
import org.lumbung.reports.api.ReportApiModels.BalanceSheetResponse;
import org.lumbung.reports.api.ReportApiModels.CashFlowResponse;
import org.lumbung.reports.api.ReportApiModels.EquityChangesResponse;
import org.lumbung.reports.api.ReportApiModels.IncomeResponse;
import org.lumbung.reports.api.ReportApiModels.ShuResponse;
import org.lumbung.security.AccessPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The financial statements over the API, for whoever may read the cooperative's ledger (its staff, its district
 * auditor). Every bad, unknown or repeated parameter is a 400 problem whose {@code parameter} names it.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Reports", description = "Financial statements, the hledger journal, the SHU distribution")
public class ReportApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final FinancialStatements statements;
    private final FlowStatements flows;
    private final MemberStatements memberStatements;
    private final HledgerExport hledger;
    private final ShuService shu;
    private final Clock clock;

    public ReportApiController(CooperativeService cooperatives, AccessPolicy access, FinancialStatements statements,
                               FlowStatements flows, MemberStatements memberStatements, HledgerExport hledger, ShuService shu,
                               Clock clock) {
        this.flows = flows;
        this.memberStatements = memberStatements;
        this.shu = shu;
        this.hledger = hledger;
        this.cooperatives = cooperatives;
        this.access = access;
        this.statements = statements;
        this.clock = clock;
    }

    @Operation(summary = "The balance sheet (neraca) at the end of a date (default today), in one currency",
            description = "Equity's line of the current year's surplus (SHU tahun berjalan) includes income less "
                    + "expenses not yet closed; assets = liabilities + equity exactly.")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "currency", in = ParameterIn.QUERY, description = "ISO 4217; default the base currency",
            schema = @Schema(type = "string"))
    @GetMapping("/statements/balance-sheet")
    public BalanceSheetResponse balanceSheet(@PathVariable String code, HttpServletRequest request, Locale locale) {
        Cooperative c = readable(code);
        QueryParameters q = new QueryParameters(request.getParameterMap(), "asOf", "currency");
        LocalDate asOf = q.date("asOf", c.today(clock));
        return BalanceSheetResponse.of(statements.balanceSheet(c.id(), asOf, q.currency("currency", c.baseCurrency())),
                Messages.supported(locale));
    }

    @Operation(summary = "The statement of surplus (perhitungan hasil usaha) for a period, in one currency",
            description = "Income and expense lines and the surplus; the year-end close is left out.")
    @PeriodParameters
    @GetMapping("/statements/income")
    public IncomeResponse income(@PathVariable String code, HttpServletRequest request, Locale locale) {
        Period p = period(code, request);
        return IncomeResponse.of(statements.income(p.cooperativeId(), p.from(), p.to(), p.currency()), Messages.supported(locale));
    }

    @Operation(summary = "The cash flow statement (laporan arus kas, indirect method) for a period, in one currency",
            description = "The surplus, the costs that moved no cash, the changes of operating assets and liabilities, "
                    + "investing and financing flows; opening cash + the flows = closing cash (the cash and bank accounts).")
    @PeriodParameters
    @GetMapping("/statements/cash-flow")
    public CashFlowResponse cashFlow(@PathVariable String code, HttpServletRequest request, Locale locale) {
        Period p = period(code, request);
        return CashFlowResponse.of(flows.cashFlow(p.cooperativeId(), p.from(), p.to(), p.currency()), Messages.supported(locale));
    }

    @Operation(summary = "The statement of changes in equity (laporan perubahan ekuitas) for a period, in one currency",
            description = "Per equity account: opening, additions, reductions, the surplus of the period, closing; the "
                    + "current year's surplus includes income less expenses not yet closed.")
    @PeriodParameters
    @GetMapping("/statements/equity-changes")
    public EquityChangesResponse equityChanges(@PathVariable String code, HttpServletRequest request, Locale locale) {
        Period p = period(code, request);
        return EquityChangesResponse.of(flows.equityChanges(p.cooperativeId(), p.from(), p.to(), p.currency()),
                Messages.supported(locale));
    }

    private record Period(long cooperativeId, LocalDate from, LocalDate to, String currency) {
    }

    /** The readable cooperative's from, to and currency, strictly: default the fiscal year to date in the base currency. */
    private Period period(String code, HttpServletRequest request) {
        Cooperative c = readable(code);
        QueryParameters q = new QueryParameters(request.getParameterMap(), "from", "to", "currency");
        LocalDate to = q.date("to", c.today(clock));
        return new Period(c.id(), q.date("from", FiscalYear.containing(c, to).first()), to, q.currency("currency", c.baseCurrency()));
    }

    @Operation(summary = "A member's statement (savings, loans, remittances) for a date range, as a PDF in her language",
            description = "For the cooperative's staff and its district auditor, and for the member herself (another "
                    + "member's number is not found). Default: from the start of the fiscal year to today.")
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
    @GetMapping("/members/{memberNumber}/statement.pdf")
    public ResponseEntity<byte[]> memberStatement(@PathVariable String code, @PathVariable int memberNumber,
                                                  HttpServletRequest request) {
        Cooperative c = readable(code);
        QueryParameters q = new QueryParameters(request.getParameterMap(), "from", "to");
        LocalDate to = q.date("to", c.today(clock));
        LocalDate from = q.date("from", FiscalYear.containing(c, to).first());
        byte[] pdf = memberStatements.pdf(c.id(), memberStatements.memberId(c.id(), memberNumber), from, to);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + memberNumber + "-" + from + "-" + to + ".pdf\"")
                .body(pdf);
    }

    @Operation(summary = "The whole journal in hledger / Ledger plain-text format, streamed",
            description = "Accounts named assets|liabilities|equity|revenues|expenses, then the chart's tree, each "
                    + "segment the Lumbung code, a hyphen and a slug of the name (assets:1-aset:1100-kas); members' "
                    + "sub-accounts under their control account. `hledger -f <file> check` passes and `hledger "
                    + "balance` gives the trial balance in every currency.")
    @GetMapping(value = "/journal.hledger", produces = "text/plain;charset=UTF-8")
    public void journal(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cooperative c = readable(code);
        new QueryParameters(request.getParameterMap());
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + c.code() + ".journal\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            hledger.write(c.id(), out);
        }
    }

    @Operation(summary = "The SHU distribution of a fiscal year (preview until it is posted)",
            description = "The year's surplus, its pools and each member's capital and patronage base with jasa modal and "
                    + "jasa usaha, to the minor unit: each pool is divided by the largest-remainder rule, so the shares add "
                    + "up to their pool exactly (equal remainders go to the lower member number).")
    @Parameter(name = "year", in = ParameterIn.QUERY, required = true, description = "The fiscal year, e.g. 2025",
            schema = @Schema(type = "integer"))
    @GetMapping("/shu-distribution")
    public ShuResponse shuDistribution(@PathVariable String code, HttpServletRequest request) {
        Cooperative c = readable(code);
        int year = new QueryParameters(request.getParameterMap(), "year").year("year");
        return ShuResponse.of(shu.preview(c.id(), year));
    }

    private Cooperative readable(String code) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        return c;
    }

    @ExceptionHandler(ParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(ParameterException e, Locale locale) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.messageKey(), Messages.supported(locale), e.arguments());
        problem.setProperty("parameter", e.parameter());
        return ResponseEntity.badRequest().contentType(MediaType.valueOf(Problems.MEDIA_TYPE)).body(problem);
    }
}
