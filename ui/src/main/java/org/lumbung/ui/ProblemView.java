package org.lumbung.ui;

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
public class ProblemView extends ErrorPage implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        show("error.problem.title", UiSetup.messageFor(parameter.getCaughtException(), getLocale()), "problem");
        return parameter.getCaughtException() instanceof DomainException ? HttpServletResponse.SC_BAD_REQUEST
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
