package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.members.Member;
import org.lumbung.members.MemberRules;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.members.NewMigration;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.AccessPolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * Members and their opening balances from the paper book's spreadsheet (CSV or XLSX). A dry run checks
 * every row with the registry's own rules and lists every bad row with its column and reason; the
 * import itself checks again and writes nothing unless the whole file is valid, in one transaction:
 * members registered (numbers in file order), migration history, and each member's opening balances
 * as one journal entry against 3900 Opening balances to be cleared (the treasurer clears it against the
 * cash and bank counted on the day).
 */
@Service
@PreAuthorize("@access.may('RECORD_SAVINGS')")
public class MemberImport {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    static final int MAX_ERRORS = 1_000;

    /** The columns, in the order of the template; the header row names them (any order, any case). */
    public static final List<String> COLUMNS = List.of("full_name", "gender", "national_id", "birth_date", "village",
            "address", "phone", "joined_on", "share_capital", "mandatory_savings", "voluntary_savings",
            "migration_country", "migration_sector", "departed_on", "returned_on");
    private static final List<String> REQUIRED = List.of("full_name", "gender", "joined_on");

    public static final String TEMPLATE_CSV = String.join(";", COLUMNS) + "\n"
            + "Siti Aminah;F;3502114508800001;1980-08-05;Ngrupit;RT 02 RW 01;0812-3456-7001;2024-03-02;100000;250000;1500000;HK;DOMESTIC_WORK;2012-04-01;2019-11-30\n"
            + "Sumarno;M;;;Jenangan;;0812-6655-4411;2025-08-02;100000;0;0;MY;PLANTATION;2015-01-10;\n";

    private final DSLContext dsl;
    private final MemberService members;
    private final SavingsService savings;
    private final SavingsProducts products;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Clock clock;

    public MemberImport(DSLContext dsl, MemberService members, SavingsService savings, SavingsProducts products,
                        ChartOfAccounts chart, LedgerService ledger, CooperativeService cooperatives, AccessPolicy access,
                        Clock clock) {
        this.dsl = dsl;
        this.members = members;
        this.savings = savings;
        this.products = products;
        this.chart = chart;
        this.ledger = ledger;
        this.cooperatives = cooperatives;
        this.access = access;
        this.clock = clock;
    }

    /** The dry run: every bad row with a reason; nothing is written. */
    public ImportReport check(long cooperativeId, String fileName, byte[] content) {
        Parsed parsed = parse(cooperativeId, fileName, content);
        return new ImportReport(parsed.rowsRead, parsed.errors, false, 0);
    }

    /** Imports the whole file or, if any row is bad, nothing (the report then lists why). */
    @Transactional
    public ImportReport importFile(long cooperativeId, String fileName, byte[] content, IntConsumer rowsDone) {
        Parsed parsed = parse(cooperativeId, fileName, content);
        if (!parsed.errors.isEmpty()) {
            return new ImportReport(parsed.rowsRead, parsed.errors, false, 0);
        }
        String opening = openingBalanceAccount(cooperativeId);
        LocalDate today = cooperatives.byId(cooperativeId).today(clock);
        String actor = access.currentUser().map(u -> u.username()).orElse("system");
        List<PostingRequest> entries = new ArrayList<>();
        List<List<SavingsAccount>> entryAccounts = new ArrayList<>();
        List<List<Movement>> entryMovements = new ArrayList<>();
        String batch = Long.toHexString(System.nanoTime());
        int done = 0;
        for (ImportRow row : parsed.rows) {
            Member member = members.register(cooperativeId, row.member());
            if (row.migration() != null) {
                members.addMigration(cooperativeId, member.id(), row.migration());
            }
            String key = "import:" + batch + ":" + member.id();
            List<SavingsAccount> accounts = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            for (SavingsAccount account : savings.accounts(cooperativeId, member.id())) {
                // the column's product only: a member also has an account of the kind in another currency
                BigDecimal amount = row.openingBalances().get(account.product().id());
                if (amount != null && amount.signum() > 0) {
                    accounts.add(account);
                    movements.add(new Movement(account.id(), amount, today, "opening balance", key));
                }
            }
            if (!movements.isEmpty()) {
                List<PostingLine> lines = new ArrayList<>();
                BigDecimal total = movements.stream().map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                lines.add(PostingLine.debit(opening, total));
                for (int i = 0; i < accounts.size(); i++) {
                    lines.add(PostingLine.credit(accounts.get(i).number(), movements.get(i).amount()));
                }
                entries.add(new PostingRequest(cooperativeId, key, today,
                        "OPENING BALANCE " + member.displayNumber() + " " + member.fullName(), "IMPORT", fileName(fileName),
                        lines, actor));
                entryAccounts.add(accounts);
                entryMovements.add(movements);
            }
            rowsDone.accept(++done);
        }
        for (int from = 0; from < entries.size(); from += SavingsService.MAX_BATCH) {
            int to = Math.min(entries.size(), from + SavingsService.MAX_BATCH);
            List<PostingResult> posted = ledger.postBatch(entries.subList(from, to));
            // one member's opening entry carries several accounts: each gets its own receipt for the same entry
            List<SavingsAccount> accounts = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            List<PostingResult> results = new ArrayList<>();
            for (int i = from; i < to; i++) {
                accounts.addAll(entryAccounts.get(i));
                movements.addAll(entryMovements.get(i));
                for (int n = 0; n < entryMovements.get(i).size(); n++) {
                    results.add(posted.get(i - from));
                }
            }
            SavingsRows.record(dsl, cooperativeId, TransactionKind.DEPOSIT, accounts, null, movements, results, actor);
        }
        return new ImportReport(parsed.rows.size(), List.of(), true, parsed.rows.size());
    }

