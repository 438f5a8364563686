package org.lumbung.ui.loans;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.LoanService;
import org.lumbung.members.Member;
import org.lumbung.ui.my.MyPageSection;

/** Her loans on her own page: what she owes, the next instalment, the schedule and payments. */
@SpringComponent
class MyLoansSection implements MyPageSection {

    private final LoanService loans;

    MyLoansSection(LoanService loans) {
        this.loans = loans;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Component section(Cooperative cooperative, Member member) {
        return new MyLoansPanel(loans, cooperative.id(), member.id());
    }
}
