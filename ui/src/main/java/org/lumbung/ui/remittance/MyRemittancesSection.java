package org.lumbung.ui.remittance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.remittance.RemittanceReceipt;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.ui.my.MyPageSection;

/** Her remittances on her own page, and where every part of them went. */
@SpringComponent
class MyRemittancesSection implements MyPageSection {

    private final RemittanceService remittances;
    private final RemittanceReceipt receipts;

    MyRemittancesSection(RemittanceService remittances, RemittanceReceipt receipts) {
        this.remittances = remittances;
        this.receipts = receipts;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Component section(Cooperative cooperative, Member member) {
        return new MyRemittancesPanel(remittances, receipts, cooperative.id(), member.id());
    }
}
