package org.lumbung.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.platform.DomainException;

/**
 * What a screen that could not open shows (a refusal while it was being built, such as an administrator opening a
 * cooperative's screen before any cooperative exists): the reason in the reader's language and the way back, in
 * place of Vaadin's English error page. A failure after the screen opened is a notification ({@link UiSetup}).
 */
@AnonymousAllowed
public class ProblemView extends VerticalLayout implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        setAlignItems(Alignment.CENTER);
        Paragraph text = new Paragraph(UiSetup.messageFor(parameter.getCaughtException(), getLocale()));
        text.setId("problem");
        add(new H2(getTranslation("error.problem.title")), text, new Anchor("", getTranslation("error.not-found.home")));
        return parameter.getCaughtException() instanceof DomainException ? HttpServletResponse.SC_BAD_REQUEST
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
