package org.lumbung.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ui.i18n.Formats;

/**
 * Chain verification for auditors: recomputes every entry's hash and every balance, and states the chain
 * head ("entries 1..N have fingerprint X") to be written down and checked again on the next visit.
 */
@Route("reports/verification")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.verification", order = 410, icon = "vaadin:shield")
@MenuGroup("nav.group.reports")
public class VerificationView extends VerticalLayout implements HasDynamicTitle {

    private final Div result = new Div();

    public VerificationView(LedgerAccess access, ChainVerifier verifier) {
        Cooperative c = access.cooperative();
        Paragraph intro = new Paragraph(getTranslation("verification.intro"));
        intro.getStyle().set("max-width", "48em");
        Button run = new Button(getTranslation("verification.run"), VaadinIcon.SHIELD.create(), e -> show(verifier.verify(c.id())));
        run.setId("verify-chain");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("verification-result");
        add(new H2(getTranslation("nav.verification")), intro, run, result);
    }

    private void show(ChainVerification v) {
        result.removeAll();
        Span verdict = new Span(getTranslation(v.ok() ? "verification.ok" : "verification.broken"));
        verdict.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600")
                .set("color", v.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        Paragraph head = new Paragraph(getTranslation("verification.head", Formats.number(v.entriesChecked(), getLocale())));
        Span fingerprint = new Span(v.headFingerprint());
        fingerprint.setId("head-fingerprint");
        fingerprint.getStyle().set("font-family", "monospace").set("word-break", "break-all")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)").set("display", "block");
        result.add(verdict, head, fingerprint);
        if (v.firstBrokenSequence() != null) {
            result.add(new Paragraph(getTranslation("verification.first-broken", v.firstBrokenSequence(), v.problem())));
        }
        if (!v.balancesOk()) {
            result.add(new Paragraph(getTranslation("verification.balance-mismatch", v.mismatchedAccount())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.verification") + " — Lumbung";
    }
}
