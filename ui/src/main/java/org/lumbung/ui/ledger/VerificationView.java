package org.lumbung.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainCertificate;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Chain verification for auditors: recomputes every entry's hash and every balance, and states the chain
 * head ("entries 1..N have fingerprint X") to be written down. A head written down earlier (or printed on a
 * month's closing report) is entered below: the screen says whether today's chain still passes through it,
 * i.e. whether history was only appended to since.
 */
@Route("reports/verification")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.verification", order = 410, icon = "vaadin:shield")
@MenuGroup("nav.group.reports")
public class VerificationView extends VerticalLayout implements HasDynamicTitle {

    private final Div result = new Div();
    private final ChainVerifier verifier;
    private final Cooperative cooperative;
    private final TextField sequence = new TextField();
    private final TextField fingerprint = new TextField();

    private final ChainCertificate certificates;

    public VerificationView(LedgerAccess access, ChainVerifier verifier, ChainCertificate certificates) {
        this.verifier = verifier;
        this.certificates = certificates;
        this.cooperative = access.cooperative();
        Paragraph intro = new Paragraph(getTranslation("verification.intro"));
        intro.getStyle().set("max-width", "48em");
        Button run = new Button(getTranslation("verification.run"), VaadinIcon.SHIELD.create(),
                e -> show(verifier.verify(cooperative.id())));
        run.setId("verify-chain");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("verification-result");
        add(new H2(getTranslation("nav.verification")), intro, run, checkpointForm(), result);
    }

    private VerticalLayout checkpointForm() {
        sequence.setLabel(getTranslation("verification.checkpoint.sequence"));
        sequence.setId("checkpoint-sequence");
        sequence.setAllowedCharPattern("[0-9]");
        sequence.setMaxLength(18);
        fingerprint.setLabel(getTranslation("verification.checkpoint.fingerprint"));
        fingerprint.setId("checkpoint-fingerprint");
        fingerprint.setMaxLength(80);
        fingerprint.setWidth("40em");
        fingerprint.getStyle().set("max-width", "100%");
        Button check = new Button(getTranslation("verification.checkpoint.check"), VaadinIcon.CHECK.create(), e -> checkThrough());
        check.setId("check-checkpoint");
        HorizontalLayout fields = new HorizontalLayout(sequence, fingerprint, check);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("verification.checkpoint.title")),
                new Paragraph(getTranslation("verification.checkpoint.intro")), fields);
        form.setPadding(false);
        return form;
    }

    private void checkThrough() {
        try {
            String n = sequence.getValue().strip();
            Long seq = n.matches("[0-9]{1,18}") ? Long.valueOf(n) : null;
            show(verifier.verify(cooperative.id(), Checkpoint.parse(seq, fingerprint.getValue())));
        } catch (DomainException e) {
            result.removeAll();
            Notifications.refused(e);
        }
    }

    private void show(ChainVerification v) {
        result.removeAll();
        Span verdict = new Span(getTranslation(v.ok() ? "verification.ok" : "verification.broken"));
        verdict.setId("verification-verdict");
        verdict.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600")
                .set("color", v.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        result.add(verdict);
        result.add(headToKeep(v));
        if (v.checkpoint() != null) {
            Paragraph through = new Paragraph(getTranslation("verification.checkpoint." + v.checkpoint().name()));
            through.setId("checkpoint-result");
            through.getStyle().set("font-weight", "600").set("color", v.checkpoint() == ChainVerification.CheckpointResult.PASSES
                    ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            result.add(through);
        }
        if (v.firstBrokenSequence() != null) {
            Paragraph broken = new Paragraph(getTranslation("verification.first-broken", v.firstBrokenSequence(), v.problem(getLocale())));
            broken.setId("first-broken");
            result.add(broken);
        }
        if (!v.balancesOk()) {
            result.add(new Paragraph(getTranslation("verification.balance-mismatch", v.mismatchedAccount())));
        }
    }

    /**
     * The head as an auditor keeps it: the entries it covers, when the last of them was sealed, the fingerprint
     * (one click copies it), and the one-page certificate the district office files.
     */
    private Div headToKeep(ChainVerification v) {
        Instant sealed = verifier.sealedAt(cooperative.id(), v.entriesChecked());
        Paragraph head = new Paragraph(getTranslation("verification.head", v.entriesChecked(),
                sealed == null ? "—" : Formats.dateTime(sealed, cooperative.zone(), getLocale())));
        head.setId("head-covers");
        Span fingerprintText = new Span(v.headFingerprint());
        fingerprintText.setId("head-fingerprint");
        fingerprintText.getStyle().set("font-family", "monospace").set("word-break", "break-all")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)").set("display", "block");
        Button copy = new Button(getTranslation("verification.copy"), VaadinIcon.COPY.create(), e -> copy(v));
        copy.setId("copy-fingerprint");
        Anchor certificate = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = certificates.pdf(cooperative.id(), getLocale());
            return new DownloadResponse(new ByteArrayInputStream(pdf), certificateFileName(), "application/pdf", pdf.length);
        }), getTranslation("verification.certificate"));
        certificate.setId("chain-certificate");
        certificate.setTarget("_blank");
        Icon print = VaadinIcon.PRINT.create();
        print.setSize("var(--lumo-icon-size-s)");
        print.getStyle().set("margin-right", "var(--lumo-space-xs)");
        certificate.getElement().insertChild(0, print.getElement());
        HorizontalLayout actions = new HorizontalLayout(copy, certificate);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        return new Div(head, fingerprintText, actions);
    }

    /** Copies "sequence fingerprint" as one line, the way the checkpoint form below takes them back. */
    private void copy(ChainVerification v) {
        getElement().executeJs("""
                const text = $0;
                if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
                const area = document.createElement('textarea');
                area.value = text; document.body.appendChild(area); area.select();
                document.execCommand('copy'); area.remove();""", v.entriesChecked() + " " + v.headFingerprint());
        Notifications.success(getTranslation("verification.copied"));
    }

    private String certificateFileName() {
        return "chain-certificate-" + cooperative.code() + "-" + LocalDate.now(cooperative.zone()) + ".pdf";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.verification") + " — Lumbung";
    }
}
