package org.lumbung.sampledata;

import org.jspecify.annotations.Nullable;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.FxSale;
import org.lumbung.fx.FxTrading;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.Migration;
import org.lumbung.platform.money.Amounts;
import org.lumbung.remittance.AllocationKind;
import org.lumbung.remittance.NewAllocation;
import org.lumbung.remittance.NewRemittance;
import org.lumbung.remittance.RemittanceChannel;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.InterestService;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Two years of remittances, from where each member's migration history says she was: around payday each month
 * (not every month), through an operator, a bank or the post at their usual rates and fees, converted; cash carried
 * home on the day she returned, held in its currency and sold to a money changer a week later. Part goes to her
 * voluntary savings, a fee to the cooperative, the rest is paid out in cash while the cash box has it. Booked
 * through the remittance and FX services on the sample's timeline, from a fixed seed.
 */
@Component
class RemittanceSample implements SampleDataContributor {

    /** After the day's deposits, journal, time deposits and withdrawals, before status changes. */
    private static final int ORDER_OF_THE_DAY = 4;
    private static final BigDecimal KEPT_IN_CASH = BigDecimal.valueOf(20_000_000);
    /** What the treasurer wants in the cash box on a day remittances are paid out; fetched from the bank, in millions. */
    private static final BigDecimal CASH_FOR_PAYOUTS = BigDecimal.valueOf(150_000_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal COOPERATIVE_FEE = BigDecimal.valueOf(5_000);
    /** What a member usually sends a month, in the corridor's currency. */
    private static final Map<String, BigDecimal> MONTHLY = Map.of("MY", BigDecimal.valueOf(1_500), "HK", BigDecimal.valueOf(5_000),
            "TW", BigDecimal.valueOf(20_000), "SA", BigDecimal.valueOf(2_000), "SG", BigDecimal.valueOf(1_100),
            "KR", BigDecimal.valueOf(1_500_000), "JP", BigDecimal.valueOf(140_000));
    private static final Map<String, String> CURRENCY = Map.of("MY", "MYR", "HK", "HKD", "TW", "TWD", "SA", "SAR", "SG", "SGD",
            "KR", "KRW", "JP", "JPY");

    /** Members who keep part of the ringgit they carry home in ringgit savings. */
    private static final int RINGGIT_SAVERS = 4;
    private static final BigDecimal RINGGIT_KEPT = BigDecimal.valueOf(500);
    private static final int INTEREST_RUNS = 9;

    private final RemittanceService remittances;
    private final MemberService members;
    private final SavingsService savings;
    private final ExchangeRateService rates;
    private final FxTrading trading;
    private final ChartOfAccounts chart;

    private final SavingsProducts products;
    private final InterestService interest;
    private final ForeignCurrencyAccounts foreign;
    private final LedgerService ledger;
    /** The ringgit savings product and the members who hold it, once planned. */
    private @Nullable SavingsProduct ringgit;
    private final Set<Long> ringgitSavers = new HashSet<>();
    /** The remittances planned for each day, booked together on it. */
    private final Map<LocalDate, List<Planned>> byDay = new HashMap<>();

    RemittanceSample(RemittanceService remittances, MemberService members, SavingsService savings, ExchangeRateService rates,
                     FxTrading trading, ChartOfAccounts chart, SavingsProducts products, InterestService interest,
                     ForeignCurrencyAccounts foreign, LedgerService ledger) {
        this.ledger = ledger;
        this.products = products;
        this.interest = interest;
        this.foreign = foreign;
        this.remittances = remittances;
        this.members = members;
        this.savings = savings;
        this.rates = rates;
        this.trading = trading;
        this.chart = chart;
    }

    @Override
    public int getOrder() {
        return 500;
    }

    @Override
    public void contribute(SampleData sample) {
        Random random = new Random(sample.json().get("history").get("seed").asLong() + 12);
        LocalDate from = sample.today().minusYears(2);
        long coop = sample.cooperative().id();
        ringgitSavers.clear();
        byDay.clear();
        // created after the members registered: nobody gets a ringgit account by registering, the savers open theirs
        ringgit = products.create(coop, new NewSavingsProduct("SUKARELA-MYR", "Voluntary savings in ringgit",
                "Simpanan Sukarela Ringgit", SavingsKind.VOLUNTARY, "MYR", foreign.savings(coop, "MYR").code(), null, null,
                BigDecimal.ZERO, new BigDecimal("1.5"), InterestMethod.DAILY_BALANCE, InterestPosting.QUARTERLY, null, null));
        LocalDate firstSaving = null;
        for (Member m : sample.shared(MemberSample.Registered.class).members()) {
            for (Migration stay : members.migrations(coop, m.id())) {
                if (MONTHLY.containsKey(stay.destinationCountry())) {
                    LocalDate saved = plan(sample, random, m, stay, from);
                    firstSaving = saved == null || (firstSaving != null && firstSaving.isBefore(saved)) ? firstSaving : saved;
                }
            }
        }
        planRinggitInterest(sample, firstSaving);
    }

    /** Interest on the ringgit savings at every quarter's end from the first saving up to the last month's end. */
    private void planRinggitInterest(SampleData sample, @Nullable LocalDate firstSaving) {
        if (firstSaving == null) {
            return;
        }
        LocalDate until = YearMonth.from(sample.today()).minusMonths(1).atEndOfMonth();
        for (YearMonth month = YearMonth.from(firstSaving); !month.atEndOfMonth().isAfter(until); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            if (InterestPosting.QUARTERLY.isPeriodEnd(end)) {
                sample.onItsOwn(end, INTEREST_RUNS, () -> interest.post(sample.cooperative().id(),
                        Objects.requireNonNull(ringgit).id(), end));
            }
        }
    }

    /**
     * Payday remittances of one stay abroad within the sample's two years, and the cash carried home at its end and on
     * yearly visits; the day of her first ringgit saving, if she is one of the savers.
     */
    private @Nullable LocalDate plan(SampleData sample, Random random, Member m, Migration stay, LocalDate from) {
        LocalDate start = max(max(stay.departedOn(), from), m.joinedOn()).plusMonths(1).withDayOfMonth(1);
        LocalDate end = stay.returnedOn() == null ? sample.today() : stay.returnedOn();
        for (LocalDate month = start; month.isBefore(end); month = month.plusMonths(1)) {
            LocalDate day = month.withDayOfMonth(24 + random.nextInt(5));
            if (!day.isAfter(sample.today()) && day.isBefore(end) && random.nextInt(10) < 7) {
                RemittanceChannel channel = random.nextInt(10) < 6 ? RemittanceChannel.MONEY_TRANSFER_OPERATOR
                        : random.nextInt(3) == 0 ? RemittanceChannel.POST : RemittanceChannel.BANK;
                BigDecimal sent = amount(stay.destinationCountry(), 0.6 + random.nextDouble() * 0.8);
                int savedPercent = 5 + random.nextInt(21);
                send(sample, m, stay.destinationCountry(), day, channel, sent, savedPercent);
            }
        }
        List<LocalDate> homecomings = new ArrayList<>();
        // a worker still abroad comes home once a year (for Lebaran) with cash in the pocket
        for (LocalDate visit = start.plusMonths(6); visit.isBefore(end); visit = visit.plusYears(1)) {
            homecomings.add(visit);
        }
        if (stay.returnedOn() != null && !stay.returnedOn().isBefore(max(from, m.joinedOn()))) {
            homecomings.add(stay.returnedOn());
        }
        homecomings.removeIf(day -> day.isAfter(sample.today().minusDays(8)));
        homecomings.forEach(day -> carryHome(sample, m, stay, day));
        boolean saver = stay.destinationCountry().equals("MY") && !homecomings.isEmpty() && ringgitSavers.size() < RINGGIT_SAVERS
                && ringgitSavers.add(m.id());
        if (!saver) {
            return null;
        }
        homecomings.forEach(day -> sample.on(day, ORDER_OF_THE_DAY, () -> keepRinggit(sample, m, day)));
        return homecomings.get(0);
    }

    /** Ringgit she keeps in ringgit savings, into the ringgit cash box: her account opened on her first saving. */
    private void keepRinggit(SampleData sample, Member m, LocalDate day) {
        long coop = sample.cooperative().id();
        long product = Objects.requireNonNull(ringgit).id();
        SavingsAccount account = savings.accounts(coop, m.id()).stream().filter(a -> a.product().id() == product).findFirst()
                .orElseGet(() -> savings.openAccount(coop, m.id(), product, day));
        if (account.active()) {
            savings.deposit(coop, new Movement(account.id(), RINGGIT_KEPT.setScale(2), day, null,
                    "sample-myr-" + m.memberNumber() + "-" + day));
        }
    }

    /** Cash carried home on the day, held in its currency, and sold to a money changer a week later. */
    private void carryHome(SampleData sample, Member m, Migration stay, LocalDate home) {
        BigDecimal carried = amount(stay.destinationCountry(), 1.5);
        send(sample, m, stay.destinationCountry(), home, RemittanceChannel.HAND_CARRIED, carried, 20);
        sample.on(home.plusDays(7), ORDER_OF_THE_DAY, () -> sellToMoneyChanger(sample, m, stay.destinationCountry(), carried,
                home.plusDays(7)));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static BigDecimal amount(String corridor, double factor) {
        String currency = Objects.requireNonNull(CURRENCY.get(corridor));
        BigDecimal raw = Objects.requireNonNull(MONTHLY.get(corridor)).multiply(BigDecimal.valueOf(factor));
        // people send round amounts: tens of the currency, thousands of won and yen
        BigDecimal step = Amounts.minorUnits(currency) == 0 ? BigDecimal.valueOf(1_000) : BigDecimal.TEN;
        return raw.divide(step, 0, RoundingMode.HALF_EVEN).multiply(step).setScale(Amounts.minorUnits(currency), RoundingMode.UNNECESSARY);
    }

    /** A remittance on the timeline, booked with the day's others in one batch. */
    private record Planned(Member member, String corridor, RemittanceChannel channel, BigDecimal sent, int savedPercent) {
    }

    /** Puts a remittance on its day: the day's remittances are booked together (see {@link #sendAll}). */
    private void send(SampleData sample, Member m, String corridor, LocalDate day, RemittanceChannel channel, BigDecimal sent,
                      int savedPercent) {
        List<Planned> planned = byDay.computeIfAbsent(day, d -> {
            List<Planned> ofTheDay = new ArrayList<>();
            sample.on(d, ORDER_OF_THE_DAY, () -> sendAll(sample, d, ofTheDay));
            return ofTheDay;
        });
        planned.add(new Planned(m, corridor, channel, sent, savedPercent));
    }

    /** The day's remittances in one batch of the remittance service: one ledger batch instead of one posting each. */
    private void sendAll(SampleData sample, LocalDate day, List<Planned> planned) {
        long coop = sample.cooperative().id();
        fetchCashFromTheBank(coop, day);
        Account cashBox = chart.account(coop, LedgerAccountRole.CASH);
        BigDecimal[] available = {cashBox.debitTotal().subtract(cashBox.creditTotal()).subtract(KEPT_IN_CASH).max(BigDecimal.ZERO)};
        List<NewRemittance> batch = new ArrayList<>();
        for (Planned p : planned) {
            remittance(sample, p, day, available).ifPresent(batch::add);
        }
        if (!batch.isEmpty()) {
            remittances.recordAll(coop, batch);
        }
    }

    /**
     * The converted remittances arrive in the bank, the families take cash: before a day's payouts the treasurer fetches
     * cash from the bank up to what the payouts need (whole millions), as far as the bank has it.
     */
    private void fetchCashFromTheBank(long coop, LocalDate day) {
        Account cash = chart.account(coop, LedgerAccountRole.CASH);
        Account bank = chart.account(coop, LedgerAccountRole.BANK);
        BigDecimal fetched = CASH_FOR_PAYOUTS.subtract(cash.debitTotal().subtract(cash.creditTotal()))
                .min(bank.debitTotal().subtract(bank.creditTotal())).divide(MILLION, 0, RoundingMode.DOWN).multiply(MILLION);
        if (fetched.signum() > 0) {
            ledger.post(new PostingRequest(coop, "sample-remit-cash-" + day, day, "Cash from the bank for remittance payouts",
                    "SAMPLE", null, List.of(PostingLine.debit(cash.code(), fetched), PostingLine.credit(bank.code(), fetched)),
                    "treasurer"));
        }
    }

    /**
     * One remittance, when the member is still a member and the day has a rate. Operators and the post give a little
     * less than the day's rate; banks the day's rate with a higher fee.
     */
    private Optional<NewRemittance> remittance(SampleData sample, Planned p, LocalDate day, BigDecimal[] available) {
        long coop = sample.cooperative().id();
        Member m = p.member();
        String currency = Objects.requireNonNull(CURRENCY.get(p.corridor()));
        Optional<DatedRate> dated = rates.rateOn(coop, currency, day);
        Optional<SavingsAccount> voluntary = savings.accounts(coop, m.id()).stream()
                .filter(a -> a.kind() == SavingsKind.VOLUNTARY && a.active()).findFirst();
        if (dated.isEmpty() || voluntary.isEmpty() || members.member(coop, m.id()).status() != MemberStatus.ACTIVE) {
            return Optional.empty();
        }
        BigDecimal rate = switch (p.channel()) {
            case MONEY_TRANSFER_OPERATOR -> dated.get().rate().multiply(new BigDecimal("0.985")).setScale(6, RoundingMode.HALF_EVEN);
            case POST -> dated.get().rate().multiply(new BigDecimal("0.975")).setScale(6, RoundingMode.HALF_EVEN);
            case BANK, HAND_CARRIED -> null;
        };
        BigDecimal feePercent = switch (p.channel()) {
            case MONEY_TRANSFER_OPERATOR -> new BigDecimal("0.01");
            case POST -> new BigDecimal("0.015");
            case BANK -> new BigDecimal("0.035");
            case HAND_CARRIED -> BigDecimal.ZERO;
        };
        BigDecimal fee = Amounts.round(p.sent().multiply(feePercent), currency);
        BigDecimal received = Amounts.round(p.sent().multiply(rate == null ? dated.get().rate() : rate),
                sample.cooperative().baseCurrency());
        return Optional.of(new NewRemittance(m.id(), day, p.corridor(), p.channel(), null, currency, p.sent(), fee, rate,
                split(received, voluntary.get(), p.savedPercent(), available), null,
                "sample-remit-" + m.memberNumber() + "-" + day + "-" + p.channel().name().charAt(0)));
    }

    /**
     * Her savings share (whole thousands), the cooperative's fee, the rest in cash while the cash box keeps its float
     * ({@code available[0]}, what the day's earlier remittances left of it).
     */
    private static List<NewAllocation> split(BigDecimal received, SavingsAccount voluntary, int savedPercent, BigDecimal[] available) {
        BigDecimal saved = received.multiply(BigDecimal.valueOf(savedPercent)).divide(BigDecimal.valueOf(100_000), 0, RoundingMode.DOWN)
                .multiply(BigDecimal.valueOf(1000));
        BigDecimal cash = received.subtract(saved).subtract(COOPERATIVE_FEE).min(available[0]).max(BigDecimal.ZERO);
        available[0] = available[0].subtract(cash);
        saved = received.subtract(COOPERATIVE_FEE).subtract(cash);
        List<NewAllocation> parts = new ArrayList<>();
        parts.add(new NewAllocation(AllocationKind.SAVINGS, saved, voluntary.number()));
        parts.add(new NewAllocation(AllocationKind.FEE, COOPERATIVE_FEE, null));
        if (cash.signum() > 0) {
            parts.add(new NewAllocation(AllocationKind.CASH, cash, null));
        }
        return parts;
    }

    /** The cash carried home, sold a week later to a money changer a little under the day's rate. */
    private void sellToMoneyChanger(SampleData sample, Member m, String corridor, BigDecimal amount, LocalDate day) {
        long coop = sample.cooperative().id();
        String currency = Objects.requireNonNull(CURRENCY.get(corridor));
        BigDecimal held = trading.position(coop, currency).held();
        Optional<DatedRate> dated = rates.rateOn(coop, currency, day);
        BigDecimal sold = amount.min(held);
        if (dated.isEmpty() || sold.signum() <= 0) {
            return;
        }
        BigDecimal proceeds = Amounts.round(sold.multiply(dated.get().rate()).multiply(new BigDecimal("0.997")),
                sample.cooperative().baseCurrency());
        trading.sell(coop, new FxSale(currency, sold, proceeds, FxSale.Holding.CASH, day, "sample-fx-sale-" + currency + "-" + m.memberNumber()
                + "-" + day));
    }
}
