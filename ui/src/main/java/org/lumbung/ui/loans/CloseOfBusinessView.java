package org.lumbung.ui.loans;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.closing.CloseRun;
import org.lumbung.loans.closing.CloseStatus;
import org.lumbung.loans.closing.LoanCloseAbility;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The close of business: the business date, the last close, and closing the day or catching up the days
 * the laptop was off, on a background thread with a progress bar (each day closes in short transactions,
 * so the treasurer keeps working meanwhile).
 */
@Route("loans/close")
@RequiresAbility("READ_LOANS")
@Menu(title = "nav.loans.close", order = 380, icon = "vaadin:moon-o")
@MenuGroup("nav.group.loans")
public class CloseOfBusinessView extends VerticalLayout implements HasDynamicTitle {

    private static final int POLL_MS = 500;

    private final CloseOfBusiness close;
    private final Cooperative cooperative;
    private final boolean mayRun;
    private final Div figures = FigureCard.grid();
    private final Button closeDay = new Button();
    private final Button catchUp = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph progressText = new Paragraph();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicReference<@Nullable LocalDate> lastClosed = new AtomicReference<>();
    private @Nullable Registration polling;
    private boolean running;

    public CloseOfBusinessView(CurrentCooperative current, CloseOfBusiness close) {
        this.close = close;
        this.cooperative = current.require();
        this.mayRun = current.may(LoanCloseAbility.RUN_LOAN_CLOSE);
        closeDay.setId("close-day");
        closeDay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        catchUp.setId("close-catch-up");
        progress.setId("close-progress");
        progress.setVisible(false);
        progressText.setId("close-progress-text");
        figures.setId("close-figures");
        closeDay.addClickListener(e -> start(false));
        catchUp.addClickListener(e -> start(true));
        HorizontalLayout actions = new HorizontalLayout(closeDay, catchUp);
        actions.setVisible(mayRun);
        add(new H2(getTranslation("nav.loans.close")), new Paragraph(getTranslation("loans.close.explained")), figures, actions,
                progress, progressText);
        refresh();
    }

    private void refresh() {
        CloseStatus s = close.status(cooperative.id());
        figures.removeAll();
        figures.add(new FigureCard("close-business-date", getTranslation("loans.close.business-date"),
                Formats.date(s.businessDate(), getLocale()), getTranslation("loans.close.today", Formats.date(s.today(), getLocale()))));
        figures.add(new FigureCard("close-days-behind", getTranslation("loans.close.days-behind"),
                Formats.number(s.daysBehind(), getLocale()), null));
        s.lastRun().ifPresent(this::showLastRun);
        closeDay.setText(getTranslation("loans.close.close-day", Formats.date(s.businessDate(), getLocale())));
        closeDay.setEnabled(!running && !s.businessDate().isAfter(s.today()));
        catchUp.setText(getTranslation("loans.close.catch-up", s.daysBehind()));
        catchUp.setEnabled(!running && s.daysBehind() > 0);
    }

    private void showLastRun(CloseRun r) {
        String state = r.done() ? getTranslation("loans.close.run.done")
                : getTranslation("loans.close.run.unfinished", CloseOfBusiness.STEPS.get(Math.max(0, r.step() - 1)));
        figures.add(new FigureCard("close-last-run", getTranslation("loans.close.last-run"), Formats.date(r.businessDate(), getLocale()),
                state + " · " + r.startedBy()));
        figures.add(new FigureCard("close-late-loans", getTranslation("loans.close.late-loans"),
                Formats.number(r.overdueLoans(), getLocale()) + " / " + Formats.number(r.loans(), getLocale()), null));
        figures.add(new FigureCard("close-penalties", getTranslation("loans.close.penalties"),
                Formats.money(r.penalties(), cooperative.baseCurrency(), getLocale()),
                getTranslation("loans.close.accrued", Formats.money(r.accrued(), cooperative.baseCurrency(), getLocale()))));
    }

    /** Closes the business date, or every day up to yesterday, on a background thread; the bar follows by polling. */
    private void start(boolean catchingUp) {
        if (running || !mayRun) {
            return;
        }
        UI ui = UI.getCurrent();
        running = true;
        closeDay.setEnabled(false);
        catchUp.setEnabled(false);
        closed.set(0);
        total.set(1);
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText(getTranslation("loans.close.running"));
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(e -> showProgress());
        long id = cooperative.id();
        LocalDate date = close.businessDate(id);
        LocalDate yesterday = close.status(id).today().minusDays(1);
        Runnable work = new DelegatingSecurityContextRunnable(() -> {
            try {
                if (catchingUp) {
                    close.catchUp(id, yesterday, (done, of, day) -> {
                        total.set(of);
                        closed.set(done);
                        lastClosed.set(day);
                    });
                } else {
                    close.close(id, date);
                    closed.set(1);
                }
                ui.access(() -> finished(null));
            } catch (DomainException ex) {
                ui.access(() -> finished(ex));
            } catch (RuntimeException ex) {
                LoggerFactory.getLogger(CloseOfBusinessView.class).error("close of business failed", ex);
                ui.access(() -> finished(DomainException.invalid("api.unexpected", Long.toString(System.nanoTime(), 36))));
            }
        });
        Thread thread = new Thread(work, "lumbung-close-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void showProgress() {
        int of = Math.max(1, total.get());
        progress.setValue(Math.min(1.0, closed.get() / (double) of));
        LocalDate day = lastClosed.get();
        progressText.setText(day == null ? getTranslation("loans.close.running")
                : getTranslation("loans.close.progress", closed.get(), of, Formats.date(day, getLocale())));
    }

    private void finished(@Nullable DomainException refused) {
        running = false;
        stopPolling();
        progress.setVisible(false);
        if (refused != null) {
            progressText.setText(Messages.of(refused, getLocale()));
            Notifications.refused(refused);
        } else {
            progressText.setText(getTranslation("loans.close.finished", closed.get()));
            Notifications.success(getTranslation("loans.close.finished", closed.get()));
        }
        refresh();
    }

    /** Whether a close is still running (for tests). */
    boolean isRunning() {
        return running;
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!running) {
            refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.loans.close") + " — Lumbung";
    }
}