    private String openingBalanceAccount(long cooperativeId) {
        // cooperatives founded before the standard chart had it get it on their first import
        return chart.account(cooperativeId, LedgerAccountRole.OPENING_BALANCE).code();
    }

    // --- reading and checking -----------------------------------------------------------------------

    private record ImportRow(NewMember member, @Nullable NewMigration migration, Map<Long, BigDecimal> openingBalances) {
    }

    /** The good rows, every bad row's reasons, and how many rows the file had in all. */
    private record Parsed(List<ImportRow> rows, List<ImportReport.RowError> errors, int rowsRead) {
    }

    private Parsed parse(long cooperativeId, String fileName, byte[] content) {
        DomainException.require(content != null && content.length > 0, "import.file.empty");
        DomainException.require(content.length <= MAX_BYTES, "import.file.too-large", MAX_BYTES / (1024 * 1024));
        List<Map<String, String>> table = ImportFiles.read(fileName, content, MAX_ROWS);
        DomainException.require(!table.isEmpty(), "import.file.empty");
        for (String column : REQUIRED) {
            DomainException.require(table.get(0).containsKey(column), "import.header.missing", column);
        }
        // the paper book's columns are in the cooperative's currency, as is the opening-balance account they are set against
        String currency = cooperatives.byId(cooperativeId).baseCurrency();
        Map<SavingsKind, SavingsProduct> productByKind = new HashMap<>();
        for (SavingsProduct p : products.products(cooperativeId)) {
            if (p.active() && p.kind().openedAtRegistration() && p.currency().equals(currency)) {
                productByKind.putIfAbsent(p.kind(), p);
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> nationalIds = new HashMap<>();
        int rowNumber = 0;
        for (Map<String, String> cells : table) {
            rowNumber++;
            RowReader reader = new RowReader(rowNumber, cells, errors);
            reader.read(productByKind).ifPresent(rows::add);
            String id = cells.get("national_id") == null ? "" : cells.get("national_id").strip();
            if (!id.isEmpty()) {
                // a person is one member: the same number twice in the file, or already registered, is refused
                Integer earlier = nationalIds.putIfAbsent(id, rowNumber);
                if (earlier != null) {
                    errors.add(new ImportReport.RowError(rowNumber, "national_id", "import.national-id.repeated", List.of(id, earlier)));
                } else if (dsl.fetchExists(MEMBER, MEMBER.COOPERATIVE_ID.eq(cooperativeId).and(MEMBER.NATIONAL_ID.eq(id)))) {
                    errors.add(new ImportReport.RowError(rowNumber, "national_id", "member.national-id.taken", List.of(id)));
                }
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        return new Parsed(rows, errors, table.size());
    }

    /** One row's cells into commands; every problem is noted with its column, the first per column only. */
    private static final class RowReader {
        private final int row;
        private final Map<String, String> cells;
        private final List<ImportReport.RowError> errors;
        private boolean bad;

        RowReader(int row, Map<String, String> cells, List<ImportReport.RowError> errors) {
            this.row = row;
            this.cells = cells;
            this.errors = errors;
        }

        Optional<ImportRow> read(Map<SavingsKind, SavingsProduct> productByKind) {
            String nationalId = text("national_id");
            NationalIdKind kind = nationalId == null ? NationalIdKind.NONE
                    : nationalId.matches("[0-9]{16}") ? NationalIdKind.NIK : NationalIdKind.OTHER;
            NewMember member = new NewMember(text("full_name"), upper(text("gender")), kind, nationalId, date("birth_date"),
                    text("village"), text("address"), text("phone"), null, null, "id", date("joined_on"), MemberStatus.ACTIVE);
            if (!bad) {
                try {
                    MemberRules.check(member);
                } catch (DomainException e) {
                    error(columnOf(e.messageKey()), e.messageKey(), e.arguments());
                }
            }
            NewMigration migration = null;
            String country = upper(text("migration_country"));
            if (country != null) {
                String sector = upper(text("migration_sector"));
                try {
                    migration = new NewMigration(country, sector == null ? MigrationSector.OTHER
                            : MigrationSector.valueOf(sector), date("departed_on"), date("returned_on"));
                    NewMigration m = migration;
                    checked("migration_country", () -> MemberRules.check(m));
                } catch (IllegalArgumentException e) {
                    error("migration_sector", "import.sector.unknown", Objects.requireNonNull(sector));
                }
            }
            Map<Long, BigDecimal> balances = new HashMap<>();
            amount("share_capital", SavingsKind.SHARE, productByKind, balances);
            amount("mandatory_savings", SavingsKind.MANDATORY, productByKind, balances);
            amount("voluntary_savings", SavingsKind.VOLUNTARY, productByKind, balances);
            SavingsProduct share = productByKind.get(SavingsKind.SHARE);
            BigDecimal shareBalance = share == null ? null : balances.get(share.id());
            if (share != null && shareBalance != null
                    && shareBalance.compareTo(Objects.requireNonNull(share.fixedAmount())) > 0) {
                error("share_capital", "savings.share.over", share.fixedAmount().toPlainString(), "0");
            }
            return bad ? Optional.empty() : Optional.of(new ImportRow(member, migration, balances));
        }

        private void amount(String column, SavingsKind kind, Map<SavingsKind, SavingsProduct> productByKind,
                            Map<Long, BigDecimal> balances) {
            String value = text(column);
            if (value == null) {
                return;
            }
            if (!value.matches("[0-9]{1,16}(\\.[0-9]{1,4})?")) {
                error(column, "import.amount.invalid", value);
                return;
            }
            BigDecimal amount = new BigDecimal(value);
            SavingsProduct product = productByKind.get(kind);
            if (amount.signum() == 0) {
                return;
            }
            if (product == null) {
                error(column, "import.product.missing", kind.name());
                return;
            }
            checked(column, () -> balances.put(product.id(), Amounts.requireEntered(amount, product.currency())));
        }

        private void checked(String column, Runnable check) {
            try {
                check.run();
            } catch (DomainException e) {
                error(column, e.messageKey(), e.arguments());
            }
        }

        /** The column a registry rule's refusal is about, so the treasurer finds the cell to mend. */
        private static String columnOf(String messageKey) {
            if (messageKey.startsWith("member.nik") || messageKey.startsWith("member.national-id")) {
                return "national_id";
            }
            return switch (messageKey) {
                case "member.gender.invalid" -> "gender";
                case "member.joined.missing" -> "joined_on";
                case "member.birth-date.invalid" -> "birth_date";
                case "member.phone.invalid" -> "phone";
                case "member.village.too-long" -> "village";
                case "member.address.too-long", "member.kin-name.too-long", "member.kin-phone.invalid" -> "address";
                default -> "full_name";
            };
        }

        private @Nullable String text(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static @Nullable String upper(@Nullable String text) {
            return text == null ? null : text.toUpperCase(Locale.ROOT);
        }

        private @Nullable LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            Optional<LocalDate> date = ImportFiles.date(value);
            if (date.isEmpty()) {
                error(column, "import.date.invalid", value);
            }
            return date.orElse(null);
        }

        private void error(String column, String key, Object... arguments) {
            bad = true;
            if (errors.stream().noneMatch(e -> e.row() == row && e.column().equals(column))) {
                errors.add(new ImportReport.RowError(row, column, key, List.of(arguments)));
            }
        }
    }

    private static String fileName(String name) {
        String plain = name == null ? "import" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return plain.length() <= 100 ? plain : plain.substring(0, 100);
    }
}
