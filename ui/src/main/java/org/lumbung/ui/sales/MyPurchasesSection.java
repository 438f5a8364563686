package org.lumbung.ui.sales;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.sales.MyShop;
import org.lumbung.sales.SaleReceipt;
import org.lumbung.ui.my.MyPageSection;

/** Her shop credit and last purchases on her own page. */
@SpringComponent
class MyPurchasesSection implements MyPageSection {

    private final MyShop shop;
    private final SaleReceipt receipts;

    MyPurchasesSection(MyShop shop, SaleReceipt receipts) {
        this.shop = shop;
        this.receipts = receipts;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public Component section(Cooperative cooperative, Member member) {
        return new MyPurchasesPanel(shop, receipts, cooperative.id(), member.id(), cooperative.baseCurrency());
    }
}
