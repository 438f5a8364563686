package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingResult;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.Payment;
import org.lumbung.sales.SalesAbility;
import org.lumbung.sales.ShopCredit;
import org.lumbung.sales.ShopLimits;
import org.lumbung.sales.ShopSettings;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Members' shop credit: what a member owes and her limit, her repayment in cash or from her voluntary savings with a
 * receipt; for the chair, her credit limit and the shop's discount limit and default credit limit.
 */
@Route("shop/credit")
@RequiresAbility("SELL")
@Menu(title = "nav.shop.credit", order = 670, icon = "vaadin:credit-card")
@MenuGroup("nav.group.shop")
public class ShopCreditView extends VerticalLayout implements HasDynamicTitle {

    private final ShopCredit credit;
    private final ShopLimits limits;
    private final MemberService members;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final IntegerField memberNumber = new IntegerField();
    private final Span owed = new Span();
    private final AmountField amount = new AmountField(null);
    private final RadioButtonGroup<Payment> via = new RadioButtonGroup<>();
    private final HorizontalLayout lastReceipt = new HorizontalLayout();
    private final AmountField memberLimit = new AmountField(null);
    private String key = Keys.newKey();

    public ShopCreditView(CurrentCooperative current, ShopCredit credit, ShopLimits limits, MemberService members, UiAudit audit) {
        this.credit = credit;
        this.limits = limits;
        this.members = members;
        this.audit = audit;
        this.cooperative = current.require();
        add(new H2(getTranslation("nav.shop.credit")), repaymentForm());
        if (current.may(SalesAbility.SET_SHOP_LIMITS)) {
            add(new H3(getTranslation("shop.ui.credit.limits")), memberLimitForm(), shopLimitsForm());
        }
    }

    private VerticalLayout repaymentForm() {
        memberNumber.setId("credit-member");
        memberNumber.setLabel(getTranslation("shop.ui.member-number"));
        memberNumber.setMin(1);
        memberNumber.setMax(9_999_999);
        memberNumber.addValueChangeListener(e -> showMember());
        owed.setId("credit-owed");
        amount.setId("credit-amount");
        amount.setLabel(getTranslation("shop.ui.credit.amount"));
        amount.setCurrency(cooperative.baseCurrency());
        via.setId("credit-via");
        via.setLabel(getTranslation("shop.ui.credit.via"));
        via.setItems(Payment.CASH, Payment.SAVINGS);
        via.setItemLabelGenerator(p -> getTranslation("shop.ui.credit.via." + p.name()));
        via.setValue(Payment.CASH);
        Button repay = new Button(getTranslation("shop.ui.credit.repay"), e -> repay());
        repay.setId("credit-repay");
        repay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        lastReceipt.setId("credit-last");
        HorizontalLayout row = new HorizontalLayout(memberNumber, amount, via, repay);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(row, owed, lastReceipt);
        form.setPadding(false);
        return form;
    }

    private HorizontalLayout memberLimitForm() {
        memberLimit.setId("credit-limit");
        memberLimit.setLabel(getTranslation("shop.ui.credit.member-limit"));
        memberLimit.setCurrency(cooperative.baseCurrency());
        memberLimit.setZeroAllowed(true);
        Button save = new Button(getTranslation("shop.ui.credit.member-limit.save"), e -> saveMemberLimit());
        save.setId("credit-limit-save");
        HorizontalLayout row = new HorizontalLayout(memberLimit, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout shopLimitsForm() {
        ShopSettings now = limits.settings(cooperative.id());
        BigDecimalField discount = new BigDecimalField(getTranslation("shop.ui.credit.discount-limit"));
        discount.setId("limits-discount");
        discount.setValue(now.maxDiscountPercent());
        discount.setSuffixComponent(new Span("%"));
        AmountField defaultLimit = new AmountField(getTranslation("shop.ui.credit.default-limit"));
        defaultLimit.setId("limits-default-credit");
        defaultLimit.setCurrency(cooperative.baseCurrency());
        defaultLimit.setZeroAllowed(true);
        defaultLimit.setAmount(now.defaultCreditLimit());
        Button save = new Button(getTranslation("shop.ui.credit.limits.save"), e -> {
            try {
                ShopSettings saved = limits.update(cooperative.id(),
                        new ShopSettings(discount.getValue(), defaultLimit.requireAmount()));
                audit.done(cooperative.id(), "SHOP_LIMITS", saved.maxDiscountPercent().toPlainString() + " % "
                        + saved.defaultCreditLimit().toPlainString());
                Notifications.success(getTranslation("shop.ui.credit.limits.saved"));
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        save.setId("limits-save");
        HorizontalLayout row = new HorizontalLayout(discount, defaultLimit, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Optional<Member> member() {
        return memberNumber.getValue() == null ? Optional.empty() : members.byNumber(cooperative.id(), memberNumber.getValue());
    }

    /** Her name, what she owes and her limit; her own limit in the chair's field. */
    private void showMember() {
        Optional<Member> m = member();
        owed.setText(m.map(x -> getTranslation("shop.ui.credit.owes", x.fullName(), money(credit.owed(cooperative.id(), x.id())),
                money(limits.creditLimit(cooperative.id(), x.id())))).orElse(memberNumber.getValue() == null ? ""
                : getTranslation("shop.ui.credit.no-member")));
        m.ifPresent(x -> memberLimit.setAmount(limits.creditLimit(cooperative.id(), x.id())));
    }

    private void repay() {
        Optional<Member> m = member();
        BigDecimal a = amount.getAmount();
        memberNumber.setInvalid(m.isEmpty());
        if (m.isEmpty() || a == null) {
            return;
        }
        try {
            PostingResult posted = credit.repay(cooperative.id(), m.get().id(), a, via.getValue(), null, key);
            audit.done(cooperative.id(), "SHOP_CREDIT_REPAYMENT", m.get().displayNumber() + " " + a.toPlainString());
            Notifications.success(getTranslation("shop.ui.credit.repaid", money(a), m.get().fullName()));
            lastReceipt.removeAll();
            lastReceipt.add(receiptLink(m.get(), posted.entry().id()));
            key = Keys.newKey();
            amount.clear();
            showMember();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private Anchor receiptLink(Member m, long entryId) {
        String fileName = "shop-credit-" + m.displayNumber() + "-" + entryId + ".pdf";
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = credit.receipt(cooperative.id(), m.id(), entryId, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }), "");
        a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("shop.ui.receipt")));
        a.setId("credit-receipt");
        a.getElement().setAttribute("download", fileName);
        a.setTarget("_blank");
        return a;
    }

    private void saveMemberLimit() {
        Optional<Member> m = member();
        BigDecimal l = memberLimit.getAmount();
        memberNumber.setInvalid(m.isEmpty());
        if (m.isEmpty() || l == null) {
            return;
        }
        try {
            limits.setCreditLimit(cooperative.id(), m.get().id(), l);
            audit.done(cooperative.id(), "SHOP_CREDIT_LIMIT", m.get().displayNumber() + " " + l.toPlainString());
            Notifications.success(getTranslation("shop.ui.credit.member-limit.saved", m.get().fullName(), money(l)));
            showMember();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private String money(BigDecimal a) {
        return Formats.money(a.setScale(2, RoundingMode.HALF_EVEN), cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.credit") + " — Lumbung";
    }
}
