package org.lumbung.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.ledger.PostingLine.credit;
import static org.lumbung.ledger.PostingLine.debit;

class LedgerServiceTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerQueries queries;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    PeriodService periods;
    @Autowired
    ChainVerifier verifier;

    Cooperative coop;
    LocalDate today;

    @BeforeEach
    void cooperative() {
        coop = newCooperative("c" + UUID.randomUUID().toString().substring(0, 8));
        today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    }

    PostingRequest request(String key, LocalDate valueDate, PostingLine... lines) {
        return new PostingRequest(coop.id(), key, valueDate, "test entry " + key, "MANUAL", null, List.of(lines), "treasurer");
    }

    PostingResult deposit(String key, LocalDate date, String amount) {
        return ledger.post(request(key, date, debit("1100", new BigDecimal(amount)), credit("2100", new BigDecimal(amount))));
    }

    @Test
    void postsABalancedEntryAndMaintainsBalances() {
        PostingResult result = deposit("deposit-0001", today, "150000.00");

        assertThat(result.replayed()).isFalse();
        JournalEntry entry = result.entry();
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.prevHash()).isEqualTo(EntryFingerprint.GENESIS);
        assertThat(entry.hash()).matches("[0-9a-f]{64}");
        assertThat(entry.lines()).extracting(EntryLine::amount).containsExactly(new BigDecimal("150000.00"), new BigDecimal("150000.00"));
        assertThat(chart.account(coop.id(), "1100").balance()).isEqualByComparingTo("150000");
        assertThat(chart.account(coop.id(), "2100").balance()).isEqualByComparingTo("150000");
        assertThat(ledger.entry(coop.id(), entry.id())).isEqualTo(entry);
        assertThat(deposit("deposit-0002", today, "1").entry().prevHash()).isEqualTo(entry.hash());
    }

    @Autowired
    java.time.Clock clock;

    /**
     * A retried import replays whole batches: each replayed entry is read back with its lines in the batch's
     * few statements, not two statements per entry (a replayed batch of 1,000 once took a second, posting it
     * a twentieth of that).
     */
    @Test
    void aReplayedBatchIsReadBackInAFewStatementsWhateverItsSize() {
        List<PostingRequest> batch = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> request("replayed-batch-" + i, today, debit("1100", BigDecimal.valueOf(i + 1)),
                        credit("2100", BigDecimal.valueOf(i + 1))))
                .toList();
        List<JournalEntry> booked = ledger.postBatch(batch).stream().map(PostingResult::entry).toList();
        java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
        LedgerService counted = new LedgerService(dsl.configuration().derive(new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        }).dsl(), clock);

        List<PostingResult> replayed = counted.postBatch(batch);

        assertThat(replayed).allMatch(PostingResult::replayed);
        assertThat(replayed).extracting(PostingResult::entry).containsExactlyElementsOf(booked);
        assertThat(statements.get()).as("statements to replay a batch of 300").isLessThan(20);
    }

    @Test
    void aReplayReturnsTheOriginalAndOtherContentIsAConflict() {
        JournalEntry first = deposit("same-key-1", today, "1000").entry();

        PostingResult replay = deposit("same-key-1", today, "1000.00");
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.entry()).isEqualTo(first);
        assertThatThrownBy(() -> deposit("same-key-1", today, "2000"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("ledger.idempotency.conflict");
                });
        assertThat(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(1);
    }

    @Test
    void refusesWhatWouldBreakTheBooksAndChangesNothing() {
        deposit("seed-0001", today, "500");
        assertRefused("ledger.entry.unbalanced", request("bad-00001", today, debit("1100", BigDecimal.TEN), credit("2100", BigDecimal.ONE)));
        assertRefused("ledger.account.unknown", request("bad-00002", today, debit("1100", BigDecimal.TEN), credit("9999", BigDecimal.TEN)));
        assertRefused("ledger.account.header", request("bad-00003", today, debit("1", BigDecimal.TEN), credit("2100", BigDecimal.TEN)));
        assertRefused("money.amount.too-many-decimals", request("bad-00004", today, debit("1100", new BigDecimal("0.001")), credit("2100", new BigDecimal("0.001"))));
        assertRefused("money.amount.not-positive", request("bad-00005", today, debit("1100", BigDecimal.ZERO), credit("2100", BigDecimal.ZERO)));
        assertRefused("ledger.lines.count", request("bad-00006", today, debit("1100", BigDecimal.TEN)));
        assertRefused("ledger.value-date.future", request("bad-00007", today.plusDays(2), debit("1100", BigDecimal.TEN), credit("2100", BigDecimal.TEN)));
        assertRefused("ledger.key.invalid", request("short", today, debit("1100", BigDecimal.TEN), credit("2100", BigDecimal.TEN)));
        // voluntary savings may never be overdrawn; cash may never go negative
        assertRefused("ledger.account.constraint.debit", request("bad-00008", today, debit("2100", new BigDecimal("501")), credit("4400", new BigDecimal("501"))));
        assertRefused("ledger.account.constraint.credit", request("bad-00009", today, debit("5400", new BigDecimal("501")), credit("1100", new BigDecimal("501"))));

        assertThat(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(1);
        assertThat(chart.account(coop.id(), "1100").balance()).isEqualByComparingTo("500");
        assertThat(verifier.verify(coop.id()).ok()).isTrue();
    }

    void assertRefused(String messageKey, PostingRequest request) {
        assertThatThrownBy(() -> ledger.post(request))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    @Test
    void theDatabaseItselfRefusesUpdatesDeletesAndUnbalancedLines() {
        JournalEntry entry = deposit("append-only-1", today, "100").entry();

        assertThatThrownBy(() -> dsl.update(JOURNAL_LINE).set(JOURNAL_LINE.AMOUNT, BigDecimal.ONE)
                .where(JOURNAL_LINE.ENTRY_ID.eq(entry.id())).execute()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dsl.deleteFrom(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ID.eq(entry.id())).execute())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> dsl.execute("truncate journal_line")).hasMessageContaining("append-only");
        Account cash = chart.account(coop.id(), "1100");
        assertThatThrownBy(() -> dsl.insertInto(JOURNAL_LINE, JOURNAL_LINE.COOPERATIVE_ID, JOURNAL_LINE.ENTRY_ID,
                        JOURNAL_LINE.LINE_NO, JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT,
                        JOURNAL_LINE.CURRENCY, JOURNAL_LINE.VALUE_DATE)
                .values(coop.id(), entry.id(), (short) 3, cash.id(), "D", BigDecimal.TEN, "IDR", today).execute())
                .hasMessageContaining("does not balance");
        assertThat(verifier.verify(coop.id()).ok()).isTrue();
    }

    @Test
    void reversesOnceWithAMirrorEntry() {
        JournalEntry original = deposit("to-reverse-1", today, "7500").entry();

        PostingResult reversal = ledger.reverse(coop.id(), original.id(), "typed the wrong member", "reverse-key-1", "chair");

        assertThat(reversal.entry().reversesEntryId()).isEqualTo(original.id());
        assertThat(reversal.entry().lines()).extracting(EntryLine::side).containsExactly(Side.CREDIT, Side.DEBIT);
        assertThat(chart.account(coop.id(), "1100").balance()).isEqualByComparingTo("0");
        assertThat(ledger.reversalOf(coop.id(), original.id())).contains(reversal.entry());
        assertThat(ledger.reverse(coop.id(), original.id(), "typed the wrong member", "reverse-key-1", "chair").replayed()).isTrue();
        assertThatThrownBy(() -> ledger.reverse(coop.id(), original.id(), "again", "reverse-key-2", "chair"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.reversal.already"));
        assertThatThrownBy(() -> ledger.reverse(coop.id(), reversal.entry().id(), "undo", "reverse-key-3", "chair"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.reversal.of-reversal"));
        assertThat(verifier.verify(coop.id()).ok()).isTrue();
    }

    @Test
    void closedPeriodsRefuseEntriesAndSnapshotsKeepBalancesAsOfADate() {
        YearMonth twoMonthsAgo = YearMonth.from(today).minusMonths(2);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        deposit("period-0001", twoMonthsAgo.atDay(5), "1000");
        deposit("period-0002", lastMonth.atDay(5), "200");
        deposit("period-0003", today, "30");

        assertThatThrownBy(() -> periods.close(coop.id(), lastMonth))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.period.out-of-order"));
        assertThat(periods.nextToClose(coop.id())).contains(twoMonthsAgo);
        periods.close(coop.id(), twoMonthsAgo);
        assertThat(periods.nextToClose(coop.id())).contains(lastMonth);
        periods.close(coop.id(), lastMonth);
        assertThat(periods.nextToClose(coop.id())).as("the current month has not ended").isEmpty();

        assertRefused("ledger.period.closed", request("period-0004", lastMonth.atDay(20), debit("1100", BigDecimal.ONE), credit("2100", BigDecimal.ONE)));
        assertThat(queries.balanceAsOf(coop.id(), "2100", twoMonthsAgo.atEndOfMonth())).isEqualByComparingTo("1000");
        assertThat(queries.balanceAsOf(coop.id(), "2100", lastMonth.atDay(4))).isEqualByComparingTo("1000");
        assertThat(queries.balanceAsOf(coop.id(), "2100", lastMonth.atEndOfMonth())).isEqualByComparingTo("1200");
        assertThat(queries.balanceAsOf(coop.id(), "2100", today)).isEqualByComparingTo("1230");

        assertThatThrownBy(() -> periods.reopen(coop.id(), twoMonthsAgo, "fix", "chair"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.period.reopen-latest-only"));
        periods.reopen(coop.id(), lastMonth, "a deposit slip was found late", "chair");
        deposit("period-0004", lastMonth.atDay(20), "4");
        assertThat(queries.balanceAsOf(coop.id(), "2100", lastMonth.atEndOfMonth())).isEqualByComparingTo("1204");
        assertThat(periods.events(coop.id())).extracting(PeriodEvent::action).containsExactly("REOPEN", "CLOSE", "CLOSE");
        assertThat(queries.trialBalance(coop.id(), today).balanced()).isTrue();
    }

    @Test
    void thePeriodsListReachesBackToTheMonthToCloseNext() {
        deposit("old-book-1", LocalDate.of(2021, 1, 5), "100");
        assertThat(periods.nextToClose(coop.id())).contains(YearMonth.of(2021, 1));
        List<Period> listed = periods.periods(coop.id());
        assertThat(listed.get(0).month()).isEqualTo(YearMonth.from(today));
        assertThat(listed.get(listed.size() - 1).month()).isEqualTo(YearMonth.of(2021, 1));
    }

    @Test
    void statementShowsRunningBalancesPagedAndTrialBalanceBalances() {
        LocalDate start = today.minusDays(3);
        deposit("stmt-00001", start, "100");
        deposit("stmt-00002", start.plusDays(1), "250");
        ledger.post(request("stmt-00003", start.plusDays(2), debit("2100", new BigDecimal("50")), credit("1100", new BigDecimal("50"))));

        AccountStatement all = queries.statement(coop.id(), "2100", start, today, 0, 10);
        assertThat(all.openingBalance()).isEqualByComparingTo("0");
        assertThat(all.lines()).extracting(StatementLine::balanceAfter)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("350"), new BigDecimal("300"));
        assertThat(all.closingBalance()).isEqualByComparingTo("300");
        AccountStatement page2 = queries.statement(coop.id(), "2100", start, today, 2, 2);
        assertThat(page2.totalLines()).isEqualTo(3);
        assertThat(page2.lines()).singleElement().satisfies(l -> assertThat(l.balanceAfter()).isEqualByComparingTo("300"));
        AccountStatement fromDay2 = queries.statement(coop.id(), "2100", start.plusDays(1), today, 0, 10);
        assertThat(fromDay2.openingBalance()).isEqualByComparingTo("100");

        TrialBalance tb = queries.trialBalance(coop.id(), today);
        assertThat(tb.balanced()).isTrue();
        assertThat(tb.totals().get("IDR").debit()).isEqualByComparingTo("300");
        assertThat(queries.journalPage(coop.id(), new JournalFilter(null, null, "2100", null, null), 0, 10)).hasSize(3);
        assertThat(queries.journalPage(coop.id(), new JournalFilter(null, null, null, null, "stmt-00002"), 0, 10))
                .singleElement().satisfies(r -> assertThat(r.debitTotal()).isEqualByComparingTo("250"));
    }

    @Test
    void twoCurrenciesBalanceEachOnTheirOwnThroughTradingAccounts() {
        Account bankMyr = chart.open(coop.id(), new NewAccount("1210", "Bank MYR", "Bank MYR", AccountType.ASSET, null,
                "MYR", false, null, false, true));
        Account fxMyr = chart.fxPositionAccount(coop.id(), "MYR");
        Account fxIdr = chart.fxPositionAccount(coop.id(), "IDR");

        // a remittance of MYR 1,000.00 credited to a member at 3,550 IDR per MYR
        JournalEntry entry = ledger.post(request("remit-00001", today,
                debit(bankMyr.code(), new BigDecimal("1000.00")), credit(fxMyr.code(), new BigDecimal("1000.00")),
                debit(fxIdr.code(), new BigDecimal("3550000")), credit("2300", new BigDecimal("3550000")))).entry();

        assertThat(entry.lines()).extracting(EntryLine::currency).containsExactly("MYR", "MYR", "IDR", "IDR");
        TrialBalance tb = queries.trialBalance(coop.id(), today);
        assertThat(tb.totals()).containsKeys("IDR", "MYR");
        assertThat(tb.balanced()).isTrue();
        assertRefused("ledger.entry.unbalanced", request("remit-00002", today,
                debit(bankMyr.code(), new BigDecimal("10")), credit("2300", new BigDecimal("35500"))));
        assertThat(verifier.verify(coop.id()).ok()).isTrue();
    }

    /** A roll-up adds its children's balances: a child in another currency would add ringgit to rupiah. */
    @Test
    void anAccountIsOpenedOnlyUnderAParentOfItsCurrency() {
        assertThatThrownBy(() -> chart.open(coop.id(), new NewAccount("1210", "Bank MYR", "Bank MYR", AccountType.ASSET,
                "1", "MYR", false, null, false, true))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("ledger.account.parent.currency"));
        assertThat(chart.find(coop.id(), "1210")).isEmpty();
        assertThat(chart.open(coop.id(), new NewAccount("1210", "Bank MYR", "Bank MYR", AccountType.ASSET, null,
                "MYR", false, null, false, true)).parentId()).isNull();
    }

    /** 1900.MYR shares the code prefix of the rupiah header 1900: its ringgit never count in 1900's balance. */
    @Test
    void balanceWithDescendantsAddsOnlyAccountsOfItsOwnCurrency() {
        Account bankMyr = chart.open(coop.id(), new NewAccount("1210", "Bank MYR", "Bank MYR", AccountType.ASSET, null,
                "MYR", false, null, false, true));
        Account fxMyr = chart.fxPositionAccount(coop.id(), "MYR");
        Account fxIdr = chart.fxPositionAccount(coop.id(), "IDR");
        ledger.post(request("rollup-00001", today,
                debit(bankMyr.code(), new BigDecimal("1000.00")), credit(fxMyr.code(), new BigDecimal("1000.00")),
                debit(fxIdr.code(), new BigDecimal("3550000")), credit("2300", new BigDecimal("3550000"))));

        assertThat(fxMyr.parentId()).isNull();
        assertThat(fxIdr.parentId()).isNotNull();
        assertThat(chart.balanceWithDescendants(coop.id(), "1900")).isEqualByComparingTo("3550000");
        assertThat(chart.balanceWithDescendants(coop.id(), fxMyr.code())).isEqualByComparingTo("-1000.00");
    }

    @Test
    void batchPostsAllOrNothing() {
        List<PostingRequest> good = List.of(
                request("batch-0001", today, debit("1100", BigDecimal.TEN), credit("3100", BigDecimal.TEN)),
                request("batch-0002", today, debit("1100", BigDecimal.ONE), credit("3200", BigDecimal.ONE)));
        assertThat(ledger.postBatch(good)).extracting(r -> r.entry().sequence()).containsExactly(1L, 2L);

        List<PostingRequest> oneBad = List.of(
                request("batch-0003", today, debit("1100", BigDecimal.TEN), credit("3100", BigDecimal.TEN)),
                request("batch-0004", today, debit("2100", BigDecimal.TEN), credit("1100", BigDecimal.TEN)));
        assertThatThrownBy(() -> ledger.postBatch(oneBad)).isInstanceOf(DomainException.class);
        assertThat(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(2);
        assertThat(ledger.postBatch(good)).allMatch(PostingResult::replayed);
    }

    /**
     * The write statement sends a batch's texts as arrays: what an array literal gives meaning to (quotes,
     * backslashes, braces, commas, the word NULL) and text beyond ASCII must arrive as sent, and what the
     * chain hashed (in Java) must be what the database holds (the verifier hashes it again from the rows).
     */
    @Test
    void aBatchKeepsEveryCharacterOfItsTextsAsSent() {
        List<String> descriptions = List.of("say \"hi\", {a,b}", "C:\\kas\\ NULL", "NULL", "Simpanan sukarela — ស្រូវ 🌾",
                "a,b}{\"", "  padded  ");
        List<PostingRequest> batch = new java.util.ArrayList<>();
        for (int i = 0; i < descriptions.size(); i++) {
            batch.add(new PostingRequest(coop.id(), "text-%04d".formatted(i), today.minusDays(i % 2), descriptions.get(i), "MANUAL",
                    i % 2 == 0 ? null : "ref \"" + i + "\" {x}", List.of(debit("1100", new BigDecimal("123456789012.34")),
                    credit("2100", new BigDecimal("0.01")), credit("2100", new BigDecimal("123456789012.33"))), "treasurer"));
        }

        List<PostingResult> posted = ledger.postBatch(batch);

        for (int i = 0; i < batch.size(); i++) {
            JournalEntry stored = ledger.entry(coop.id(), posted.get(i).entry().id());
            assertThat(stored).isEqualTo(posted.get(i).entry());
            assertThat(stored.description()).isEqualTo(descriptions.get(i).strip());
            assertThat(stored.sourceRef()).isEqualTo(batch.get(i).sourceRef());
            assertThat(stored.valueDate()).isEqualTo(today.minusDays(i % 2));
            assertThat(stored.lines()).extracting(EntryLine::amount).containsExactly(new BigDecimal("123456789012.34"),
                    new BigDecimal("0.01"), new BigDecimal("123456789012.33"));
            assertThat(stored.lines()).allSatisfy(l -> assertThat(l.currency()).isEqualTo("IDR"));
        }
        assertThat(dsl.fetchCount(JOURNAL_LINE.join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID)),
                JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()).and(JOURNAL_LINE.VALUE_DATE.eq(JOURNAL_ENTRY.VALUE_DATE)))).isEqualTo(18);
        assertThat(verifier.verify(coop.id()).ok()).isTrue();
    }

    /**
     * A batch this large writes its entries' canonical texts on all cores (see PostingPipeline.seal): the
     * chain must still link each entry to the one before it, in the batch's order, and hash what the
     * verifier recomputes from the rows.
     */
    @Test
    void aBatchSealedOnAllCoresIsChainedInItsOrder() {
        int n = 3 * Draft.PARALLEL_FROM + 1;
        String before = deposit("before-the-batch", today, "1").entry().hash();
        List<PostingRequest> batch = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal amount = new BigDecimal(i + 1).movePointLeft(2);
            batch.add(new PostingRequest(coop.id(), "parallel-%04d".formatted(i), today, "deposit " + i, "MANUAL", null,
                    List.of(debit("1100", amount), credit("2100", amount)), "treasurer"));
        }

        List<JournalEntry> posted = ledger.postBatch(batch).stream().map(PostingResult::entry).toList();

        assertThat(posted).extracting(JournalEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, n + 1).boxed().toList());
        assertThat(posted).extracting(JournalEntry::description)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, n).mapToObj(i -> "deposit " + i).toList());
        assertThat(posted.get(0).prevHash()).isEqualTo(before);
        for (int i = 1; i < n; i++) {
            assertThat(posted.get(i).prevHash()).as("entry %d links to entry %d", i, i - 1).isEqualTo(posted.get(i - 1).hash());
        }
        assertThat(posted).extracting(JournalEntry::hash).doesNotHaveDuplicates();
        assertThat(verifier.verify(coop.id()).ok()).isTrue();
    }
}
