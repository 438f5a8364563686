package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.db.TableStatistics;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.members.MemberSignIn;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMigration;
import org.lumbung.cooperative.CooperativeProfile;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.ExitService;
import org.lumbung.savings.InterestService;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
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
 * Loads the sample cooperative of {@code sample-data/} into an empty database through the same services
 * a treasurer uses. Enabled with {@code lumbung.sample-data.enabled=true}
 * (the application's default); it never touches a database that already has a cooperative.
 */
@Component
@ConditionalOnProperty(name = "lumbung.sample-data.enabled", havingValue = "true")
public class SampleDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final CooperativeService cooperatives;
    private final UserService users;
    private final MemberService members;
    private final MemberSignIn signIn;
    private final SavingsProducts products;
    private final SavingsService savings;
    private final InterestService interest;
    private final LedgerService ledger;
    private final TableStatistics statistics;
    private final ExitService exits;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public SampleDataLoader(CooperativeService cooperatives, UserService users, MemberService members,
                            MemberSignIn signIn, SavingsProducts products, SavingsService savings,
                            InterestService interest, ExitService exits, LedgerService ledger, TableStatistics statistics,
                            TransactionTemplate transaction, ObjectMapper json) {
        this.exits = exits;
        this.statistics = statistics;
        this.signIn = signIn;
        this.products = products;
        this.savings = savings;
        this.interest = interest;
        this.cooperatives = cooperatives;
        this.users = users;
        this.members = members;
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
                load();
                log.info("loaded the sample cooperative in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            return null;
        });
    }

    /**
     * The cooperative, its people, products and members in one transaction; then two years of savings
     * in transactions of a few hundred events each (see {@link SavingsHistory#book}); then the demo
     * member's sign-in.
     */
    private void load() {
        JsonNode root = readJson("cooperative.json");
        SavingsHistory history = transaction.execute(status -> setUp(root));
        history.book(transaction);
        transaction.executeWithoutResult(status -> {
            Cooperative cooperative = cooperatives.byCode(root.get("cooperative").get("code").asText());
            JsonNode demo = root.get("demoMember");
            members.byNumber(cooperative.id(), demo.get("memberNumber").asInt())
                    .ifPresent(m -> signIn.setPin(cooperative.id(), m.id(), demo.get("pin").asText()));
        });
    }

    private SavingsHistory setUp(JsonNode root) {
        JsonNode c = root.get("cooperative");
        Cooperative cooperative = cooperatives.create(new NewCooperative(c.get("code").asText(), c.get("name").asText(),
                c.get("village").asText(), c.get("district").asText(), c.get("province").asText(),
                c.get("country").asText(), c.get("baseCurrency").asText(), c.get("defaultLocale").asText(),
                c.get("timeZone").asText()));
        cooperatives.updateProfile(cooperative.id(), new CooperativeProfile(cooperative.name(), c.get("legalNumber").asText(),
                c.get("address").asText(), cooperative.village(), cooperative.district(), cooperative.province(),
                "0352-481234", "ksp.ngrupit@example.org", 1, cooperative.defaultLocale()));
        String password = root.get("demoPassword").asText();
        for (JsonNode u : root.get("users")) {
            users.createDemo(new NewUser(u.get("username").asText(), u.get("fullName").asText(),
                    Role.valueOf(u.get("role").asText()), u.get("cooperative").asBoolean() ? cooperative.id() : null,
                    u.get("locale").asText(), u.hasNonNull("district") ? u.get("district").asText() : null), password);
        }
        List<SavingsProduct> created = new ArrayList<>();
        for (JsonNode p : root.get("products")) {
            created.add(products.create(cooperative.id(), product(p, cooperative.baseCurrency())));
        }
        List<Member> registered = new ArrayList<>();
        for (String[] m : readCsv("members.csv")) {
            registered.add(register(cooperative.id(), m));
        }
        List<Runnable> general = new ArrayList<>();
        List<LocalDate> generalDates = new ArrayList<>();
        int row = 0;
        for (String[] j : readCsv("journal.csv")) {
            String key = "sample-" + (++row);
            LocalDate date = LocalDate.parse(j[0]);
            PostingRequest request = new PostingRequest(cooperative.id(), key, date, j[3], "SAMPLE", "journal.csv:" + row,
                    generalLines(j[1], new BigDecimal(j[2])), "treasurer");
            general.add(() -> ledger.post(request));
            generalDates.add(date);
        }
        JsonNode h = root.get("history");
        SavingsHistory history = new SavingsHistory(cooperative.id(), savings, interest, exits, members, statistics, h.get("seed").asLong());
        history.plan(registered, created, LocalDate.parse(h.get("until").asText()), LocalDate.parse(h.get("interestUntil").asText()),
                general, generalDates);
        return history;
    }

    /** members.csv: full_name;gender;nik;birth_date;village;phone;joined_on;status;migration_country;sector;departed_on;returned_on */
    private Member register(long cooperativeId, String[] m) {
        LocalDate joined = LocalDate.parse(m[6]);
        Member member = members.register(cooperativeId, new NewMember(m[0], m[1], NationalIdKind.NIK, m[2], LocalDate.parse(m[3]),
                m[4], null, m[5], null, null, "id", joined, MemberStatus.valueOf(m[7])));
        if (!m[8].isEmpty()) {
            members.addMigration(cooperativeId, member.id(), new NewMigration(m[8], MigrationSector.valueOf(m[9]),
                    LocalDate.parse(m[10]), m[11].isEmpty() ? null : LocalDate.parse(m[11])));
        }
        return member;
    }

    private static NewSavingsProduct product(JsonNode p, String currency) {
        return new NewSavingsProduct(p.get("code").asText(), p.get("nameEn").asText(), p.get("nameId").asText(),
                SavingsKind.valueOf(p.get("kind").asText()), currency, p.get("controlAccount").asText(),
                decimal(p, "fixedAmount"), decimal(p, "mandatoryAmount"), decimal(p, "minimumBalance"),
                p.hasNonNull("interestRate") ? new BigDecimal(p.get("interestRate").asText()) : BigDecimal.ZERO,
                InterestMethod.valueOf(p.hasNonNull("interestMethod") ? p.get("interestMethod").asText() : "NONE"),
                InterestPosting.valueOf(p.hasNonNull("interestPosting") ? p.get("interestPosting").asText() : "MONTHLY"),
                p.hasNonNull("termMonths") ? p.get("termMonths").asInt() : null, decimal(p, "earlyPenaltyRate"));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : null;
    }

    private static List<PostingLine> generalLines(String kind, BigDecimal amount) {
        return switch (kind) {
            case "GRANT" -> List.of(PostingLine.debit("1200", amount), PostingLine.credit("3300", amount));
            case "EXPENSE" -> List.of(PostingLine.debit("5400", amount), PostingLine.credit("1100", amount));
            case "BANK_DEPOSIT" -> List.of(PostingLine.debit("1200", amount), PostingLine.credit("1100", amount));
            default -> throw new IllegalArgumentException("unknown kind in journal.csv: " + kind);
        };
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
