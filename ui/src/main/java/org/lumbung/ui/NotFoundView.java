package org.lumbung.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page that does not exist, or is not the reader's (another member's page, a staff screen for a
 * member), shows: the same translated "not found" in both cases, so nothing about others is revealed.
 */
@AnonymousAllowed
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("error.not-found.title", getTranslation("error.not-found.text"), "not-found");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
