package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the sample cooperative of {@code sample-data/} into an empty database, in one transaction,
 * through the same services a treasurer uses. Enabled with {@code lumbung.sample-data.enabled=true}
 * (the application's default); it never touches a database that already has a cooperative.
 */
@Component
@ConditionalOnProperty(name = "lumbung.sample-data.enabled", havingValue = "true")
public class SampleDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final CooperativeService cooperatives;
    private final UserService users;
    private final MemberService members;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public SampleDataLoader(CooperativeService cooperatives, UserService users, MemberService members,
                            ChartOfAccounts chart, LedgerService ledger, TransactionTemplate transaction,
                            ObjectMapper json) {
        this.cooperatives = cooperatives;
        this.users = users;
        this.members = members;
        this.chart = chart;
        this.ledger = ledger;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the system itself loads the sample: signed in as "system", every cooperative in scope
        org.lumbung.security.SystemActor.run(() -> {
            if (cooperatives.count() == 0) {
                long start = System.nanoTime();
                transaction.executeWithoutResult(status -> load());
                log.info("loaded the sample cooperative in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            return null;
        });
    }

    private void load() {
        JsonNode root = readJson("cooperative.json");
        JsonNode c = root.get("cooperative");
        Cooperative cooperative = cooperatives.create(new NewCooperative(c.get("code").asText(), c.get("name").asText(),
                c.get("village").asText(), c.get("district").asText(), c.get("province").asText(),
                c.get("country").asText(), c.get("baseCurrency").asText(), c.get("defaultLocale").asText(),
                c.get("timeZone").asText()));
        String password = root.get("demoPassword").asText();
        for (JsonNode u : root.get("users")) {
            users.createDemo(new NewUser(u.get("username").asText(), u.get("fullName").asText(),
                    Role.valueOf(u.get("role").asText()), u.get("cooperative").asBoolean() ? cooperative.id() : null,
                    u.get("locale").asText()), password);
        }
        List<Member> registered = new ArrayList<>();
        for (String[] m : readCsv("members.csv")) {
            registered.add(members.register(cooperative.id(), new NewMember(m[0], m[1], m[2], m[3], LocalDate.parse(m[4]))));
        }
        List<PostingRequest> postings = new ArrayList<>();
        int row = 0;
        for (String[] j : readCsv("journal.csv")) {
            row++;
            Member member = j[2].isEmpty() ? null : registered.get(Integer.parseInt(j[2]) - 1);
            postings.add(new PostingRequest(cooperative.id(), "sample-" + row, LocalDate.parse(j[0]), j[4],
                    "SAMPLE", "journal.csv:" + row, lines(cooperative.id(), j[1], member, new BigDecimal(j[3])), "treasurer"));
        }
        ledger.postBatch(postings);
    }

    private List<PostingLine> lines(long cooperativeId, String kind, Member m, BigDecimal amount) {
        return switch (kind) {
            case "POKOK" -> List.of(PostingLine.debit("1100", amount), PostingLine.credit(memberAccount(cooperativeId, "3100", m), amount));
            case "WAJIB" -> List.of(PostingLine.debit("1100", amount), PostingLine.credit(memberAccount(cooperativeId, "3200", m), amount));
            case "SUKARELA" -> List.of(PostingLine.debit("1100", amount), PostingLine.credit(memberAccount(cooperativeId, "2100", m), amount));
            case "SUKARELA_OUT" -> List.of(PostingLine.debit(memberAccount(cooperativeId, "2100", m), amount), PostingLine.credit("1100", amount));
            case "GRANT" -> List.of(PostingLine.debit("1200", amount), PostingLine.credit("3300", amount));
            case "EXPENSE" -> List.of(PostingLine.debit("5400", amount), PostingLine.credit("1100", amount));
            case "BANK_DEPOSIT" -> List.of(PostingLine.debit("1200", amount), PostingLine.credit("1100", amount));
            default -> throw new IllegalArgumentException("unknown kind in journal.csv: " + kind);
        };
    }

    private String memberAccount(long cooperativeId, String control, Member m) {
        return chart.memberAccount(cooperativeId, control, m.id(), m.memberNumber(), m.fullName()).code();
    }

    private JsonNode readJson(String name) {
        try (InputStream in = open(name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a ';'-separated file with a header line; '#' lines are comments. */
    private static List<String[]> readCsv(String name) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(";", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = SampleDataLoader.class.getResourceAsStream("/sample-data/" + name);
        if (in == null) {
            throw new IllegalStateException("sample-data/" + name + " is not on the class path");
        }
        return in;
    }
}
