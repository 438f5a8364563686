package org.lumbung.ui.savings;

import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.savings.InterestLine;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestRun;
import org.lumbung.savings.InterestService;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Interest of a product for the period ending on a date: the preview lists every account's interest
 * and the total; Post books it. A period already posted says so and books nothing again.
 */
class InterestDialog extends Dialog {

    private final Grid<InterestLine> lines = new Grid<>();
    private final Paragraph result = new Paragraph();
    private final Button post = new Button();
    private @Nullable SavingsProduct previewed;
    private @Nullable LocalDate previewedEnd;

    InterestDialog(InterestService interest, UiAudit audit, Cooperative cooperative, List<SavingsProduct> all, boolean canPost,
                   LocalDate today) {
        setId("interest-dialog");
        setHeaderTitle(getTranslation("interest.title"));
        setWidth("min(48em, 96vw)");
        List<SavingsProduct> earning = all.stream().filter(p -> p.interestMethod() != InterestMethod.NONE).toList();
        Select<SavingsProduct> product = new Select<>();
        product.setId("interest-product");
        product.setLabel(getTranslation("savings.product"));
        product.setItems(earning);
        product.setItemLabelGenerator(p -> p.code() + " — " + p.name(getLocale()));
        if (!earning.isEmpty()) {
            product.setValue(earning.get(0));
        }
        DatePicker end = new DateField(getTranslation("interest.period-end"));
        end.setId("interest-period-end");
        end.setValue(YearMonth.from(today).minusMonths(1).atEndOfMonth());
        end.setMax(today);
        Button preview = new Button(getTranslation("interest.preview"), e -> {
            previewed = null;
            post.setEnabled(false);
            if (product.getValue() == null || end.getValue() == null) {
                return;
            }
            try {
                InterestRun run = interest.preview(cooperative.id(), product.getValue().id(), end.getValue());
                show(run, product.getValue());
                previewed = product.getValue();
                previewedEnd = end.getValue();
                post.setEnabled(canPost && !run.alreadyPosted() && !run.posted());
            } catch (DomainException ex) {
                lines.setItems(List.of());
                result.setText(Messages.of(ex, getLocale()));
            }
        });
        preview.setId("interest-preview");
        product.addValueChangeListener(e -> post.setEnabled(false));
        end.addValueChangeListener(e -> post.setEnabled(false));

        lines.setId("interest-lines");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        lines.setHeight("18em");
        lines.addColumn(InterestLine::accountNumber).setHeader(getTranslation("accounts.number")).setAutoWidth(true);
        lines.addColumn(l -> previewed == null ? l.interest().toPlainString()
                        : Formats.money(l.interest(), previewed.currency(), getLocale()))
                .setHeader(getTranslation("interest.amount")).setTextAlign(ColumnTextAlign.END);
        result.setId("interest-result");

        post.setText(getTranslation("interest.post"));
        post.setId("interest-post");
        post.setEnabled(false);
        post.setVisible(canPost);
        post.setDisableOnClick(true);
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(e -> postPreviewed(interest, audit, cooperative));

        FlexLayout head = new FlexLayout(product, end, preview);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.getStyle().set("gap", "var(--lumo-space-m)");
        VerticalLayout body = new VerticalLayout(head, lines, result);
        body.setPadding(false);
        add(body);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), post);
    }

    /** Posts the run last previewed (the post button stays off until a preview). */
    private void postPreviewed(InterestService interest, UiAudit audit, Cooperative cooperative) {
        if (previewed == null) {
            return;
        }
        try {
            InterestRun run = interest.post(cooperative.id(), previewed.id(), Objects.requireNonNull(previewedEnd));
            show(run, previewed);
            if (run.alreadyPosted()) {
                Notifications.warning("interest.already-posted", List.of(
                        Formats.date(run.periodStart(), getLocale()) + " – " + Formats.date(run.periodEnd(), getLocale()),
                        Formats.money(run.total(), previewed.currency(), getLocale())));
            } else {
                audit.done(cooperative.id(), "POST_INTEREST", previewed.code() + " " + run.periodStart() + ".." + run.periodEnd()
                        + " total " + run.total().toPlainString());
                Notifications.success(getTranslation("interest.posted", previewed.code(),
                        Formats.money(run.total(), previewed.currency(), getLocale())));
            }
        } catch (DomainException ex) {
            audit.refused(cooperative.id(), "POST_INTEREST", previewed.code() + ": " + ex.messageKey());
            Notifications.refused(ex);
            post.setEnabled(true);
        }
    }

    private void show(InterestRun run, SavingsProduct p) {
        previewed = p;
        lines.setItems(run.lines());
        String period = Formats.date(run.periodStart(), getLocale()) + " – " + Formats.date(run.periodEnd(), getLocale());
        String total = Formats.money(run.total(), p.currency(), getLocale());
        result.setText(run.alreadyPosted() ? getTranslation("interest.already-posted", period, total)
                : run.posted() ? getTranslation("interest.posted.summary", period, run.lines().size(), total)
                : getTranslation("interest.preview.summary", period, run.lines().size(), total));
    }
}
