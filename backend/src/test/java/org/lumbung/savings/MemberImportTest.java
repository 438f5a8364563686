package org.lumbung.savings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.members.Member;
import org.lumbung.members.MemberFilter;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Import of a paper book's spreadsheet: a dry run lists every bad row; nothing lands until all are good. */
class MemberImportTest extends SavingsTestBase {

    private static final String HEADER = "Full name;Gender;National ID;Birth date;Village;Address;Phone;Joined on;"
            + "Share capital;Mandatory savings;Voluntary savings;Migration country;Migration sector;Departed on;Returned on\n";

    @Autowired
    MemberImport imports;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    ForeignCurrencyAccounts fx;

    @BeforeEach
    void setUp() {
        cooperativeWithProducts("imp-" + UniqueSuffix.next());
    }

    @Test
    void theDryRunListsEveryBadRowAndTheImportWritesNothing() {
        String csv = HEADER
                + "Siti Aminah;F;3502114508800001;05/08/1980;Ngrupit;;08-1;2024-03-02;100000;250000;0;HK;DOMESTIC_WORK;2012-04-01;2019-11-30\n"
                + ";F;;;Ngrupit;;;2024-03-02;;;;;;;\n"
                + "Sri Wahyuni;F;3502114508800001;1980-08-05;Ngrupit;;;2024-03-02;100000;;;;;;\n"
                + "Tumini;X;;;Jenangan;;;2024-13-01;200000;abc;;ZZ;;;\n";
        ImportReport report = imports.check(coop.id(), "buku-anggota.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(e -> e.row() + ":" + e.column() + ":" + e.messageKey()).contains(
                "1:phone:member.phone.invalid",
                "2:full_name:member.name.missing",
                "3:national_id:import.national-id.repeated",
                "4:joined_on:import.date.invalid",
                "4:mandatory_savings:import.amount.invalid");
        ImportReport refused = imports.importFile(coop.id(), "buku-anggota.csv", csv.getBytes(StandardCharsets.UTF_8), n -> { });
        assertThat(refused.imported()).isFalse();
        assertThat(members.count(coop.id(), MemberFilter.ALL)).isZero();
    }

    @Test
    void aValidFileImportsMembersMigrationsAndOpeningBalances() {
        String csv = HEADER
                + "Siti Aminah;F;3502114508800001;05/08/1980;Ngrupit;RT 2;0812-3456-7001;2024-03-02;100000;250000;1500000;HK;DOMESTIC_WORK;2012-04-01;2019-11-30\n"
                + "Sumarno;M;;;Jenangan;;;2025-08-02;100000;0;0;MY;PLANTATION;2015-01-10;\n";
        assertThat(imports.check(coop.id(), "book.csv", csv.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
        AtomicInteger progress = new AtomicInteger();
        ImportReport report = imports.importFile(coop.id(), "book.csv", csv.getBytes(StandardCharsets.UTF_8), progress::set);
        assertThat(report.imported()).isTrue();
        assertThat(progress.get()).isEqualTo(2);
        Member siti = members.page(coop.id(), MemberFilter.text("Siti Aminah"), 0, 1).get(0);
        assertThat(members.migrations(coop.id(), siti.id())).singleElement().satisfies(m -> assertThat(m.destinationCountry()).isEqualTo("HK"));
        assertThat(account(siti, SavingsKind.VOLUNTARY).balance()).isEqualByComparingTo("1500000");
        assertThat(account(siti, SavingsKind.MANDATORY).balance()).isEqualByComparingTo("250000");
        assertThat(chart.account(coop.id(), org.lumbung.ledger.LedgerAccountRole.OPENING_BALANCE).balance()).isEqualByComparingTo("-1950000");
    }

    @Test
    void theVoluntaryColumnGoesToTheRupiahAccountWhenTheMemberAlsoHasARinggitOne() {
        products.create(coop.id(), new NewSavingsProduct("SUKARELA-MYR", "Voluntary savings in ringgit", "Simpanan Sukarela Ringgit",
                SavingsKind.VOLUNTARY, "MYR", fx.savings(coop.id(), "MYR").code(), null, null, BigDecimal.ZERO, BigDecimal.ZERO,
                InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        String csv = HEADER + "Siti Aminah;F;;;Ngrupit;;;2024-03-02;0;0;1000000;;;;\n";
        ImportReport report = imports.importFile(coop.id(), "book.csv", csv.getBytes(StandardCharsets.UTF_8), n -> { });
        assertThat(report.imported()).isTrue();
        Member siti = members.page(coop.id(), MemberFilter.text("Siti Aminah"), 0, 1).get(0);
        assertThat(savings.accounts(coop.id(), siti.id())).filteredOn(a -> a.kind() == SavingsKind.VOLUNTARY)
                .extracting(a -> a.currency() + " " + a.balance().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("IDR 1000000", "MYR 0");
    }

    @Test
    void theTemplateItselfImports() {
        assertThat(imports.check(coop.id(), "template.csv", MemberImport.TEMPLATE_CSV.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
        refused(() -> imports.check(coop.id(), "photo.jpg", new byte[] {1, 2}), "import.file.type");
    }

    @Test
    void aSpreadsheetImportsWithDateCellsAndNikAsText() throws Exception {
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Anggota");
            var header = sheet.createRow(0);
            String[] columns = {"Full name", "Gender", "National ID", "Birth date", "Joined on", "Voluntary savings"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            var dates = book.createCellStyle();
            dates.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Tumini");
            row.createCell(1).setCellValue("F");
            row.createCell(2).setCellValue("3502115808852443");
            var birth = row.createCell(3);
            birth.setCellValue(java.time.LocalDate.of(1985, 8, 18));
            birth.setCellStyle(dates);
            var joined = row.createCell(4);
            joined.setCellValue(java.time.LocalDate.of(2024, 4, 6));
            joined.setCellStyle(dates);
            row.createCell(5).setCellValue(750000);
            book.write(out);
            xlsx = out.toByteArray();
        }
        ImportReport report = imports.importFile(coop.id(), "buku-anggota.xlsx", xlsx, n -> { });
        assertThat(report.errors()).isEmpty();
        Member tumini = members.page(coop.id(), MemberFilter.text("Tumini"), 0, 1).get(0);
        assertThat(tumini.birthDate()).isEqualTo(java.time.LocalDate.of(1985, 8, 18));
        assertThat(tumini.nationalId()).isEqualTo("3502115808852443");
        assertThat(account(tumini, SavingsKind.VOLUNTARY).balance()).isEqualByComparingTo("750000");
    }
}
