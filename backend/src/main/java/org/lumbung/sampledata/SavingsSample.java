package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import org.lumbung.members.MemberService;
import org.lumbung.savings.ExitService;
import org.lumbung.savings.InterestService;
import org.lumbung.savings.SavingsService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;

/** Two years of the members' savings ({@link SavingsHistory}), on the sample's timeline. */
@Component
class SavingsSample implements SampleDataContributor {

    private final SavingsService savings;
    private final InterestService interest;
    private final ExitService exits;
    private final MemberService members;

    SavingsSample(SavingsService savings, InterestService interest, ExitService exits, MemberService members) {
        this.savings = savings;
        this.interest = interest;
        this.exits = exits;
        this.members = members;
    }

    @Override
    public int getOrder() {
        return 300;
    }

    @Override
    public void contribute(SampleData sample) {
        JsonNode h = sample.json().get("history");
        new SavingsHistory(sample, savings, interest, exits, members, h.get("seed").asLong())
                .plan(sample.shared(MemberSample.Registered.class).members(), sample.shared(ProductSample.Created.class).products(),
                        sample.today(), YearMonth.from(sample.today()).minusMonths(1).atEndOfMonth());
    }
}
