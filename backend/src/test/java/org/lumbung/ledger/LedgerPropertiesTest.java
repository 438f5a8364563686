package org.lumbung.ledger;

import org.lumbung.testsupport.LedgerInvariants;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.LedgerFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random sequences of valid and invalid requests against a real PostgreSQL, each compared with a small
 * in-memory model of what must be accepted and what refused ({@link LedgerModel}): the ledger accepts
 * exactly what the model accepts and every account then holds the model's totals. After every step:
 * each entry balances per currency, every maintained figure equals the sum of its lines, no constraint
 * flag is violated, sequences are gapless, the chain verifies; a refused request changed nothing. The
 * coverage checks make sure accepted and refused postings, reversals, batches and replays all occur.
 */
class LedgerPropertiesTest {


    static LedgerFixture fx;

    @BeforeContainer
    static void database() {
        fx = LedgerFixture.fresh(4);
    }

    @AfterContainer
    static void close() {
        fx.close();
    }

    sealed interface Step permits Post, Replay, Conflict, Reverse, Batch {
    }

    record Post(List<PostingLine> lines, int daysAgo) implements Step {
    }

    record Replay(int which) implements Step {
    }

    record Conflict(int which) implements Step {
    }

    record Reverse(int which) implements Step {
    }

    record Batch(List<Post> posts) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, posts(false).map(p -> (Step) p)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(i -> (Step) new Replay(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(i -> (Step) new Conflict(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(i -> (Step) new Reverse(i))),
                // a batch's entries are mostly well-formed, so that whole batches are accepted too
                net.jqwik.api.Tuple.of(2, Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, posts(true)),
                        net.jqwik.api.Tuple.of(1, posts(false))).list().ofMinSize(2).ofMaxSize(4).map(l -> (Step) new Batch(l))));
        return step.list().ofMinSize(5).ofMaxSize(25);
    }

    /** Random entries; {@code wellFormed}: postable accounts, the currency's decimals, balanced (still maybe overdrawing). */
    Arbitrary<Post> posts(boolean wellFormed) {
        Arbitrary<BigDecimal> amount = Combinators.combine(
                Arbitraries.longs().between(1, 500_000),
                wellFormed ? Arbitraries.of(0, 2) : Arbitraries.of(0, 0, 0, 0, 2, 2, 2, 2, 3)).as(BigDecimal::valueOf);
        // mostly postable accounts; now and then a header or an unknown code
        List<net.jqwik.api.Tuple.Tuple2<Integer, String>> weighted = new ArrayList<>(List.of(net.jqwik.api.Tuple.of(6, "1100"),
                net.jqwik.api.Tuple.of(3, "1200"), net.jqwik.api.Tuple.of(6, "2100"), net.jqwik.api.Tuple.of(3, "3100"),
                net.jqwik.api.Tuple.of(3, "4100"), net.jqwik.api.Tuple.of(3, "2100.00001"), net.jqwik.api.Tuple.of(2, "3100.00001"),
                net.jqwik.api.Tuple.of(3, "5400")));
        if (!wellFormed) {
            weighted.addAll(List.of(net.jqwik.api.Tuple.of(1, "1"), net.jqwik.api.Tuple.of(1, "9999")));
        }
        Arbitrary<String> code = Arbitraries.frequency(weighted);
        Arbitrary<List<String>> codes = code.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Boolean> unbalance = wellFormed ? Arbitraries.just(false)
                : Arbitraries.of(false, false, false, false, false, false, false, false, false, true);
        return Combinators.combine(codes, amount.list().ofSize(4), code, unbalance, Arbitraries.integers().between(0, 40))
                .as((debitCodes, amounts, creditCode, unbalanced, daysAgo) -> {
                    List<PostingLine> lines = new ArrayList<>();
                    BigDecimal total = BigDecimal.ZERO;
                    for (int i = 0; i < debitCodes.size(); i++) {
                        lines.add(PostingLine.debit(debitCodes.get(i), amounts.get(i)));
                        total = total.add(amounts.get(i));
                    }
                    lines.add(PostingLine.credit(creditCode, unbalanced ? total.add(BigDecimal.ONE) : total));
                    return new Post(lines, daysAgo);
                });
    }

    @Property(tries = 60)
    void invariantsHoldAfterEveryStep(@ForAll("steps") List<Step> steps) {
        Cooperative coop = fx.newCooperative();
        LocalDate today = LocalDate.now(ZoneId.of(coop.timeZone()));
        // a member's sub-accounts under two control accounts, so that roll-ups are exercised too
        long member = fx.dsl.insertInto(MEMBER).set(MEMBER.COOPERATIVE_ID, coop.id()).set(MEMBER.MEMBER_NUMBER, 1)
                .set(MEMBER.FULL_NAME, "Siti Aminah").set(MEMBER.GENDER, "F").set(MEMBER.JOINED_ON, today.minusYears(1)).set(MEMBER.STATUS_SINCE, today.minusYears(1))
                .returning(MEMBER.ID).fetchOne().getId();
        fx.chart.memberAccount(coop.id(), "2100", member, 1, "Siti Aminah");
        fx.chart.memberAccount(coop.id(), "3100", member, 1, "Siti Aminah");
        // seed money so that withdrawals and expenses can succeed as well as be refused
        PostingRequest seed = new PostingRequest(coop.id(), "seed-" + coop.code(), today.minusDays(60), "opening", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("11000000")), PostingLine.debit("1200", new BigDecimal("2000000")),
                        PostingLine.credit("3100", new BigDecimal("5000000")), PostingLine.credit("2100", new BigDecimal("5000000")),
                        PostingLine.credit("2100.00001", new BigDecimal("1000000")),
                        PostingLine.credit("3100.00001", new BigDecimal("2000000"))), "test");
        fx.ledger.post(seed);
        LedgerModel model = new LedgerModel();
        assertThat(model.post(seed.lines())).isTrue();
        List<PostingRequest> posted = new ArrayList<>();
        List<Long> entryIds = new ArrayList<>();
        Map<Long, List<PostingLine>> linesOf = new HashMap<>();
        int n = 0;
        for (Step step : steps) {
            n++;
            Map<String, List<BigDecimal>> before = LedgerInvariants.state(fx.dsl, coop.id());
            boolean expected = true;
            boolean skipped = false;
            try {
                if (step instanceof Post p) {
                    PostingRequest r = request(coop, "k" + n, p, today);
                    expected = model.post(r.lines());
                    JournalEntry e = fx.ledger.post(r).entry();
                    posted.add(r);
                    entryIds.add(e.id());
                    linesOf.put(e.id(), r.lines());
                } else if (step instanceof Replay r) {
                    skipped = posted.isEmpty();
                    if (!skipped) {
                        PostingRequest original = posted.get(r.which() % posted.size());
                        PostingResult again = fx.ledger.post(original);
                        assertThat(again.replayed()).isTrue();
                        assertThat(LedgerInvariants.state(fx.dsl, coop.id())).isEqualTo(before);
                    }
                } else if (step instanceof Conflict c) {
                    skipped = posted.isEmpty();
                    if (!skipped) {
                        expected = false;
                        PostingRequest original = posted.get(c.which() % posted.size());
                        PostingRequest changed = new PostingRequest(coop.id(), original.idempotencyKey(),
                                original.valueDate(), original.description() + " (changed)", original.sourceType(),
                                original.sourceRef(), original.lines(), original.actor());
                        fx.ledger.post(changed);
                    }
                } else if (step instanceof Reverse r) {
                    skipped = entryIds.isEmpty();
                    if (!skipped) {
                        long id = entryIds.get(r.which() % entryIds.size());
                        expected = model.reverse(id, linesOf.get(id));
                        fx.ledger.reverse(coop.id(), id, "property test", "reverse-" + n + "-" + coop.code(), "test");
                    }
                } else if (step instanceof Batch b) {
                    List<PostingRequest> batch = new ArrayList<>();
                    for (int i = 0; i < b.posts().size(); i++) {
                        batch.add(request(coop, "b" + n + "-" + i, b.posts().get(i), today));
                    }
                    expected = model.batch(batch.stream().map(PostingRequest::lines).toList());
                    List<PostingResult> results = fx.ledger.postBatch(batch);
                    posted.addAll(batch);
                    for (int i = 0; i < results.size(); i++) {
                        entryIds.add(results.get(i).entry().id());
                        linesOf.put(results.get(i).entry().id(), batch.get(i).lines());
                    }
                }
                assertThat(expected).as("the model refuses %s, the ledger accepted it", step).isTrue();
                Statistics.label("outcome").collect(step.getClass().getSimpleName() + (skipped ? " skipped" : " ok"));
            } catch (DomainException refused) {
                assertThat(expected).as("the model accepts %s, the ledger refused it: %s", step, refused.messageKey()).isFalse();
                if (step instanceof Conflict) {
                    assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                }
                Statistics.label("outcome").collect(step.getClass().getSimpleName() + " refused");
                assertThat(LedgerInvariants.state(fx.dsl, coop.id())).as("a refused %s changed nothing", step).isEqualTo(before);
            } catch (RuntimeException unexpected) {
                fail("step " + step + " failed unexpectedly", unexpected);
            }
            assertThat(totals(coop)).as("every account's totals after %s", step).isEqualTo(model.totals());
            LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
        }
        Statistics.label("outcome").coverage(checker -> {
            checker.check("Post ok").percentage(p -> p >= 15);
            checker.check("Post refused").percentage(p -> p >= 5);
            checker.check("Reverse ok").percentage(p -> p >= 2);
            checker.check("Batch ok").percentage(p -> p >= 1);
            checker.check("Batch refused").percentage(p -> p >= 0.5);
            checker.check("Replay ok").percentage(p -> p >= 2);
        });
    }

    /** Debit and credit totals of the model's accounts as the ledger has them. */
    private static Map<String, List<BigDecimal>> totals(Cooperative coop) {
        Map<String, List<BigDecimal>> totals = new TreeMap<>();
        for (String code : LedgerModel.POSTABLE.keySet()) {
            Account a = fx.chart.account(coop.id(), code);
            totals.put(code, List.of(a.debitTotal().stripTrailingZeros(), a.creditTotal().stripTrailingZeros()));
        }
        return totals;
    }

    private static PostingRequest request(Cooperative coop, String key, Post p, LocalDate today) {
        return new PostingRequest(coop.id(), key + "-" + coop.code(), today.minusDays(p.daysAgo()), "random " + key,
                "MANUAL", null, p.lines(), "test");
    }
}
