package org.lumbung.reports.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.reports.BalanceSheet;
import org.lumbung.reports.CashFlowStatement;
import org.lumbung.reports.EquityChanges;
import org.lumbung.reports.IncomeStatement;
import org.lumbung.reports.MemberShare;
import org.lumbung.reports.ShuDistribution;
import org.lumbung.reports.ShuPool;
import org.lumbung.reports.StatementLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The reports API's answers; amounts are decimal strings with the currency's minor units. */
final class ReportApiModels {

    private ReportApiModels() {
    }

    record Line(String code, String name, String amount) {
        static List<Line> of(List<StatementLine> lines, Locale locale) {
            return lines.stream().map(l -> new Line(l.code(), l.name(locale), l.amount().toPlainString())).toList();
        }
    }

    record BalanceSheetTotals(String assets, String liabilities, String equity) {
    }

    record BalanceSheetResponse(String asOf, String currency, List<Line> assets, List<Line> liabilities,
                                List<Line> equity, BalanceSheetTotals totals) {
        static BalanceSheetResponse of(BalanceSheet s, Locale locale) {
            return new BalanceSheetResponse(s.asOf().toString(), s.currency(), Line.of(s.assets(), locale),
                    Line.of(s.liabilities(), locale), Line.of(s.equity(), locale),
                    new BalanceSheetTotals(s.totals().assets().toPlainString(), s.totals().liabilities().toPlainString(),
                            s.totals().equity().toPlainString()));
        }
    }

    record IncomeTotals(String income, String expenses, String surplus) {
    }

    record IncomeResponse(String from, String to, String currency, List<Line> income, List<Line> expenses,
                          IncomeTotals totals) {
        static IncomeResponse of(IncomeStatement s, Locale locale) {
            return new IncomeResponse(s.from().toString(), s.to().toString(), s.currency(), Line.of(s.income(), locale),
                    Line.of(s.expenses(), locale), new IncomeTotals(s.totals().income().toPlainString(),
                    s.totals().expenses().toPlainString(), s.totals().surplus().toPlainString()));
        }
    }

    record CashFlowTotals(String surplus, String operating, String investing, String financing, String netChange,
                          String openingCash, String closingCash) {
    }

    record CashFlowResponse(String from, String to, String currency, List<Line> adjustments, List<Line> operating,
                            List<Line> investing, List<Line> financing, CashFlowTotals totals) {
        static CashFlowResponse of(CashFlowStatement s, Locale locale) {
            CashFlowStatement.Totals t = s.totals();
            return new CashFlowResponse(s.from().toString(), s.to().toString(), s.currency(), Line.of(s.adjustments(), locale),
                    Line.of(s.operating(), locale), Line.of(s.investing(), locale), Line.of(s.financing(), locale),
                    new CashFlowTotals(t.surplus().toPlainString(), t.operating().toPlainString(), t.investing().toPlainString(),
                            t.financing().toPlainString(), t.netChange().toPlainString(), t.openingCash().toPlainString(),
                            t.closingCash().toPlainString()));
        }
    }

    record EquityMovement(@Nullable String code, @Nullable String name, String opening, String additions, String reductions,
                          String surplus, String closing) {
        static EquityMovement of(@Nullable String code, @Nullable String name, EquityChanges.Movement m) {
            return new EquityMovement(code, name, m.opening().toPlainString(), m.additions().toPlainString(),
                    m.reductions().toPlainString(), m.surplus().toPlainString(), m.closing().toPlainString());
        }
    }

    record EquityChangesResponse(String from, String to, String currency, List<EquityMovement> components,
                                 EquityMovement total) {
        static EquityChangesResponse of(EquityChanges s, Locale locale) {
            return new EquityChangesResponse(s.from().toString(), s.to().toString(), s.currency(),
                    s.components().stream().map(k -> EquityMovement.of(k.code(), k.name(locale), k.now())).toList(),
                    EquityMovement.of(null, null, s.total()));
        }
    }

    record ShareLine(int memberNumber, String capitalBase, String patronageBase, String jasaModal, String jasaUsaha,
                     String total) {
        static ShareLine of(MemberShare s) {
            return new ShareLine(s.memberNumber(), s.capitalBase().toPlainString(), s.patronageBase().toPlainString(),
                    s.jasaModal().toPlainString(), s.jasaUsaha().toPlainString(), s.total().toPlainString());
        }
    }

    record ShuTotals(String capitalBase, String patronageBase, String jasaModal, String jasaUsaha) {
    }

    record ShuResponse(int year, String surplus, Map<String, String> pools, List<ShareLine> memberShares, ShuTotals totals) {
        static ShuResponse of(ShuDistribution d) {
            Map<String, String> pools = new LinkedHashMap<>();
            for (ShuPool pool : ShuPool.values()) {
                pools.put(pool.key(), d.pool(pool).toPlainString());
            }
            return new ShuResponse(d.year(), d.surplus().toPlainString(), pools, d.shares().stream().map(ShareLine::of).toList(),
                    new ShuTotals(d.totals().capitalBase().toPlainString(), d.totals().patronageBase().toPlainString(),
                            d.totals().jasaModal().toPlainString(), d.totals().jasaUsaha().toPlainString()));
        }
    }
}
