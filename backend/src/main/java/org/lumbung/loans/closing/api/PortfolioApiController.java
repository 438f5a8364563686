package org.lumbung.loans.closing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.closing.ClassFigures;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.closing.Portfolio;
import org.lumbung.loans.closing.PortfolioSnapshot;
import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The loan portfolio as the close of business left it on a business date. */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Loan portfolio", description = "The portfolio snapshot of a closed business date: outstanding, PAR, classes")
public class PortfolioApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Portfolio portfolio;
    private final CloseOfBusiness close;

    public PortfolioApiController(CooperativeService cooperatives, AccessPolicy access, Portfolio portfolio, CloseOfBusiness close) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.portfolio = portfolio;
        this.close = close;
    }

    @Operation(summary = "The portfolio snapshot of a business date",
            description = "businessDate defaults to the last closed date; 404 when that date has not been closed. PAR N is the "
                    + "outstanding principal of loans with an instalment more than N days late; the percentages are over the "
                    + "gross portfolio (CGAP). Amounts are decimal strings.")
    @GetMapping("/loan-portfolio")
    public SnapshotResponse snapshot(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), LoanAbility.READ_LOANS);
        LocalDate date = businessDate != null ? businessDate : close.businessDate(c.id()).minusDays(1);
        PortfolioSnapshot s = portfolio.snapshot(c.id(), date)
                .orElseThrow(() -> DomainException.notFound("loans.close.snapshot.not-found", date));
        return SnapshotResponse.of(s);
    }

    public record SnapshotResponse(LocalDate businessDate, String currency, Figures total, String par1Percent,
                                   String par30Percent, String par90Percent, List<Figures> classes) {
        static SnapshotResponse of(PortfolioSnapshot s) {
            return new SnapshotResponse(s.businessDate(), s.currency(), Figures.of(s.total()), s.par1Percent().toPlainString(),
                    s.par30Percent().toPlainString(), s.par90Percent().toPlainString(),
                    s.classes().stream().map(Figures::of).toList());
        }
    }

    public record Figures(String collectibility, int loans, String outstanding, String par1Amount, int par1Loans,
                          String par30Amount, int par30Loans, String par90Amount, int par90Loans, String provision) {
        static Figures of(ClassFigures f) {
            return new Figures(f.collectibility() == null ? "ALL" : f.collectibility().name(), f.loans(), plain(f.outstanding()),
                    plain(f.par1Amount()), f.par1Loans(), plain(f.par30Amount()), f.par30Loans(), plain(f.par90Amount()),
                    f.par90Loans(), plain(f.provision()));
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
