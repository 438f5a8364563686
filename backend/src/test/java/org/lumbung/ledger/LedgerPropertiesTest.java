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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random sequences of valid and invalid requests against a real PostgreSQL. After every step: each entry
 * balances per currency, every maintained balance equals the sum of its lines, no constraint flag is
 * violated, sequences are gapless, the chain verifies; and a refused request changed nothing.
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
                net.jqwik.api.Tuple.of(6, posts().map(p -> (Step) p)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(i -> (Step) new Replay(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(i -> (Step) new Conflict(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(i -> (Step) new Reverse(i))),
                net.jqwik.api.Tuple.of(1, posts().list().ofMinSize(2).ofMaxSize(4).map(l -> (Step) new Batch(l))));
        return step.list().ofMinSize(5).ofMaxSize(25);
    }

    Arbitrary<Post> posts() {
        Arbitrary<BigDecimal> amount = Combinators.combine(
                Arbitraries.longs().between(1, 500_000),
                Arbitraries.of(0, 0, 0, 0, 2, 2, 2, 2, 3)).as(BigDecimal::valueOf);
        // mostly postable accounts; now and then a header or an unknown code
        Arbitrary<String> code = Arbitraries.frequency(net.jqwik.api.Tuple.of(6, "1100"), net.jqwik.api.Tuple.of(3, "1200"),
                net.jqwik.api.Tuple.of(6, "2100"), net.jqwik.api.Tuple.of(3, "3100"), net.jqwik.api.Tuple.of(3, "4100"),
                net.jqwik.api.Tuple.of(3, "5400"), net.jqwik.api.Tuple.of(1, "1"), net.jqwik.api.Tuple.of(1, "9999"));
        Arbitrary<List<String>> codes = code.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Boolean> unbalance = Arbitraries.of(false, false, false, false, false, false, false, false, false, true);
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
        // seed money so that withdrawals and expenses can succeed as well as be refused
        fx.ledger.post(new PostingRequest(coop.id(), "seed-" + coop.code(), today.minusDays(60), "opening", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("10000000")), PostingLine.credit("3100", new BigDecimal("5000000")),
                        PostingLine.credit("2100", new BigDecimal("5000000"))), "test"));
        List<PostingRequest> posted = new ArrayList<>();
        List<Long> entryIds = new ArrayList<>();
        int n = 0;
        for (Step step : steps) {
            n++;
            Map<String, List<BigDecimal>> before = LedgerInvariants.state(fx.dsl, coop.id());
            try {
                if (step instanceof Post p) {
                        PostingRequest r = request(coop, "k" + n, p, today);
                        JournalEntry e = fx.ledger.post(r).entry();
                        posted.add(r);
                        entryIds.add(e.id());
                } else if (step instanceof Replay r) {
                        if (!posted.isEmpty()) {
                            PostingRequest original = posted.get(r.which() % posted.size());
                            PostingResult again = fx.ledger.post(original);
                            assertThat(again.replayed()).isTrue();
                            assertThat(LedgerInvariants.state(fx.dsl, coop.id())).isEqualTo(before);
                        }
                } else if (step instanceof Conflict c) {
                        if (!posted.isEmpty()) {
                            PostingRequest original = posted.get(c.which() % posted.size());
                            PostingRequest changed = new PostingRequest(coop.id(), original.idempotencyKey(),
                                    original.valueDate(), original.description() + " (changed)", original.sourceType(),
                                    original.sourceRef(), original.lines(), original.actor());
                            assertThatThrownBy(() -> fx.ledger.post(changed)).isInstanceOfSatisfying(DomainException.class,
                                    e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
                        }
                } else if (step instanceof Reverse r) {
                        if (!entryIds.isEmpty()) {
                            fx.ledger.reverse(coop.id(), entryIds.get(r.which() % entryIds.size()), "property test", "rev-" + n, "test");
                        }
                } else if (step instanceof Batch b) {
                        List<PostingRequest> batch = new ArrayList<>();
                        for (int i = 0; i < b.posts().size(); i++) {
                            batch.add(request(coop, "b" + n + "-" + i, b.posts().get(i), today));
                        }
                        List<PostingResult> results = fx.ledger.postBatch(batch);
                        posted.addAll(batch);
                        results.forEach(res -> entryIds.add(res.entry().id()));
                }
                Statistics.label("outcome").collect(step.getClass().getSimpleName() + " ok");
            } catch (DomainException refused) {
                Statistics.label("outcome").collect(step.getClass().getSimpleName() + " refused");
                assertThat(LedgerInvariants.state(fx.dsl, coop.id())).as("a refused %s changed nothing", step).isEqualTo(before);
            } catch (RuntimeException unexpected) {
                fail("step " + step + " failed unexpectedly", unexpected);
            }
            LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
        }
    }

    private static PostingRequest request(Cooperative coop, String key, Post p, LocalDate today) {
        return new PostingRequest(coop.id(), key + "-" + coop.code(), today.minusDays(p.daysAgo()), "random " + key,
                "MANUAL", null, p.lines(), "test");
    }
}
