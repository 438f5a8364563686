package org.lumbung.ui.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lumbung.platform.Startup;

/**
 * Shown while Lumbung loads its sample cooperative on the first start: the web server already answers, but
 * nobody can sign in yet and the installation is not empty. It asks the server every two seconds and
 * moves on to the sign-in page once the sample is loaded.
 */
@Route(value = "starting", autoLayout = false)
@AnonymousAllowed
public class StartingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int POLL_MILLIS = 2_000;

    private final Startup startup;

    public StartingView(Startup startup) {
        this.startup = startup;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setMaxWidth("20em");
        Paragraph text = new Paragraph(getTranslation("starting.text"));
        text.setId("starting-text");
        text.getStyle().set("max-width", "26em").set("text-align", "center");
        add(new H1("Lumbung"), new Paragraph(getTranslation("starting.title")), progress, text);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        attach.getUI().addPollListener(poll -> {
            if (!startup.starting()) {
                poll.getSource().setPollInterval(-1);
                poll.getSource().navigate(LoginView.class);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!startup.starting()) {
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return "Lumbung — " + getTranslation("starting.title");
    }
}
