package org.lumbung.fx;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A central bank's daily rates or an operator's rate sheet from CSV (UTF-8, ';' or ','), at most
 * {@value #MAX_BYTES} bytes and {@link ExchangeRateService#MAX_BATCH} rows. Columns by header name, any order, any
 * case: {@code currency}, {@code date} (2026-11-27 or 27/11/2026), {@code rate} (decimal point, up to 8 decimals),
 * optionally {@code source} (else the source given for the file). {@link #check} is the dry run: every bad row with
 * its column and reason, and, when all rows are good, what recording them would do — the rates are recorded in a
 * transaction that is then rolled back. {@link #importSheet} checks again and records all or nothing.
 */
@Service
@PreAuthorize("@access.may('RECORD_RATES')")
public class RateImport {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ERRORS = 500;
    public static final List<String> COLUMNS = List.of("currency", "date", "rate", "source");
    public static final String TEMPLATE_CSV = "currency;date;rate;source\nMYR;2026-11-27;3550.123456;BANK_INDONESIA\n"
            + "KRW;2026-11-27;11.6425;BANK_INDONESIA\n";
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final ExchangeRateService rates;
    private final TransactionTemplate transaction;

    public RateImport(ExchangeRateService rates, PlatformTransactionManager transactions) {
        this.rates = rates;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The dry run: nothing is written. */
    public RateSheet check(long cooperativeId, byte[] content, String defaultSource) {
        return run(cooperativeId, content, defaultSource, false);
    }

    /** Records the whole sheet, or nothing when any row is bad. */
    public RateSheet importSheet(long cooperativeId, byte[] content, String defaultSource) {
        return run(cooperativeId, content, defaultSource, true);
    }

    private RateSheet run(long cooperativeId, byte[] content, String defaultSource, boolean write) {
        List<RateSheet.RowError> errors = new ArrayList<>();
        List<NewRate> parsed = parse(content, defaultSource, errors);
        if (!errors.isEmpty() || parsed.isEmpty()) {
            if (parsed.isEmpty() && errors.isEmpty()) {
                errors.add(new RateSheet.RowError(1, "", "fx.import.empty", List.of()));
            }
            // the sheet's rows: the good ones and those with a mistake (the header is line 1)
            int rows = parsed.size() + (int) errors.stream().filter(e -> e.row() > 1).map(RateSheet.RowError::row).distinct().count();
            return new RateSheet(rows, errors, List.of(), false);
        }
        try {
            List<RecordedRate> outcomes = transaction.execute(status -> {
                List<RecordedRate> recorded = rates.record(cooperativeId, parsed);
                if (!write) {
                    status.setRollbackOnly();
                }
                return recorded;
            });
            return new RateSheet(parsed.size(), errors, outcomes, write);
        } catch (DomainException e) {
            errors.add(new RateSheet.RowError(0, "", e.messageKey(), Arrays.asList(e.arguments())));
            return new RateSheet(parsed.size(), errors, List.of(), false);
        }
    }

    /** The sheet's rows as rates; bad rows go to {@code errors} (at most {@value #MAX_ERRORS}). */
    List<NewRate> parse(byte[] content, String defaultSource, List<RateSheet.RowError> errors) {
        DomainException.require(content != null && content.length <= MAX_BYTES, "fx.import.too-large", MAX_BYTES);
        String text = new String(content, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.chars().filter(c -> c == ';').count() >= first.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true)
                .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).get();
        List<NewRate> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : List.of("currency", "date", "rate")) {
                if (header.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(column))) {
                    errors.add(new RateSheet.RowError(1, column, "fx.import.column-missing", List.of(column)));
                }
            }
            if (!errors.isEmpty()) {
                return List.of();
            }
            for (CSVRecord record : parser) {
                DomainException.require(out.size() + errors.size() < ExchangeRateService.MAX_BATCH, "fx.import.too-many-rows",
                        ExchangeRateService.MAX_BATCH);
                row(record, defaultSource, errors).ifPresent(out::add);
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new RateSheet.RowError(0, "", "fx.import.unreadable", List.of()));
        }
        return out;
    }

    /** One row checked field by field: the first bad field is its error. */
    private static Optional<NewRate> row(CSVRecord record, String defaultSource, List<RateSheet.RowError> errors) {
        int line = (int) record.getRecordNumber() + 1;
        String column = "currency";
        try {
            String currency = Amounts.currency(value(record, "currency").toUpperCase(Locale.ROOT)).getCurrencyCode();
            column = "date";
            LocalDate date = date(value(record, "date"));
            column = "rate";
            BigDecimal rate = ExchangeRateService.parseRate(value(record, "rate"));
            column = "source";
            String source = raw(record, "source").isEmpty() ? defaultSource : raw(record, "source");
            DomainException.require(source.matches(ExchangeRateService.SOURCE), "fx.rate.source.invalid",
                    ExchangeRateService.shortened(source));
            return Optional.of(new NewRate(currency, date, rate, source));
        } catch (DomainException e) {
            errors.add(new RateSheet.RowError(line, column, e.messageKey(), Arrays.asList(e.arguments())));
            return Optional.empty();
        }
    }

    private static String raw(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static String value(CSVRecord record, String column) {
        String v = raw(record, column);
        DomainException.require(!v.isEmpty(), "fx.import.value-missing", column);
        return v;
    }

    private static LocalDate date(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("fx.import.date", ExchangeRateService.shortened(text));
        }
    }
}
