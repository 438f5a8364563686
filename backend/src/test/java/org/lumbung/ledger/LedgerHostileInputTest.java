package org.lumbung.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;

/**
 * A request's shape is checked before it is hashed: a missing account, side or amount is a refusal
 * (not a NullPointerException from the request hash), and an amount with a huge exponent is refused without
 * ever being written out in full (its plain form would have two billion digits).
 */
class LedgerHostileInputTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;

    Cooperative coop;
    LocalDate today;

    @BeforeEach
    void cooperative() {
        coop = newCooperative("h" + UUID.randomUUID().toString().substring(0, 8));
        today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    }

    PostingRequest request(String key, PostingLine... lines) {
        return new PostingRequest(coop.id(), key, today, "hostile " + key, "MANUAL", null, Arrays.asList(lines), "treasurer");
    }

    @Test
    void missingPartsAndHugeAmountsAreRefusedBeforeTheRequestIsHashed() {
        BigDecimal ten = BigDecimal.TEN;
        PostingLine credit = PostingLine.credit("2100", ten);
        assertRefused("ledger.line.account.missing", request("hostile-0002", new PostingLine(null, Side.DEBIT, ten), credit));
        assertRefused("ledger.line.side.missing", request("hostile-0003", new PostingLine("1100", null, ten), credit));
        assertRefused("money.amount.missing", request("hostile-0004", new PostingLine("1100", Side.DEBIT, null), credit));
        assertRefused("money.amount.too-large", request("hostile-0005",
                PostingLine.debit("1100", new BigDecimal("1e2147483600")), PostingLine.credit("2100", new BigDecimal("1e2147483600"))));
        assertRefused("money.amount.too-precise", request("hostile-0006",
                PostingLine.debit("1100", new BigDecimal("1e-2147483600")), PostingLine.credit("2100", new BigDecimal("1e-2147483600"))));
        assertThatThrownBy(() -> ledger.postBatch(List.of(request("hostile-0007", new PostingLine("", Side.DEBIT, ten), credit))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.line.account.missing"));
        assertThat(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isZero();
    }

    void assertRefused(String messageKey, PostingRequest request) {
        assertThatThrownBy(() -> ledger.post(request))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }
}
