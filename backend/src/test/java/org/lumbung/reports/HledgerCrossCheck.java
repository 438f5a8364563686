package org.lumbung.reports;

import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.TrialBalance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Debian's hledger on an exported journal ({@code .ci/run} installs it when missing) and reads back its
 * balance per account and currency, keyed by the Lumbung code at the start of the account's last segment.
 */
final class HledgerCrossCheck {

    private HledgerCrossCheck() {
    }

    static String run(Path journal, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("hledger", "-f", journal.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("hledger %s: %s", arguments, output).isZero();
        return output;
    }

    /**
     * hledger's flat balance (each account's own postings): "code currency" → debit less credit. A code may itself
     * contain a hyphen (a time deposit's 2200.00073-01), so the last segment is matched against Lumbung's codes.
     */
    static Map<String, BigDecimal> balances(Path journal, java.util.Set<String> codes) throws IOException, InterruptedException {
        Map<String, BigDecimal> balances = new HashMap<>();
        for (String line : run(journal, "balance", "--flat", "--no-total", "-O", "csv").split("\n")) {
            String[] cells = line.split("\",\"");
            if (cells.length != 2 || cells[0].equals("\"account")) {
                continue;
            }
            String account = cells[0].substring(1);
            String last = account.substring(account.lastIndexOf(':') + 1);
            String code = codes.stream().filter(c -> last.equals(c) || last.startsWith(c + "-"))
                    .max(java.util.Comparator.comparingInt(String::length)).orElse(last);
            for (String amount : cells[1].replace("\"", "").split(", ")) {
                String[] parts = amount.strip().split(" ");
                if (parts.length == 2) {
                    balances.merge(code + " " + parts[1], new BigDecimal(parts[0]), BigDecimal::add);
                }
            }
        }
        return balances;
    }

    /** Lumbung's detailed trial balance (every account that takes postings): "code currency" → debit less credit. */
    static Map<String, BigDecimal> trialBalance(LedgerQueries ledger, long cooperativeId, LocalDate asOf) {
        Map<String, BigDecimal> balances = new HashMap<>();
        long count = ledger.detailCount(cooperativeId);
        for (int offset = 0; offset < count; offset += LedgerLimits.MAX_PAGE) {
            for (TrialBalance.Row r : ledger.detailRows(cooperativeId, asOf, offset, LedgerLimits.MAX_PAGE)) {
                BigDecimal net = r.debit().subtract(r.credit());
                if (net.signum() != 0) {
                    balances.put(r.code() + " " + r.currency(), net);
                }
            }
        }
        return balances;
    }

    static Path write(HledgerExport export, long cooperativeId, Path file) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            export.write(cooperativeId, out);
        }
        return file;
    }
}
