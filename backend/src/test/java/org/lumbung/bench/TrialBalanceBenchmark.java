package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.testsupport.LargeLedger;
import org.lumbung.testsupport.LedgerFixture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The read side of the ledger benchmark: a cooperative of {@value #MEMBERS} members (three sub-accounts
 * each) with {@value #ENTRIES} two-line deposits, i.e. 1,000,000 journal lines over {@value #DAYS} days,
 * made with set-based SQL and analysed, never a month closed. The trial balance is read through
 * {@code LedgerQueries} as the application reads it: as the role lumbung_app, under row-level security.
 * Figures are medians of warm runs (after {@value #WARMUP} unmeasured ones); the past-date figure is the
 * slowest of the medians of {@value #PAST_DATES} dates spread over the history.
 */
final class TrialBalanceBenchmark {

    static final int MEMBERS = 100_000;
    static final int ENTRIES = 500_000;
    static final int DAYS = 730;
    static final int WARMUP = 3;
    static final int RUNS = 15;
    static final int PAST_DATES = 12;
    static final double TODAY_GOAL_MS = 50;
    static final double PAST_GOAL_MS = 200;

    private TrialBalanceBenchmark() {
    }

    /** Builds the big cooperative as {@code owner}, measures as {@code app}; the Markdown rows of the report. */
    static String run(LedgerFixture owner, LedgerFixture app) {
        Cooperative coop = owner.newCooperative();
        LocalDate today = LocalDate.now(coop.zone());
        long start = System.nanoTime();
        LargeLedger.members(owner.dsl, coop.id(), MEMBERS);
        LargeLedger.deposits(owner.dsl, coop.id(), MEMBERS, ENTRIES, today, DAYS);
        System.out.printf("trial balance data: %d sub-accounts, %d lines in %.0f s%n", 3 * MEMBERS, 2 * ENTRIES,
                (System.nanoTime() - start) / 1e9);
        app.dsl.execute("select set_config('lumbung.cooperative_ids', ?, false)", Long.toString(coop.id()));

        double todayMs = median(() -> app.queries.trialBalance(coop.id(), today));
        double worstPast = 0;
        List<Double> pastMedians = new ArrayList<>();
        for (int i = 1; i <= PAST_DATES; i++) {
            LocalDate asOf = today.minusDays((long) i * (DAYS - 1) / PAST_DATES);
            double ms = median(() -> app.queries.trialBalance(coop.id(), asOf));
            pastMedians.add(ms);
            worstPast = Math.max(worstPast, ms);
        }
        LocalDate midway = today.minusDays(DAYS / 2);
        double detailPage = median(() -> app.queries.detailRows(coop.id(), midway, 150_000, 500));
        double detailTotals = median(() -> app.queries.detailTotals(coop.id(), midway));
        TrialBalance check = app.queries.trialBalance(coop.id(), today);
        boolean equal = check.balanced() && check.totals().equals(app.queries.detailTotals(coop.id(), today));

        System.out.printf("trial balance as of today: %.1f ms (median); as of past dates: %s ms (medians)%n", todayMs, pastMedians);
        System.out.printf("%s trial balance as of today < %.0f ms: %.1f ms%n", verdict(todayMs < TODAY_GOAL_MS), TODAY_GOAL_MS, todayMs);
        System.out.printf("%s trial balance as of any past date < %.0f ms: %.1f ms (slowest median of %d dates)%n",
                verdict(worstPast < PAST_GOAL_MS), PAST_GOAL_MS, worstPast, PAST_DATES);
        return """
                | trial balance as of today, %,d sub-accounts, %,d lines, no month closed (median, warm) | %.1f ms | < %.0f ms %s |
                | trial balance as of a past date: slowest median of %d dates over %d days | %.1f ms | < %.0f ms %s |
                | detailed trial balance, one page of 500 sub-accounts as of a past date (median) | %.1f ms | |
                | detailed trial balance, totals of all %,d lines as of a past date (median) | %.1f ms | |
                | rolled-up totals = detailed totals, balanced | %s | yes |
                """.formatted(3 * MEMBERS, 2 * ENTRIES, todayMs, TODAY_GOAL_MS, verdict(todayMs < TODAY_GOAL_MS),
                PAST_DATES, DAYS, worstPast, PAST_GOAL_MS, verdict(worstPast < PAST_GOAL_MS), detailPage, 3 * MEMBERS,
                detailTotals, equal ? "yes" : "NO");
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FALL SHORT";
    }

    /** Milliseconds, median of {@value #RUNS} runs after {@value #WARMUP} warm-up runs. */
    static double median(Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
