package org.lumbung.ledger.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.api.LedgerApiModels.LineRequest;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shape of a posted entry, checked before anything hashes, compares or prints it: every line is there
 * with its account, side and amount, and an amount is a plain decimal text of bounded length. So no amount
 * that reaches the ledger can expand (an exponent such as {@code 1e2147483600} never becomes a BigDecimal
 * whose plain form is two billion digits), and {@code "1e3"}, {@code "1."}, {@code ".5"} and {@code ""} are
 * refused rather than read as something the client did not write.
 */
public final class EntryInput {

    /** Sign, up to 20 integer digits, optionally a point and up to 20 decimals: large enough to be refused with its own message. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,20})?");

    private EntryInput() {
    }

    static List<PostingLine> lines(List<LineRequest> lines) {
        DomainException.require(lines != null && lines.size() >= LedgerLimits.MIN_LINES
                && lines.size() <= LedgerLimits.MAX_LINES, "ledger.lines.count", LedgerLimits.MIN_LINES, LedgerLimits.MAX_LINES);
        return lines.stream().map(EntryInput::line).toList();
    }

    private static PostingLine line(LineRequest line) {
        DomainException.require(line != null, "api.line.missing");
        DomainException.require(line.account() != null && !line.account().isBlank(), "ledger.line.account.missing");
        DomainException.require(line.side() != null, "ledger.line.side.missing");
        return new PostingLine(line.account(), line.side(), amount(line.amount()));
    }

    /** A plain decimal text of bounded length, as every amount of the API is written ("150000.00"). */
    public static BigDecimal amount(@Nullable String text) {
        DomainException.require(text != null, "money.amount.missing");
        DomainException.require(PLAIN_DECIMAL.matcher(Objects.requireNonNull(text)).matches(), "api.amount.malformed");
        return new BigDecimal(text);
    }
}
