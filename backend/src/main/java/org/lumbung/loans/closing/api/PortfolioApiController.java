package org.lumbung.loans.closing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.closing.ClassFigures;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.closing.Collectibility;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.closing.Portfolio;
import org.lumbung.loans.closing.PortfolioBreakdown;
import org.lumbung.loans.closing.PortfolioDimension;
import org.lumbung.loans.closing.SegmentQuality;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The loan portfolio as the close of business left it on a business date. */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Loan portfolio", description = "The portfolio snapshot of a closed business date: outstanding, PAR, classes")
public class PortfolioApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Portfolio portfolio;
    private final CloseOfBusiness close;
    private final PortfolioBreakdown breakdown;

    public PortfolioApiController(CooperativeService cooperatives, AccessPolicy access, Portfolio portfolio, CloseOfBusiness close,
                                  PortfolioBreakdown breakdown) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.portfolio = portfolio;
        this.close = close;
        this.breakdown = breakdown;
    }

    @Operation(summary = "The portfolio snapshot of a business date",
            description = "businessDate defaults to the last closed date; 404 when that date has not been closed. PAR N is the "
                    + "outstanding principal of loans with an instalment more than N days late; the percentages are over the "
                    + "gross portfolio (CGAP). Amounts are decimal strings.")
    @GetMapping("/loan-portfolio")
    public SnapshotResponse snapshot(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate businessDate) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), LoanAbility.READ_LOANS);
        LocalDate date = businessDate != null ? businessDate : close.businessDate(c.id()).minusDays(1);
        PortfolioSnapshot s = portfolio.snapshot(c.id(), date)
                .orElseThrow(() -> DomainException.notFound("loans.close.snapshot.not-found", date));
        return SnapshotResponse.of(s);
    }

    @Operation(summary = "Portfolio quality, whole or by loan product or loan officer",
            description = "The period runs from 'from' (default: the first day of the month of 'date') to 'date' (default: the last "
                    + "closed date), at most " + PortfolioBreakdown.MAX_PERIOD_DAYS + " days; 404 when no day of it was closed. by = whole "
                    + "(default), product or officer. Stocks (loans, outstanding, PAR1/30/90, aging by collectibility class, required "
                    + "provision, allowance) are those of the period's last closed day; flows (written off, interest + fees + penalties "
                    + "received) those of the period by value date. writeOffRatio = written off / average gross portfolio (daily "
                    + "average over the closed days; the period's, not annualised); portfolioYield = received / average gross "
                    + "portfolio × 365 / days (CGAP nominal yield, annualised); provisionsCoverage = allowance / PAR30 (CGAP risk "
                    + "coverage; a segment's allowance is the ledger's split pro rata its required provision); provisionRatio = "
                    + "allowance / required provision (OJK's rasio PPAP). Percentages are decimal strings with two decimals, null when "
                    + "the base is zero.")
    @GetMapping("/loans/portfolio")
    public QualityResponse quality(@PathVariable String code,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                   @RequestParam(required = false) @Nullable String by) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), LoanAbility.READ_LOANS);
        LocalDate to = date != null ? date : close.businessDate(c.id()).minusDays(1);
        LocalDate start = from != null ? from : to.withDayOfMonth(1);
        PortfolioBreakdown.Breakdown b = breakdown.quality(c.id(), dimension(by), start, to)
                .orElseThrow(() -> DomainException.notFound("loans.close.snapshot.not-found", to));
        return new QualityResponse(start, to, b.whole().asOf(), b.currency(), b.dimension().name().toLowerCase(Locale.ROOT),
                percent(b.provisionRatio()), Quality.of(b.whole()), b.segments().stream().map(Quality::of).toList());
    }

    @Operation(summary = "Monthly trend of the portfolio quality of the whole or of one product or officer",
            description = "One point per calendar month of from–to (at most " + PortfolioBreakdown.MAX_PERIOD_DAYS + " days), each "
                    + "month clipped to the period and computed as /loans/portfolio does; months without a closed day are left out. "
                    + "segment is a product id (by=product) or an officer's user name (by=officer); without it, the whole.")
    @GetMapping("/loans/portfolio/trend")
    public List<Quality> trend(@PathVariable String code,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) @Nullable String by, @RequestParam(required = false) @Nullable String segment) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), LoanAbility.READ_LOANS);
        return breakdown.trend(c.id(), dimension(by), segment, from, to).stream().map(Quality::of).toList();
    }

    private static PortfolioDimension dimension(@Nullable String by) {
        if (by == null) {
            return PortfolioDimension.WHOLE;
        }
        for (PortfolioDimension d : PortfolioDimension.values()) {
            if (d.name().equalsIgnoreCase(by)) {
                return d;
            }
        }
        throw DomainException.invalid("loans.portfolio.dimension.invalid");
    }

    public record QualityResponse(LocalDate from, LocalDate to, LocalDate asOf, String currency, String by, @Nullable String provisionRatio,
                                  Quality whole, List<Quality> segments) {
    }

    /** One segment's figures; aging lists the outstanding principal per class, lancar to macet. */
    public record Quality(@Nullable String segment, String label, LocalDate from, LocalDate to, LocalDate asOf, int loans, String outstanding,
                          String par1Amount, String par30Amount, String par90Amount, String par1Percent, String par30Percent,
                          String par90Percent, List<ClassAmount> aging, String requiredProvision, String allowance,
                          String averageGross, String writtenOff, String received, @Nullable String writeOffRatio, @Nullable String portfolioYield,
                          @Nullable String provisionsCoverage) {
        static Quality of(SegmentQuality q) {
            List<ClassAmount> aging = new ArrayList<>();
            for (int i = 0; i < q.aging().size(); i++) {
                aging.add(new ClassAmount(Collectibility.values()[i].name(), plain(q.aging().get(i))));
            }
            return new Quality(q.segment(), q.label(), q.from(), q.to(), q.asOf(), q.loans(), plain(q.outstanding()),
                    plain(q.par1Amount()), plain(q.par30Amount()), plain(q.par90Amount()), q.par1Percent().toPlainString(),
                    q.par30Percent().toPlainString(), q.par90Percent().toPlainString(), aging, plain(q.requiredProvision()),
                    plain(q.allowance()), plain(q.averageGross()), plain(q.writtenOff()), plain(q.received()),
                    percent(q.writeOffRatio()), percent(q.portfolioYield()), percent(q.provisionsCoverage()));
        }
    }

    public record ClassAmount(String collectibility, String outstanding) {
    }

    private static @Nullable String percent(@Nullable BigDecimal p) {
        return p == null ? null : p.toPlainString();
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
