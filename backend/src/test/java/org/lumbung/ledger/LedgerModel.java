package org.lumbung.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The oracle of the property test: what a ledger of the standard chart must accept and what it must
 * refuse, and each account's totals after it, written as plainly as possible. An entry is accepted when
 * every line names a postable account, has at most the currency's two decimals, debits equal credits,
 * and afterwards no account breaks its flag (cash and bank never below zero, members' savings and share
 * capital never overdrawn). A batch is all or nothing; an entry is reversed at most once.
 */
final class LedgerModel {

    /** The postable accounts the test posts to, with their flag: +1 no credit balance, -1 no debit balance. */
    static final Map<String, Integer> POSTABLE = Map.of("1100", 1, "1200", 1, "2100", -1, "3100", -1, "4100", 0, "5400", 0,
            "2100.00001", -1, "3100.00001", -1);

    private final Map<String, BigDecimal[]> totals = new HashMap<>();
    private final Set<Long> reversed = new HashSet<>();

    LedgerModel() {
        POSTABLE.keySet().forEach(code -> totals.put(code, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO}));
    }

    /** Posts the entry if it must be accepted; says whether it was. */
    boolean post(List<PostingLine> lines) {
        Map<String, BigDecimal[]> after = apply(totals, lines);
        if (after == null) {
            return false;
        }
        totals.putAll(after);
        return true;
    }

    /** All the entries, or none if one of them must be refused (each checked after the ones before it). */
    boolean batch(List<List<PostingLine>> entries) {
        Map<String, BigDecimal[]> running = new HashMap<>(totals);
        for (List<PostingLine> lines : entries) {
            Map<String, BigDecimal[]> after = apply(running, lines);
            if (after == null) {
                return false;
            }
            running.putAll(after);
        }
        totals.putAll(running);
        return true;
    }

    /** The mirror image of an accepted entry, once. */
    boolean reverse(long entryId, List<PostingLine> original) {
        if (reversed.contains(entryId)) {
            return false;
        }
        List<PostingLine> mirror = original.stream()
                .map(l -> new PostingLine(l.accountCode(), l.side().opposite(), l.amount())).toList();
        if (!post(mirror)) {
            return false;
        }
        reversed.add(entryId);
        return true;
    }

    /** Debit and credit totals per account, without trailing zeros (as compared with the ledger's). */
    Map<String, List<BigDecimal>> totals() {
        Map<String, List<BigDecimal>> view = new TreeMap<>();
        totals.forEach((code, dc) -> view.put(code, List.of(dc[0].stripTrailingZeros(), dc[1].stripTrailingZeros())));
        return view;
    }

    /** The touched accounts' totals after the entry, or null if it must be refused. */
    private static Map<String, BigDecimal[]> apply(Map<String, BigDecimal[]> before, List<PostingLine> lines) {
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        Map<String, BigDecimal[]> after = new HashMap<>();
        for (PostingLine l : lines) {
            if (!POSTABLE.containsKey(l.accountCode()) || l.amount().stripTrailingZeros().scale() > 2) {
                return null;
            }
            BigDecimal[] dc = after.computeIfAbsent(l.accountCode(), c -> before.get(c).clone());
            int side = l.side() == Side.DEBIT ? 0 : 1;
            dc[side] = dc[side].add(l.amount());
            debits = l.side() == Side.DEBIT ? debits.add(l.amount()) : debits;
            credits = l.side() == Side.CREDIT ? credits.add(l.amount()) : credits;
        }
        if (debits.compareTo(credits) != 0) {
            return null;
        }
        for (Map.Entry<String, BigDecimal[]> e : after.entrySet()) {
            int flag = POSTABLE.get(e.getKey());
            BigDecimal net = e.getValue()[0].subtract(e.getValue()[1]);
            if (flag * net.signum() < 0) {
                return null;
            }
        }
        return after;
    }
}
