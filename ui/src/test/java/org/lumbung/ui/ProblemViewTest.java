package org.lumbung.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.ErrorParameter;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A screen that fails while it is built says why in the reader's language, never with Vaadin's English page. */
class ProblemViewTest extends KaribuTest {

    @Test
    void aRefusalWhileAScreenIsBuiltIsSaidInIndonesian() {
        signIn("admin", Messages.INDONESIAN);
        ProblemView view = new ProblemView();
        UI.getCurrent().add(view);
        int status = view.setErrorParameter(null, new ErrorParameter<>(Exception.class,
                DomainException.notFound("cooperative.not-found", "NGRUPIT")));
        assertThat(status).isEqualTo(400);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("problem")).getText())
                .isEqualTo("Koperasi NGRUPIT tidak ditemukan.");
    }

    @Test
    void anUnexpectedFailureGivesAReferenceAndNoStackTrace() {
        signIn("admin", Messages.ENGLISH);
        ProblemView view = new ProblemView();
        UI.getCurrent().add(view);
        int status = view.setErrorParameter(null, new ErrorParameter<>(Exception.class,
                new IllegalStateException("java.lang.NullPointerException at org.lumbung.Secret")));
        assertThat(status).isEqualTo(500);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("problem")).getText())
                .startsWith("Something went wrong on our side (reference ").doesNotContain("Secret");
    }
}
